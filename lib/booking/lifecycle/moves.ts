import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { appointments, members, practices, type AppointmentStatus, type Service, type ServiceFormat } from "@/db/schema";
import { runningBoss } from "@/lib/jobs/queue-handle";
import { chooseVideoUrl } from "@/lib/video/join-link";
import type { Slot } from "../slot-types";
import { recordEvent } from "./outbox";
import { sourcesOf } from "./transitions";

/**
 * The transitions. Each runs inside the caller's transaction, moves the
 * appointment only if the table in ./transitions.ts allows it (checked in
 * the UPDATE's WHERE, so it holds under any race), and writes the outbox row
 * in that same transaction. It returns whether the appointment moved; a
 * refused move changes nothing and queues nothing. What follows a change
 * (emails, forms, refunds) is never done here: the outbox's one job does it.
 */

export interface AppointmentRef {
  practiceId: string;
  appointmentId: string;
  now: Date;
}

async function move(tx: DbOrTx, ref: AppointmentRef, to: AppointmentStatus, options: { bumpSequence?: boolean; data?: Record<string, string | number | boolean | null> } = {}): Promise<boolean> {
  const moved = await tx
    .update(appointments)
    .set({
      status: to,
      updatedAt: ref.now,
      ...(to === "cancelled" || to === "late_cancelled" ? { cancelledAt: ref.now } : {}),
      ...(to === "confirmed" ? { holdExpiresAt: null } : {}),
      ...(options.bumpSequence ? { sequence: sql`${appointments.sequence} + 1` } : {}),
    })
    .where(and(eq(appointments.id, ref.appointmentId), eq(appointments.practiceId, ref.practiceId), inArray(appointments.status, sourcesOf(to))))
    .returning({ sequence: appointments.sequence });
  if (moved.length !== 1) return false;
  await recordEvent(tx, { practiceId: ref.practiceId, appointmentId: ref.appointmentId, kind: to === "pending_payment" ? "awaiting_payment" : to, sequence: moved[0]!.sequence, now: ref.now, data: options.data });
  return true;
}

// seriesId/seriesIndex: an occurrence of a recurring series (lib/series), created here like any other booking.
type Extra = Partial<Pick<typeof appointments.$inferInsert, "coupleId" | "holdExpiresAt" | "bookedByStaff" | "createdByUserId" | "overrideReason" | "seriesId" | "seriesIndex">>;

/**
 * An appointment's start: a hold (public booking) or a confirmed booking
 * (staff), for a slot the engine offered, its blocked range widened by the
 * service's buffers. Lapsed holds of that clinician are expired first, so
 * they never stand in the way even before the sweep job runs. An overlap
 * with a live one fails with 23P01 from the exclusion constraint: the caller
 * turns that into "just taken". A confirmed start queues its confirmation.
 */
export async function createAppointment(
  tx: Tx,
  input: { practiceId: string; service: Pick<Service, "id" | "format" | "bufferBeforeMinutes" | "bufferAfterMinutes" | "priceCents" | "currency">; slot: Slot; status: "held" | "confirmed"; now: Date } & Extra,
): Promise<string> {
  const { practiceId, service, slot, status, now, ...extra } = input;
  // One clinician's new appointments go in one at a time (whichever instance runs them): racing
  // inserts into the exclusion constraint wait on each other's uncommitted rows and deadlock under
  // load (40P01, seen with 200 holds over two instances); queued on this lock, each loser gets the
  // constraint's clean 23P01 instead. The constraint still decides; the lock only orders the race.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`appointments:member:${slot.memberId}`}))`);
  await expireLapsedHolds(tx, now, { memberId: slot.memberId });
  const videoUrl = await videoUrlFor(tx, { practiceId, memberId: slot.memberId, format: service.format });
  const [row] = await tx
    .insert(appointments)
    .values({
      practiceId,
      serviceId: service.id,
      memberId: slot.memberId,
      locationId: slot.locationId,
      format: service.format,
      startsAt: new Date(slot.start),
      endsAt: new Date(slot.end),
      blockedFrom: new Date(slot.start - service.bufferBeforeMinutes * 60_000),
      blockedTo: new Date(slot.end + service.bufferAfterMinutes * 60_000),
      status,
      priceCents: service.priceCents,
      currency: service.currency,
      videoUrl,
      createdAt: now,
      updatedAt: now,
      ...extra,
    })
    .returning({ id: appointments.id, sequence: appointments.sequence });
  await recordEvent(tx, { practiceId, appointmentId: row!.id, kind: status, sequence: row!.sequence, now });
  return row!.id;
}

/**
 * The join link an online appointment gets when it is created or moved
 * (decision 0033): the practice's provider pattern with a fresh token, or
 * the clinician's standing room. One query, online sessions only.
 */
async function videoUrlFor(tx: DbOrTx, input: { practiceId: string; memberId: string; format: ServiceFormat }): Promise<string | null> {
  if (input.format !== "online") return null;
  const [row] = await tx
    .select({ pattern: practices.videoUrlPattern, room: members.videoUrl })
    .from(members)
    .innerJoin(practices, eq(practices.id, members.practiceId))
    .where(and(eq(members.id, input.memberId), eq(members.practiceId, input.practiceId)));
  return chooseVideoUrl({ format: input.format, pattern: row?.pattern ?? null, clinicianRoom: row?.room ?? null });
}

/** held → pending_payment: the booking waits for its checkout(s). */
export function awaitPayment(tx: DbOrTx, ref: AppointmentRef): Promise<boolean> {
  return move(tx, ref, "pending_payment");
}

/** held | pending_payment → confirmed (public booking, payment success, staff confirm). Queues the confirmation and forms. */
export function confirm(tx: DbOrTx, ref: AppointmentRef): Promise<boolean> {
  return move(tx, ref, "confirmed");
}

/**
 * → cancelled, or late_cancelled inside the window (the caller decides
 * lateness, staff may waive it). Bumps the calendar sequence. Queues the
 * cancellation email and the cancellation policy (refund, credit, fee).
 */
export function cancel(tx: DbOrTx, ref: AppointmentRef & { late: boolean }): Promise<boolean> {
  return move(tx, ref, ref.late ? "late_cancelled" : "cancelled", { bumpSequence: true, data: { late: ref.late } });
}

/** held | pending_payment → expired: a hold nobody confirmed, a checkout not paid in time. */
export function expire(tx: DbOrTx, ref: AppointmentRef): Promise<boolean> {
  return move(tx, ref, "expired");
}

/** confirmed → completed (staff, once the session started). */
export function complete(tx: DbOrTx, ref: AppointmentRef): Promise<boolean> {
  return move(tx, ref, "completed");
}

/** confirmed → no_show (staff, once the session started); the no-show fee is staff's choice, later. */
export function markNoShow(tx: DbOrTx, ref: AppointmentRef): Promise<boolean> {
  return move(tx, ref, "no_show");
}

/**
 * A confirmed appointment moves to another free slot (same status). Bumps
 * the sequence; queues the rescheduled email. An online session's join link
 * is chosen again (a new room under a provider pattern, the clinician's
 * room as it is now), and the rescheduled email carries it. The exclusion
 * constraint still decides a race (23P01 to the caller).
 */
export async function reschedule(
  tx: DbOrTx,
  ref: AppointmentRef & { slot: Slot; service: Pick<Service, "bufferBeforeMinutes" | "bufferAfterMinutes">; previousStartsAt: Date },
): Promise<boolean> {
  const { slot, service } = ref;
  const [current] = await tx.select({ format: appointments.format, memberId: appointments.memberId }).from(appointments).where(and(eq(appointments.id, ref.appointmentId), eq(appointments.practiceId, ref.practiceId)));
  if (!current) return false;
  const videoUrl = await videoUrlFor(tx, { practiceId: ref.practiceId, memberId: current.memberId, format: current.format });
  const moved = await tx
    .update(appointments)
    .set({
      startsAt: new Date(slot.start),
      endsAt: new Date(slot.end),
      blockedFrom: new Date(slot.start - service.bufferBeforeMinutes * 60_000),
      blockedTo: new Date(slot.end + service.bufferAfterMinutes * 60_000),
      locationId: slot.locationId,
      videoUrl,
      sequence: sql`${appointments.sequence} + 1`,
      updatedAt: ref.now,
    })
    .where(and(eq(appointments.id, ref.appointmentId), eq(appointments.practiceId, ref.practiceId), eq(appointments.status, "confirmed")))
    .returning({ sequence: appointments.sequence });
  if (moved.length !== 1) return false;
  await recordEvent(tx, { ...ref, kind: "rescheduled", sequence: moved[0]!.sequence, data: { previousStartsAt: ref.previousStartsAt.toISOString() } });
  return true;
}

/**
 * Every hold that ran out by `now` (one clinician's, or all) becomes
 * expired, no longer a live status, so the exclusion constraint stops
 * counting it. One UPDATE; safe on several instances at once.
 */
export async function expireLapsedHolds(tx: DbOrTx, now: Date, scope: { memberId?: string } = {}): Promise<number> {
  const expired = await tx
    .update(appointments)
    // updatedAt: the write's own time (a sweep may run with an earlier `now` than rows written since).
    .set({ status: "expired", updatedAt: sql`now()` })
    .where(and(eq(appointments.status, "held"), lte(appointments.holdExpiresAt, now), scope.memberId ? eq(appointments.memberId, scope.memberId) : undefined))
    .returning({ id: appointments.id, practiceId: appointments.practiceId, sequence: appointments.sequence });
  for (const a of expired) await recordEvent(tx, { practiceId: a.practiceId, appointmentId: a.id, kind: "expired", sequence: a.sequence, now });
  return expired.length;
}

/** After commit: asks this process's job runner (if it runs one) to run the outbox now rather than at the next tick. */
export function kickAppointmentEvents(): void {
  runningBoss()
    ?.send("appointment-events", {}, { singletonKey: "appointment-events", singletonSeconds: 1 })
    .catch(() => {});
}
