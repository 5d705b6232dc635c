import { and, desc, eq, notInArray, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import {
  appointmentAttendees,
  appointmentDiagnoses,
  appointments,
  clients,
  goodFaithEstimates,
  memberBilling,
  members,
  practiceBilling,
  practices,
  serviceCptLines,
  services,
  type GoodFaithEstimate,
} from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { localDate } from "@/lib/dates/zone";
import { conflict, invalid, notFound, type Conflict, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { dueBy } from "./deadline";
import { isUsPractice } from "./us";
import { buildEstimate, DEFAULT_WEEKS } from "./estimate";
import type { GfeSnapshot } from "./snapshot";

export const GFE_NOT_US = "Good Faith Estimates apply to US practices only";

export type NotUs = Conflict<"gfe_not_us">;
export type IssueResult = { ok: true; gfe: GoodFaithEstimate } | NotUs | NotFound | Invalid;

export { isUsPractice };

export { issueGfeSchema, type IssueGfeInput } from "./schema";

export interface IssueInput {
  practiceId: string;
  clientId: string;
  serviceId: string;
  reason: "scheduled" | "requested";
  appointmentId?: string | null;
  weeks?: number;
  /** Re-issue: the estimate this one replaces (same client). */
  supersedes?: GoodFaithEstimate | null;
  actor: AuditActor;
  now: Date;
}

/**
 * Builds and stores one estimate, issued now (decision 0053): the snapshot
 * freezes every 45 CFR 149.610(c) element as it reads at this moment. The
 * deadline comes from lib/gfe/deadline.ts in the practice's zone; delivery
 * is the job's (lib/gfe/deliver.ts). Non-US practices are refused with
 * `gfe_not_us`, and nothing is written.
 */
export async function issueGfe(input: IssueInput, tx: DbOrTx = db): Promise<IssueResult> {
  const [row] = await tx
    .select({ practice: practices, billing: practiceBilling, client: clients })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .leftJoin(practiceBilling, eq(practiceBilling.practiceId, practices.id))
    .where(and(eq(clients.id, input.clientId), eq(clients.practiceId, input.practiceId)));
  if (!row) return notFound("No such client");
  if (!isUsPractice(row.practice)) return conflict("gfe_not_us", GFE_NOT_US);
  const [service] = await tx.select().from(services).where(and(eq(services.id, input.serviceId), eq(services.practiceId, input.practiceId)));
  if (!service) return invalid({ serviceId: ["Choose a service"] });
  const codes = await tx
    .select({ code: serviceCptLines.code })
    .from(serviceCptLines)
    .where(and(eq(serviceCptLines.serviceId, service.id), eq(serviceCptLines.practiceId, input.practiceId)))
    .orderBy(serviceCptLines.position);
  const zone = row.practice.timeZone;
  const appt = input.appointmentId
    ? (
        await tx
          .select({ id: appointments.id, startsAt: appointments.startsAt, memberId: appointments.memberId })
          .from(appointments)
          .where(and(eq(appointments.id, input.appointmentId), eq(appointments.practiceId, input.practiceId)))
      )[0]
    : undefined;
  // The clinician: the booked session's, else the one the client saw last; the practice alone when neither.
  const memberId = appt?.memberId ?? (await lastClinician(tx, input.practiceId, input.clientId));
  const [clinician] = memberId
    ? await tx
        .select({ name: members.displayName, credentials: members.credentials, npi: memberBilling.npi })
        .from(members)
        .leftJoin(memberBilling, eq(memberBilling.memberId, members.id))
        .where(and(eq(members.id, memberId), eq(members.practiceId, input.practiceId)))
    : [];
  const p = row.practice;
  const location = [p.addressLine1, p.addressLine2, [p.city, [p.region, p.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ")].filter(Boolean).join(", ");
  const provider: GfeSnapshot["provider"] = {
    practiceName: p.name,
    clinicianName: clinician ? (clinician.credentials ? `${clinician.name}, ${clinician.credentials}` : clinician.name) : null,
    npi: clinician?.npi ?? row.billing?.npi ?? null,
    practiceNpi: row.billing?.npi ?? null,
    tin: row.billing?.taxId ?? null,
    location: [location, service.format === "online" ? "sessions by video" : null].filter(Boolean).join("; ") || "Not recorded",
    phone: p.phone,
    email: p.email,
  };
  const weeks = input.weeks ?? (input.supersedes ? input.supersedes.snapshot.period.weeks : DEFAULT_WEEKS);
  const snapshot = buildEstimate({
    service: {
      id: service.id,
      name: service.name,
      durationMinutes: service.durationMinutes,
      priceCents: service.priceCents,
      currency: service.currency,
      attendance: service.attendance,
      format: service.format,
      cptCodes: codes.map((c) => c.code),
    },
    from: appt ? localDate(appt.startsAt, zone) : localDate(input.now, zone),
    weeks,
    client: { name: `${row.client.firstName} ${row.client.lastName}`, dateOfBirth: row.client.dateOfBirth },
    diagnosisCodes: await latestDiagnoses(tx, input.practiceId, input.clientId),
    provider,
  });
  const deadline = input.reason === "requested" ? dueBy(null, input.now, zone) : dueBy(appt?.startsAt ?? null, input.now, zone);
  const [gfe] = await tx
    .insert(goodFaithEstimates)
    .values({
      practiceId: input.practiceId,
      clientId: input.clientId,
      version: input.supersedes ? input.supersedes.version + 1 : 1,
      supersedesId: input.supersedes?.id ?? null,
      reason: input.reason,
      appointmentId: appt?.id ?? null,
      scheduledFor: appt ? localDate(appt.startsAt, zone) : null,
      dueBy: deadline.dueBy,
      required: deadline.required,
      issuedAt: input.now,
      issuedByUserId: input.actor.kind === "member" ? input.actor.userId : null,
      snapshot,
      totalCents: snapshot.total,
    })
    .returning();
  await recordAudit(
    {
      practiceId: input.practiceId,
      actor: input.actor,
      action: input.supersedes ? "gfe.reissue" : "gfe.issue",
      subjectType: "good_faith_estimate",
      subjectId: gfe!.id,
      detail: { clientId: input.clientId, reason: input.reason, appointmentId: appt?.id ?? null, version: gfe!.version, supersedesId: input.supersedes?.id ?? null },
    },
    tx,
  );
  return { ok: true, gfe: gfe! };
}

async function lastClinician(tx: DbOrTx, practiceId: string, clientId: string): Promise<string | null> {
  const [row] = await tx
    .select({ memberId: appointments.memberId })
    .from(appointmentAttendees)
    .innerJoin(appointments, eq(appointments.id, appointmentAttendees.appointmentId))
    .where(and(eq(appointmentAttendees.clientId, clientId), eq(appointments.practiceId, practiceId), notInArray(appointments.status, ["held", "expired"])))
    .orderBy(desc(appointments.startsAt))
    .limit(1);
  return row?.memberId ?? null;
}

/** The codes the clinician recorded on the client's latest coded session ("where known"). Codes only: never a note. */
async function latestDiagnoses(tx: DbOrTx, practiceId: string, clientId: string): Promise<string[]> {
  const [row] = await tx
    .select({ codes: appointmentDiagnoses.icd10Codes })
    .from(appointmentDiagnoses)
    .innerJoin(appointmentAttendees, eq(appointmentAttendees.appointmentId, appointmentDiagnoses.appointmentId))
    .innerJoin(appointments, eq(appointments.id, appointmentDiagnoses.appointmentId))
    .where(and(eq(appointmentAttendees.clientId, clientId), eq(appointmentDiagnoses.practiceId, practiceId), sql`cardinality(${appointmentDiagnoses.icd10Codes}) > 0`))
    .orderBy(desc(appointments.startsAt))
    .limit(1);
  return row?.codes ?? [];
}

/**
 * The booking hook (the appointment outbox's "gfe" effect on `confirmed`,
 * lib/jobs/appointment-events.ts): each self-pay attendee of a US practice
 * gets an estimate for the booked service, unless an estimate they already
 * hold for that service covers the session's date (a weekly client is not
 * sent a new estimate with every booking). Idempotent: the unique index on
 * (appointment, client) makes a retried effect a no-op.
 */
export async function issueForBooking(appointmentId: string, now: Date): Promise<string[]> {
  const [appt] = await db
    .select({ id: appointments.id, practiceId: appointments.practiceId, serviceId: appointments.serviceId, startsAt: appointments.startsAt, country: practices.country, zone: practices.timeZone })
    .from(appointments)
    .innerJoin(practices, eq(practices.id, appointments.practiceId))
    .where(eq(appointments.id, appointmentId));
  if (!appt || !isUsPractice(appt)) return [];
  const selfPay = await db
    .select({ clientId: clients.id })
    .from(appointmentAttendees)
    .innerJoin(clients, eq(clients.id, appointmentAttendees.clientId))
    .where(and(eq(appointmentAttendees.appointmentId, appointmentId), eq(clients.selfPay, true)));
  const issued: string[] = [];
  const day = localDate(appt.startsAt, appt.zone);
  for (const { clientId } of selfPay) {
    const covered = await db
      .select({ id: goodFaithEstimates.id })
      .from(goodFaithEstimates)
      .where(
        and(
          eq(goodFaithEstimates.practiceId, appt.practiceId),
          eq(goodFaithEstimates.clientId, clientId),
          sql`${goodFaithEstimates.snapshot}->>'serviceId' = ${appt.serviceId}`,
          sql`${goodFaithEstimates.snapshot}->'period'->>'from' <= ${day}`,
          sql`${goodFaithEstimates.snapshot}->'period'->>'to' >= ${day}`,
        ),
      )
      .limit(1);
    if (covered.length > 0) continue;
    const result = await db
      .transaction((tx) => issueGfe({ practiceId: appt.practiceId, clientId, serviceId: appt.serviceId, reason: "scheduled", appointmentId, actor: { kind: "system" }, now }, tx))
      .catch((error: unknown) => {
        // The same booking's estimate, written by a run beside this one: nothing more to do.
        if (isUniqueViolation(error, "good_faith_estimates_scheduled_once")) return null;
        throw error;
      });
    if (result?.ok) issued.push(result.gfe.id);
  }
  return issued;
}

/** The newest estimate of each chain for a client (not superseded), newest first. */
export async function currentEstimates(practiceId: string, clientId: string) {
  const superseded = db.select({ id: sql`${goodFaithEstimates.supersedesId}` }).from(goodFaithEstimates).where(and(eq(goodFaithEstimates.clientId, clientId), sql`${goodFaithEstimates.supersedesId} is not null`));
  return db
    .select()
    .from(goodFaithEstimates)
    .where(and(eq(goodFaithEstimates.practiceId, practiceId), eq(goodFaithEstimates.clientId, clientId), notInArray(goodFaithEstimates.id, superseded)))
    .orderBy(desc(goodFaithEstimates.issuedAt));
}
