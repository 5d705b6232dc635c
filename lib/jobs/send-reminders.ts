import { and, asc, eq, gt, isNotNull, lte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, clients, emailMessages, locations, members, practiceBrands, practices, services } from "@/db/schema";
import { emailBrandFrom } from "@/lib/brand/load-brand";
import BookingReminderEmail, { bookingReminderSubject, type ReminderKind } from "@/emails/booking-reminder";
import { icsAttachment } from "@/lib/booking/ics";
import { manageUrl } from "@/lib/booking/manage-token";
import { sendEmail, type EmailTransport, type SendResult } from "@/lib/email/send-email";
import { bookingEventFor, emailTimeZone, inPersonAddress } from "./booking-event";
import { logError } from "@/lib/db/pg-error";
import { readerZone } from "@/lib/dates";

const HOUR = 3_600_000;

/** The key that makes each reminder at most once, whichever worker sends it. */
export function reminderKey(kind: ReminderKind, appointmentId: string, clientId: string): string {
  return `reminder:${kind}:${appointmentId}:${clientId}`;
}

/** Which reminder is due for an appointment starting at `startsAt`, if any. */
export function reminderKindAt(startsAt: Date, now: Date): ReminderKind | null {
  const lead = startsAt.getTime() - now.getTime();
  if (lead <= 0) return null;
  if (lead <= 2 * HOUR) return "2h";
  if (lead <= 24 * HOUR) return "24h";
  return null;
}

export interface ReminderRun {
  /** Reminders found due and not yet recorded. */
  due: number;
  sent: number;
  /** Kept in the outbox (no Resend key). */
  outbox: number;
  /** Another worker recorded the same key first. */
  duplicate: number;
  failed: number;
}

/**
 * Sends the reminders due at `now` to every attendee with an email address
 * of each confirmed appointment:
 *
 * - "24h" when the session starts more than 2 h and at most 24 h from now;
 * - "2h" when it starts more than 0 and at most 2 h from now.
 *
 * So a session booked an hour ahead gets only the "2h" one. One query loads
 * everything (appointment, service name, clinician, practice, location,
 * attendees) and skips reminders already recorded; `sendEmail`'s unique key
 * settles any race between workers, so no one gets a reminder twice.
 */
export async function sendReminders(now: Date, options: { transport?: EmailTransport } = {}): Promise<ReminderRun> {
  const twoHours = new Date(now.getTime() + 2 * HOUR);
  const oneDay = new Date(now.getTime() + 24 * HOUR);
  const kind = sql<ReminderKind>`(case when ${appointments.startsAt} <= ${twoHours.toISOString()}::timestamptz then '2h' else '24h' end)`;

  const rows = await db
    .select({
      appointmentId: appointments.id,
      practiceId: appointments.practiceId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      sequence: appointments.sequence,
      format: appointments.format,
      videoUrl: appointments.videoUrl,
      kind,
      serviceName: services.name,
      clinicianName: members.displayName,
      practiceName: practices.name,
      practiceEmail: practices.email,
      practiceTimeZone: practices.timeZone,
      practiceLocale: practices.locale,
      // The practice's look, in the same read, so the sends only insert (decision 0040).
      brand: { slug: practices.slug, practiceName: practices.name, displayName: practiceBrands.displayName, colour: practiceBrands.colour, logoVersion: practiceBrands.logoVersion },
      location: {
        addressLine1: locations.addressLine1,
        addressLine2: locations.addressLine2,
        city: locations.city,
        region: locations.region,
        postalCode: locations.postalCode,
        timeZone: locations.timeZone,
      },
      clientId: clients.id,
      firstName: clients.firstName,
      preferredName: clients.preferredName,
      email: clients.email,
      readerZone: appointmentAttendees.timeZone,
    })
    .from(appointments)
    .innerJoin(services, and(eq(services.practiceId, appointments.practiceId), eq(services.id, appointments.serviceId)))
    .innerJoin(members, and(eq(members.practiceId, appointments.practiceId), eq(members.id, appointments.memberId)))
    .innerJoin(practices, eq(practices.id, appointments.practiceId))
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, appointments.practiceId))
    .leftJoin(locations, and(eq(locations.practiceId, appointments.practiceId), eq(locations.id, appointments.locationId)))
    .innerJoin(appointmentAttendees, eq(appointmentAttendees.appointmentId, appointments.id))
    .innerJoin(clients, and(eq(clients.practiceId, appointmentAttendees.practiceId), eq(clients.id, appointmentAttendees.clientId)))
    .where(
      and(
        eq(appointments.status, "confirmed"),
        gt(appointments.startsAt, now),
        lte(appointments.startsAt, oneDay),
        isNotNull(clients.email),
        sql`not exists (select 1 from ${emailMessages} where ${emailMessages.key} = 'reminder:' || ${kind} || ':' || ${appointments.id} || ':' || ${clients.id})`,
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id), asc(clients.id));

  const run: ReminderRun = { due: rows.length, sent: 0, outbox: 0, duplicate: 0, failed: 0 };
  for (const row of rows) {
    const clinicZone = emailTimeZone(row.format, row.location?.timeZone ?? null, row.practiceTimeZone);
    const place = row.format === "in_person" ? inPersonAddress(row.location) : null;
    const link = manageUrl({ appointmentId: row.appointmentId, clientId: row.clientId, endsAt: row.endsAt });
    const email = row.email!;
    const event = bookingEventFor({
      appointmentId: row.appointmentId,
      sequence: row.sequence,
      method: "REQUEST",
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      clinicianName: row.clinicianName,
      practiceName: row.practiceName,
      practiceEmail: row.practiceEmail,
      format: row.format,
      address: place,
      // Confirmed sessions only (the query's filter), so never a cancelled one's link.
      videoUrl: row.videoUrl,
      manageUrl: link,
      attendee: { name: row.preferredName ?? row.firstName, email },
      stamp: now,
    });
    const props = {
      kind: row.kind,
      practiceName: row.practiceName,
      clinicianName: row.clinicianName,
      serviceName: row.serviceName,
      startsAt: row.startsAt,
      // The attendee's own clock, the clinic's noted beside it (decision 0039).
      timeZone: readerZone(row.readerZone, clinicZone),
      clinicTimeZone: clinicZone,
      locale: row.practiceLocale,
      format: row.format,
      location: place,
      videoUrl: row.videoUrl,
      recipientName: row.preferredName ?? row.firstName,
      manageUrl: link,
    };
    let result: SendResult;
    try {
      result = await sendEmail(
        {
          key: reminderKey(row.kind, row.appointmentId, row.clientId),
          to: email,
          subject: bookingReminderSubject(props),
          template: `booking-reminder-${row.kind}`,
          element: BookingReminderEmail(props),
          practiceId: row.practiceId,
          brand: emailBrandFrom(row.brand),
          attachments: [icsAttachment(event)],
        },
        options.transport,
      );
    } catch (error) {
      // One bad row must not stop the others; ids only in the log.
      logError("jobs", `reminder ${row.kind} for appointment ${row.appointmentId} failed`, error);
      run.failed += 1;
      continue;
    }
    if (result.status === "failed") run.failed += 1;
    else run[result.status] += 1;
  }
  return run;
}
