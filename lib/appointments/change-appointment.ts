import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, services } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { rescheduleSchema } from "@/lib/booking/booking-schema";
import { findSlots } from "@/lib/booking/find-slots";
import { nextFreeTimes } from "@/lib/booking/next-free-times";
import { cancel, complete, isLateCancellation, markNoShow, reschedule } from "@/lib/booking/lifecycle";
import type { Slot } from "@/lib/booking/slot-types";
import { pgError } from "@/lib/db/pg-error";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";

/*
 * Use cases above booking and billing (lib/appointments): each change goes
 * through the lifecycle in one transaction with its audit row, then the
 * outbox runs for this appointment (emails; after a cancellation, billing's
 * policy), and its job retries whatever failed.
 */

export type CancelResult = { ok: true; late: boolean } | { ok: false; message: string };

/**
 * Cancels a confirmed appointment. Inside the service's cancellation window
 * it becomes late-cancelled (the fee applies, charged by billing later).
 * Staff may waive lateness (`waiveFee`). The email and the policy (refunds,
 * a returned credit, the late fee) follow from the outbox.
 */
export async function cancelAppointment(
  input: { practiceId: string; appointmentId: string; actor: AuditActor; waiveFee?: boolean },
  now: Date,
): Promise<CancelResult> {
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: appointments.status, startsAt: appointments.startsAt, window: services.cancellationWindowHours })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .where(and(eq(appointments.id, input.appointmentId), eq(appointments.practiceId, input.practiceId)))
      .for("update", { of: appointments });
    if (!row || row.status !== "confirmed") return null;
    const late = !input.waiveFee && isLateCancellation(row.startsAt, row.window, now);
    const moved = await cancel(tx, { practiceId: input.practiceId, appointmentId: input.appointmentId, late, now });
    if (!moved) return null;
    await recordAudit(
      { practiceId: input.practiceId, actor: input.actor, action: "appointment.cancel", subjectType: "appointment", subjectId: input.appointmentId, detail: { late } },
      tx,
    );
    return { late };
  });
  if (!result) return { ok: false, message: "This session cannot be cancelled: it is not an upcoming confirmed session." };
  await runAppointmentEvents(now, { appointmentId: input.appointmentId });
  return { ok: true, late: result.late };
}

export type RescheduleResult =
  | { ok: true }
  | { ok: false; errors: FieldErrors }
  | { ok: false; message: string; alternatives?: Slot[] };

/**
 * Moves a confirmed appointment to another free time with the same clinician
 * and service, checked by the same slot search as booking. Clients may move
 * a session only outside its cancellation window; staff may do it any time.
 */
export async function rescheduleAppointment(
  input: { practiceId: string; appointmentId: string; actor: AuditActor; byStaff?: boolean; values: unknown },
  now: Date,
): Promise<RescheduleResult> {
  const parsed = rescheduleSchema.safeParse(input.values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const start = new Date(parsed.data.start);
  const [current] = await db
    .select({ status: appointments.status, startsAt: appointments.startsAt, serviceId: appointments.serviceId, memberId: appointments.memberId, window: services.cancellationWindowHours })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .where(and(eq(appointments.id, input.appointmentId), eq(appointments.practiceId, input.practiceId)));
  if (!current || current.status !== "confirmed") return { ok: false, message: "Only an upcoming confirmed session can be moved." };
  if (!input.byStaff && isLateCancellation(current.startsAt, current.window, now)) {
    return { ok: false, message: `This session starts within ${current.window} hours, so it can no longer be moved online. Please contact the practice.` };
  }
  const check = await findSlots({
    practiceId: input.practiceId,
    serviceId: current.serviceId,
    clinicianId: current.memberId,
    from: start,
    to: new Date(start.getTime() + 1),
    now,
    ignoreNotice: input.byStaff,
    excludeAppointmentId: input.appointmentId,
  });
  const slot = check?.slots.find((s) => s.start === start.getTime());
  const alternatives = () => nextFreeTimes(input.practiceId, current.serviceId, current.memberId, start, now);
  if (!check || !slot) return { ok: false, message: "That time is not available. Please choose another time.", alternatives: await alternatives() };
  const service = check.rules.service;
  try {
    const moved = await db.transaction(async (tx) => {
      if (!(await reschedule(tx, { practiceId: input.practiceId, appointmentId: input.appointmentId, slot, service, previousStartsAt: current.startsAt, now }))) return false;
      await recordAudit(
        {
          practiceId: input.practiceId,
          actor: input.actor,
          action: "appointment.reschedule",
          subjectType: "appointment",
          subjectId: input.appointmentId,
          detail: { from: current.startsAt.toISOString(), to: new Date(slot.start).toISOString() },
        },
        tx,
      );
      return true;
    });
    if (!moved) return { ok: false, message: "Only an upcoming confirmed session can be moved." };
  } catch (error) {
    if (pgError(error)?.code !== "23P01") throw error;
    return { ok: false, message: "Sorry, that time was just taken. Here are the next free times.", alternatives: await alternatives() };
  }
  await runAppointmentEvents(now, { appointmentId: input.appointmentId });
  return { ok: true };
}

/** Staff mark what happened: completed or no-show (after the start time). */
export async function recordOutcome(
  input: { practiceId: string; appointmentId: string; actorUserId: string; outcome: "completed" | "no_show" },
  now: Date,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(and(eq(appointments.id, input.appointmentId), eq(appointments.practiceId, input.practiceId)));
    if (!row) return { ok: false, message: "That session was not found." };
    if (row.startsAt > now) return { ok: false, message: "A session can be marked only once it has started." };
    const ref = { practiceId: input.practiceId, appointmentId: input.appointmentId, now };
    const moved = input.outcome === "completed" ? await complete(tx, ref) : await markNoShow(tx, ref);
    if (!moved) return { ok: false, message: "Only a confirmed session can be marked completed or no-show." };
    await recordAudit(
      {
        practiceId: input.practiceId,
        actor: { kind: "member", userId: input.actorUserId },
        action: `appointment.${input.outcome}`,
        subjectType: "appointment",
        subjectId: input.appointmentId,
      },
      tx,
    );
    return { ok: true };
  });
}
