import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentCptLines, appointmentDiagnoses, appointments, serviceCptLines } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { fieldError, zodFieldErrors, type ActionResult } from "@/lib/form-result";
import { appointmentCptSchema, type CptLine } from "./cpt-lines";
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

/**
 * The clinician's CPT lines for one visit (after it, e.g. 97110 x2 GP and
 * 97140 GP): they replace the service's lines on the superbill. An empty list
 * clears them, so the service's lines apply again. Same rule as diagnoses:
 * the session's clinician, or an owner/admin. Audited without the codes.
 */
export async function saveVisitCptLines(scope: PracticeScope, appointmentId: string, values: unknown): Promise<ActionResult> {
  const parsed = appointmentCptSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  return db.transaction(async (tx) => {
    const [appt] = await tx.select({ memberId: appointments.memberId }).from(appointments).where(and(eq(appointments.id, appointmentId), eq(appointments.practiceId, scope.practice.id)));
    if (!appt) return fieldError("cptLines", "That session was not found");
    if (!can(scope.role, "diagnoses.record_any") && !(can(scope.role, "diagnoses.record_own") && appt.memberId === scope.memberId)) return fieldError("cptLines", "Only the session's clinician records its CPT codes");
    await tx.delete(appointmentCptLines).where(and(eq(appointmentCptLines.appointmentId, appointmentId), eq(appointmentCptLines.practiceId, scope.practice.id)));
    if (parsed.data.cptLines.length > 0) {
      await tx.insert(appointmentCptLines).values(parsed.data.cptLines.map((l, position) => ({ practiceId: scope.practice.id, appointmentId, position, ...l })));
    }
    await recordAudit(byMember(scope, "appointment.cpt_lines", { type: "appointment", id: appointmentId }, { count: parsed.data.cptLines.length }), tx);
    return { ok: true };
  });
}

/** A visit's CPT lines for its page: its own if the clinician set them, else the service's (marked so). */
export async function readVisitCptLines(scope: PracticeScope, appointmentId: string): Promise<{ lines: CptLine[]; fromService: boolean }> {
  const own = await db
    .select({ code: appointmentCptLines.code, units: appointmentCptLines.units, modifiers: appointmentCptLines.modifiers })
    .from(appointmentCptLines)
    .where(and(eq(appointmentCptLines.appointmentId, appointmentId), eq(appointmentCptLines.practiceId, scope.practice.id)))
    .orderBy(asc(appointmentCptLines.position));
  if (own.length > 0) return { lines: own, fromService: false };
  const fromService = await db
    .select({ code: serviceCptLines.code, units: serviceCptLines.units, modifiers: serviceCptLines.modifiers })
    .from(serviceCptLines)
    .innerJoin(appointments, eq(appointments.serviceId, serviceCptLines.serviceId))
    .where(and(eq(appointments.id, appointmentId), eq(appointments.practiceId, scope.practice.id)))
    .orderBy(asc(serviceCptLines.position));
  return { lines: fromService, fromService: true };
}
