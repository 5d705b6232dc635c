import { createElement } from "react";
import BookingCancelledEmail, { bookingCancelledSubject } from "@/emails/booking-cancelled";
import BookingConfirmationEmail, { bookingConfirmationSubject } from "@/emails/booking-confirmation";
import BookingRescheduledEmail, { bookingRescheduledSubject } from "@/emails/booking-rescheduled";
import { bookingEventFor, emailTimeZone } from "@/lib/jobs/booking-event";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { icsAttachment } from "./ics";
import { loadAppointmentView } from "./load-appointment";
import { manageUrl } from "./manage-token";
import { proofUrl } from "@/lib/clients/proof-link";
import { emailVideoUrl } from "@/lib/video/join-window";
import { readerZone } from "@/lib/dates";

export type BookingNotice =
  | { kind: "confirmation" }
  | { kind: "rescheduled"; previousStartsAt: Date }
  | { kind: "cancelled"; late: boolean };

/**
 * Emails every attendee about a booking change, each with their own manage
 * link and a calendar file (METHOD:REQUEST, or CANCEL). The key includes the
 * appointment's sequence, so a retry never sends the same notice twice.
 * No clinical detail: practice, clinician, service name, time and place.
 * An attendee whose address is not proven yet also gets their own
 * "confirm it's you" link in the confirmation.
 * Throws when a message could not be sent, after trying every attendee, so
 * the outbox (lib/booking/lifecycle/outbox.ts) retries it; the ones sent are
 * duplicates on the retry.
 */
export async function notifyAttendees(appointmentId: string, notice: BookingNotice, now: Date, transport?: EmailTransport): Promise<void> {
  const a = await loadAppointmentView(appointmentId);
  if (!a) return;
  const clinicZone = emailTimeZone(a.format, a.location?.timeZone ?? null, a.practice.timeZone);
  const clinicianName = a.clinician.credentials ? `${a.clinician.displayName}, ${a.clinician.credentials}` : a.clinician.displayName;
  // From the appointment as it is now: a cancelled session's emails and file carry no link.
  const videoUrl = notice.kind === "cancelled" ? null : emailVideoUrl(a);
  let failed = 0;
  for (const person of a.attendees) {
    if (!person.email) continue;
    const url = manageUrl({ appointmentId: a.id, clientId: person.clientId, endsAt: a.endsAt });
    const details = {
      practiceName: a.practice.name,
      clinicianName,
      serviceName: a.service.name,
      startsAt: a.startsAt,
      // Their own clock first (the zone they booked in), the clinic's noted beside it (decision 0039).
      timeZone: readerZone(person.timeZone, clinicZone),
      clinicTimeZone: clinicZone,
      locale: a.practice.locale,
      format: a.format,
      location: a.location?.address ?? null,
      videoUrl,
      recipientName: person.firstName,
    };
    const calendar = icsAttachment(
      bookingEventFor({
        appointmentId: a.id,
        sequence: a.sequence,
        method: notice.kind === "cancelled" ? "CANCEL" : "REQUEST",
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        clinicianName,
        practiceName: a.practice.name,
        practiceEmail: a.practice.email,
        format: a.format,
        address: a.location?.address ?? null,
        videoUrl,
        manageUrl: notice.kind === "cancelled" ? undefined : url,
        attendee: { name: `${person.firstName} ${person.lastName}`, email: person.email },
        stamp: now,
      }),
    );
    const message =
      notice.kind === "confirmation"
        ? {
            subject: bookingConfirmationSubject(details),
            element: createElement(BookingConfirmationEmail, {
              ...details,
              manageUrl: url,
              // A typed address proves itself with this link (decision 0012); each attendee gets their own.
              proofUrl: person.unverified ? proofUrl({ clientId: person.clientId, email: person.email, now }) : null,
            }),
          }
        : notice.kind === "rescheduled"
          ? {
              subject: bookingRescheduledSubject(details),
              element: createElement(BookingRescheduledEmail, { ...details, previousStartsAt: notice.previousStartsAt, manageUrl: url }),
            }
          : {
              subject: bookingCancelledSubject(details),
              element: createElement(BookingCancelledEmail, {
                ...details,
                lateCancelFee: notice.late && a.service.lateCancelFeeCents > 0 ? { cents: a.service.lateCancelFeeCents, currency: a.currency } : null,
                bookAgainUrl: new URL(`/book/${a.practice.slug}`, env.APP_URL).toString(),
              }),
            };
    const sent = await sendEmail(
      {
        key: `booking-${notice.kind}:${a.id}:${person.clientId}:${a.sequence}`,
        to: person.email,
        template: `booking-${notice.kind}`,
        practiceId: a.practiceId,
        attachments: [calendar],
        retryFailed: true,
        ...message,
      },
      transport,
    );
    if (sent.status === "failed") failed++;
  }
  if (failed > 0) throw new Error(`${failed} booking-${notice.kind} email(s) for appointment ${a.id} not sent`);
}
