import type { ServiceFormat } from "@/db/schema";
import type { IcsEvent } from "@/lib/booking/ics";
import { env } from "@/lib/env";

/**
 * What a booking email's calendar file says, built the same way for
 * reminders and for the booking flow's confirmation, reschedule and cancel
 * emails: a summary with the clinician and practice only, the place, and
 * the manage link. Nothing clinical.
 */
export interface BookingEventInput {
  appointmentId: string;
  sequence: number;
  method: "REQUEST" | "CANCEL";
  startsAt: Date;
  endsAt: Date;
  clinicianName: string;
  practiceName: string;
  practiceEmail: string | null;
  format: ServiceFormat;
  /** In person: the address line from `inPersonAddress`. */
  address: string | null;
  /** An online session's join link; never passed for a cancelled one. */
  videoUrl?: string | null;
  manageUrl?: string;
  /** The recipient only: a partner's address is not shared through the file. */
  attendee?: { name: string; email: string };
  stamp?: Date;
}

export function bookingEventFor(input: BookingEventInput): IcsEvent {
  return {
    appointmentId: input.appointmentId,
    sequence: input.sequence,
    method: input.method,
    start: input.startsAt,
    end: input.endsAt,
    summary: bookingSummary(input.clinicianName, input.practiceName),
    description: eventDescription(input),
    // Online with a link: the link is the place, and URL is what calendars offer as "join".
    location: joinUrl(input) ?? icsLocation(input.format, input.address),
    url: joinUrl(input) ?? input.manageUrl,
    organizer: { name: input.practiceName, email: input.practiceEmail ?? senderAddress() },
    attendees: input.attendee ? [input.attendee] : undefined,
    stamp: input.stamp,
  };
}

function joinUrl(input: BookingEventInput): string | null {
  return input.format === "online" && input.method !== "CANCEL" && input.videoUrl ? input.videoUrl : null;
}

function eventDescription(input: BookingEventInput): string | undefined {
  const lines = [
    joinUrl(input) ? `Join the video session: ${joinUrl(input)}` : null,
    input.manageUrl ? `To reschedule or cancel, use your link: ${input.manageUrl}` : null,
  ].filter((line): line is string => line !== null);
  return lines.length > 0 ? lines.join("\n\n") : undefined;
}

/** "Session with Dana Whitfield, LMFT — Harbor Couples Therapy" */
export function bookingSummary(clinicianName: string, practiceName: string): string {
  return `Session with ${clinicianName} — ${practiceName}`;
}

export function icsLocation(format: ServiceFormat, address: string | null): string {
  if (format === "online") return "Online";
  if (format === "phone") return "Phone";
  return address ?? "In person";
}

/** One line: "12 Harbor Street, Suite 3, Portland, ME 04101". */
export function inPersonAddress(
  location: { addressLine1: string | null; addressLine2: string | null; city: string | null; region: string | null; postalCode: string | null } | null,
): string | null {
  if (!location?.addressLine1) return null;
  const regionLine = [location.region, location.postalCode].filter(Boolean).join(" ");
  return [location.addressLine1, location.addressLine2, location.city, regionLine].filter(Boolean).join(", ");
}

/** Times in emails: the location's zone for a session in person there, else the practice's. */
export function emailTimeZone(format: ServiceFormat, locationTimeZone: string | null, practiceTimeZone: string): string {
  return format === "in_person" && locationTimeZone ? locationTimeZone : practiceTimeZone;
}

/** The address in EMAIL_FROM ("Tandem <no-reply@…>" → "no-reply@…"), the organizer when a practice has no email. */
export function senderAddress(): string {
  const match = /<([^>]+)>/.exec(env.EMAIL_FROM);
  return (match?.[1] ?? env.EMAIL_FROM).trim();
}
