import type { AppointmentEvent } from "@/db/schema";
import { applyCancellationPolicy } from "@/lib/billing/cancellation-policy";
import { runEvents, type EffectHandlers, type RunSummary } from "@/lib/booking/lifecycle";
import { notifyAttendees, type BookingNotice } from "@/lib/booking/notify-attendees";
import type { EmailTransport } from "@/lib/email/send-email";
import { assignServiceForms } from "@/lib/intake/assign-forms";

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
};

function noticeFor(event: AppointmentEvent): BookingNotice {
  if (event.kind === "rescheduled") return { kind: "rescheduled", previousStartsAt: new Date(String(event.data.previousStartsAt)) };
  if (event.kind === "cancelled" || event.kind === "late_cancelled") return { kind: "cancelled", late: event.kind === "late_cancelled" };
  return { kind: "confirmation" };
}

export function runAppointmentEvents(now: Date, options: { appointmentId?: string; limit?: number; transport?: EmailTransport } = {}): Promise<RunSummary> {
  return runEvents(HANDLERS, { now, ...options });
}
