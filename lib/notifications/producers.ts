import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, members } from "@/db/schema";
import { rolesWith } from "@/lib/auth/roles";
import type { NotificationKind } from "./kinds";
import { notifyMembers } from "./record";

/**
 * Who hears of what (decision 0037). Each is called by the one place its
 * event happens, in that event's transaction.
 */

const APPOINTMENT_KINDS: Partial<Record<string, NotificationKind>> = {
  confirmed: "booking_new",
  rescheduled: "booking_changed",
  cancelled: "booking_cancelled",
  late_cancelled: "booking_cancelled",
};

/**
 * The appointment's clinician hears of a new, moved or cancelled booking
 * (called by the lifecycle's outbox writer, lib/booking/lifecycle/outbox.ts).
 * A clinician who booked the session themselves is not told of it.
 */
export async function notifyAppointmentChange(
  tx: DbOrTx,
  input: { practiceId: string; appointmentId: string; eventKind: string; key: string; now: Date },
): Promise<void> {
  const kind = APPOINTMENT_KINDS[input.eventKind];
  if (!kind) return;
  const [row] = await tx
    .select({ memberId: appointments.memberId, createdBy: appointments.createdByUserId, clinicianUserId: members.userId })
    .from(appointments)
    .innerJoin(members, eq(members.id, appointments.memberId))
    .where(and(eq(appointments.id, input.appointmentId), eq(appointments.practiceId, input.practiceId)));
  if (!row) return;
  if (kind === "booking_new" && row.createdBy !== null && row.createdBy === row.clinicianUserId) return;
  await notifyMembers(tx, {
    practiceId: input.practiceId,
    kind,
    key: input.key,
    memberIds: [row.memberId],
    // Who attends is read when the notice is shown (a booking's attendees are written after its first event).
    subject: { appointmentId: input.appointmentId },
    now: input.now,
  });
}

/** A client's clinicians (lib/safety/raise-flags.ts `flagRecipients`) hear that a form was completed. */
export async function notifyFormCompleted(
  tx: DbOrTx,
  input: { practiceId: string; clientId: string; responseId: string; recipients: readonly string[]; now: Date },
): Promise<void> {
  await notifyMembers(tx, {
    practiceId: input.practiceId,
    kind: "form_completed",
    key: `form:${input.responseId}`,
    memberIds: input.recipients,
    subject: { clientId: input.clientId, responseId: input.responseId },
    now: input.now,
  });
}

/**
 * A payment that failed: the session's clinician (if it was for one) and
 * the members who look after money (lib/auth/roles.ts "billing.read").
 */
export async function notifyPaymentFailed(
  tx: DbOrTx,
  input: { practiceId: string; paymentId: string; clientId: string; appointmentId: string | null; now: Date },
): Promise<void> {
  const billing = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.practiceId, input.practiceId), inArray(members.role, rolesWith("billing.read")), isNotNull(members.joinedAt)));
  const clinician = input.appointmentId
    ? await tx
        .select({ id: appointments.memberId })
        .from(appointments)
        .where(and(eq(appointments.id, input.appointmentId), eq(appointments.practiceId, input.practiceId)))
    : [];
  await notifyMembers(tx, {
    practiceId: input.practiceId,
    kind: "payment_failed",
    key: `payment-failed:${input.paymentId}`,
    memberIds: [...billing, ...clinician].map((m) => m.id),
    subject: { paymentId: input.paymentId, clientId: input.clientId, appointmentId: input.appointmentId },
    now: input.now,
  });
}
