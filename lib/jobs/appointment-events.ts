import type { AppointmentEvent } from "@/db/schema";
import { applyCancellationPolicy } from "@/lib/billing/cancellation-policy";
import { runEvents, type EffectHandlers, type RunSummary } from "@/lib/booking/lifecycle";
import { notifyAttendees, type BookingNotice } from "@/lib/booking/notify-attendees";
import type { EmailTransport } from "@/lib/email/send-email";
import { assignServiceForms } from "@/lib/intake/assign-forms";
import { deliverGfes } from "@/lib/gfe/deliver";
import { issueForBooking } from "@/lib/gfe/issue";
import { logError } from "@/lib/db/pg-error";
import { sendStaffNotificationEmails } from "@/lib/notifications/send-emails";
import { kickWaitlist } from "@/lib/waitlist/kick";

/**
 * The one consumer of the appointment outbox (lib/booking/lifecycle/outbox.ts).
 * It lives above booking, intake and billing because its effects come from
 * all three: this is where booking's changes meet billing's policy without
 * booking importing billing. The job "appointment-events" runs it every
 * minute (and at once when kicked); the use cases in lib/appointments run it
 * for their one appointment right after commit, so a visitor's confirmation
 * is not a minute late, and the job catches up whatever that run could not do.
 */
const HANDLERS: EffectHandlers = {
  email: (event, ctx) => notifyAttendees(event.appointmentId, noticeFor(event), ctx.now, ctx.transport),
  forms: async (event, ctx) => {
    await assignServiceForms(event.appointmentId, ctx.now, ctx.transport);
  },
  // Refunds, a returned package credit or the late-cancel fee, per the service's policy.
  "cancellation-policy": async (event, ctx) => {
    await applyCancellationPolicy(event.appointmentId, ctx.now);
  },
  // A self-pay attendee's Good Faith Estimate (US only; a no-op otherwise), issued and emailed at once.
  gfe: async (event, ctx) => {
    for (const gfeId of await issueForBooking(event.appointmentId, ctx.now)) await deliverGfes(ctx.now, { gfeId, transport: ctx.transport });
  },
};

function noticeFor(event: AppointmentEvent): BookingNotice {
  if (event.kind === "rescheduled") return { kind: "rescheduled", previousStartsAt: new Date(String(event.data.previousStartsAt)) };
  if (event.kind === "cancelled" || event.kind === "late_cancelled") return { kind: "cancelled", late: event.kind === "late_cancelled" };
  return { kind: "confirmation" };
}

export async function runAppointmentEvents(now: Date, options: { appointmentId?: string; limit?: number; transport?: EmailTransport } = {}): Promise<RunSummary> {
  const summary = await runEvents(HANDLERS, { now, ...options });
  // The clinician's email about the change (its notice was written with the change), so it is not a minute late either.
  // Not an outbox effect: the notice row is its own outbox, and the staff-notify job retries it.
  try {
    await sendStaffNotificationEmails(now, { appointmentId: options.appointmentId, transport: options.transport });
  } catch (error) {
    logError("notifications", "staff notice emails after an appointment change failed", error);
  }
  // A cancellation or a move may have freed a time someone waits for: the waitlist runs now, not at the next minute.
  if (summary.due > 0) kickWaitlist();
  return summary;
}
