import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentDiagnoses, appointments } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { fieldError, zodFieldErrors, type ActionResult } from "@/lib/form-result";
import { diagnosisSchema } from "./diagnosis-schema";

/** The session's clinician (or an owner/admin) records its ICD-10 codes for superbills. Audited without the codes. */
export async function saveDiagnoses(scope: PracticeScope, appointmentId: string, values: unknown): Promise<ActionResult> {
  const parsed = diagnosisSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  return db.transaction(async (tx) => {
    const [appt] = await tx.select({ memberId: appointments.memberId }).from(appointments).where(and(eq(appointments.id, appointmentId), eq(appointments.practiceId, scope.practice.id)));
    if (!appt) return fieldError("codes", "That session was not found");
    if (!can(scope.role, "diagnoses.record_any") && !(can(scope.role, "diagnoses.record_own") && appt.memberId === scope.memberId)) return fieldError("codes", "Only the session's clinician records its diagnosis codes");
    await tx
      .insert(appointmentDiagnoses)
      .values({ appointmentId, practiceId: scope.practice.id, icd10Codes: parsed.data.codes })
      .onConflictDoUpdate({ target: appointmentDiagnoses.appointmentId, set: { icd10Codes: parsed.data.codes, updatedAt: new Date() } });
    await recordAudit(byMember(scope, "appointment.diagnoses", { type: "appointment", id: appointmentId }, { count: parsed.data.codes.length }), tx);
    return { ok: true };
  });
}

/** A session's ICD-10 codes for staff; reading recorded codes is a clinical read, so it is audited (without the codes). */
export async function readDiagnoses(scope: PracticeScope, appointmentId: string): Promise<string[]> {
  const [row] = await db
    .select({ codes: appointmentDiagnoses.icd10Codes })
    .from(appointmentDiagnoses)
    .where(and(eq(appointmentDiagnoses.appointmentId, appointmentId), eq(appointmentDiagnoses.practiceId, scope.practice.id)));
  const codes = row?.codes ?? [];
  if (codes.length > 0) await recordAudit(byMember(scope, "appointment.diagnoses_read", { type: "appointment", id: appointmentId }, { count: codes.length }));
  return codes;
}
