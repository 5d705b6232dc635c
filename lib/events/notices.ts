import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { createEvents, type EventAttributes } from "ics";
import { createElement } from "react";
import { db, type DbOrTx } from "@/db/client";
import { clients, eventNotices, eventSessions, groupEvents, practices, type GroupEvent } from "@/db/schema";
import EventNoticeEmail, { eventNoticeSubject, type EventNoticeKind } from "@/emails/event-notice";
import { sendEmail } from "@/lib/email/send-email";
import { formatDateTime } from "@/lib/dates";
import { refoldOctets } from "@/lib/booking/ics";
import { logError } from "@/lib/db/pg-error";
import { eventDateUid } from "./event-uid";

/**
 * Event emails go through event_notices: a row per recipient, written in the
 * transaction that calls for it (a seat confirmed inside the webhook's), sent
 * after commit or by the `events` job. Every row has one recipient, so no
 * attendee ever shares a message with another, and the .ics attached to a
 * confirmation names nobody (no ATTENDEE lines, no organizer address).
 */
export async function queueEventNotice(
  tx: DbOrTx,
  input: { practiceId: string; key: string; clientId: string; registrationId?: string | null; kind: EventNoticeKind; data?: Record<string, string | number | null> },
): Promise<void> {
  await tx
    .insert(eventNotices)
    .values({ key: input.key, practiceId: input.practiceId, clientId: input.clientId, registrationId: input.registrationId ?? null, kind: input.kind, data: input.data ?? {} })
    .onConflictDoNothing({ target: eventNotices.key });
}

/** One notice per attendee of a registration (the booker and, for a couple, the partner), each keyed on its own. */
export async function queueForAttendees(
  tx: DbOrTx,
  reg: { id: string; practiceId: string; clientId: string; partnerClientId: string | null },
  kind: EventNoticeKind,
  data: Record<string, string | number | null> = {},
  keySuffix = "",
): Promise<void> {
  for (const clientId of [reg.clientId, reg.partnerClientId]) {
    if (!clientId) continue;
    await queueEventNotice(tx, { practiceId: reg.practiceId, key: `event:${kind}:${reg.id}:${clientId}${keySuffix}`, clientId, registrationId: reg.id, kind, data });
  }
}

const MAX_ATTEMPTS = 5;
const REMINDER_LEAD_HOURS = 24;

/**
 * A reminder before each date of an event, to each confirmed attendee on their
 * own (decision 0055, addendum): due once the date starts within 24 hours,
 * keyed by date and client, so once each however often the sweep runs and on
 * however many workers. A registration confirmed when the date was already that
 * close is not reminded of it: its confirmation was the reminder. Returns how
 * many were queued.
 */
export async function queueEventReminders(now: Date): Promise<number> {
  const rows = await db.execute<{ key: string }>(sql`
    insert into event_notices (key, practice_id, registration_id, client_id, kind, data, created_at)
    select 'event:reminder:' || s.id || ':' || who.client_id, r.practice_id, r.id, who.client_id, 'reminder',
      jsonb_build_object('eventId', e.id, 'sessionId', s.id), ${now.toISOString()}::timestamptz
    from event_sessions s
    join group_events e on e.id = s.event_id and e.practice_id = s.practice_id and e.status = 'scheduled'
    join event_registrations r on r.event_id = e.id and r.practice_id = e.practice_id and r.status = 'confirmed'
    cross join lateral (values (r.client_id), (r.partner_client_id)) who(client_id)
    where who.client_id is not null
      and s.starts_at > ${now.toISOString()}::timestamptz
      and s.starts_at <= ${new Date(now.getTime() + REMINDER_LEAD_HOURS * 3_600_000).toISOString()}::timestamptz
      and r.updated_at <= s.starts_at - make_interval(hours => ${REMINDER_LEAD_HOURS})
    on conflict (key) do nothing
    returning key`);
  return rows.length;
}

/** Sends what is queued; safe to run on several instances (the email key never sends twice). */
export async function sendEventNotices(now: Date, limit = 200): Promise<number> {
  const due = await db
    .select()
    .from(eventNotices)
    .where(and(isNull(eventNotices.sentAt), lte(eventNotices.attempts, MAX_ATTEMPTS - 1)))
    .orderBy(asc(eventNotices.createdAt))
    .limit(limit);
  let sent = 0;
  for (const row of due) {
    await db.update(eventNotices).set({ attempts: sql`${eventNotices.attempts} + 1` }).where(eq(eventNotices.key, row.key));
    try {
      await deliver(row);
      await db.update(eventNotices).set({ sentAt: now }).where(eq(eventNotices.key, row.key));
      sent++;
    } catch (error) {
      logError("events", `notice ${row.kind} ${row.key} failed`, error);
    }
  }
  return sent;
}

type NoticeRow = typeof eventNotices.$inferSelect;

async function deliver(row: NoticeRow): Promise<void> {
  const eventId = String(row.data.eventId ?? "");
  const [recipient] = await db
    .select({ email: clients.email, firstName: clients.firstName, practiceName: practices.name, timeZone: practices.timeZone, locale: practices.locale })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .where(and(eq(clients.id, row.clientId), eq(clients.practiceId, row.practiceId)));
  const [event] = await db.select().from(groupEvents).where(and(eq(groupEvents.id, eventId), eq(groupEvents.practiceId, row.practiceId)));
  if (!recipient?.email || !event) return;
  const all = await db.select().from(eventSessions).where(eq(eventSessions.eventId, event.id)).orderBy(asc(eventSessions.startsAt));
  // A reminder is about its own date; every other notice lists them all.
  const dates = row.kind === "reminder" ? all.filter((d) => d.id === row.data.sessionId) : all;
  if (dates.length === 0) return;
  const reader = { zone: recipient.timeZone, locale: recipient.locale };
  const kind = row.kind as EventNoticeKind;
  const props = {
    kind,
    practiceName: recipient.practiceName,
    recipientName: recipient.firstName,
    eventTitle: event.title,
    dates: dates.map((d) => formatDateTime(d.startsAt, reader)),
    place: placeOf(event),
    // Only confirmed attendees are sent these, each to their own address.
    joinUrl: kind === "confirmed" || kind === "reminder" || kind === "updated" ? event.joinUrl : null,
    actionUrl: row.data.actionUrl ? String(row.data.actionUrl) : kind === "materials" ? event.materialsUrl : null,
    holdUntil: row.data.holdUntil ? formatDateTime(new Date(String(row.data.holdUntil)), reader) : null,
    refunded: row.data.refunded === 1,
    creditsReturned: typeof row.data.creditsReturned === "number" ? row.data.creditsReturned : 0,
  };
  await sendEmail({
    key: row.key,
    to: recipient.email,
    subject: eventNoticeSubject(props),
    template: `event-${kind}`,
    practiceId: row.practiceId,
    element: createElement(EventNoticeEmail, props),
    attachments: kind === "confirmed" || kind === "updated" || kind === "event-cancelled" ? [eventIcsAttachment(event, all, recipient.practiceName, kind === "event-cancelled" ? "CANCEL" : "REQUEST")] : undefined,
  });
}

export function placeOf(event: Pick<GroupEvent, "format" | "location">): string {
  return event.format === "online" ? "Online" : (event.location ?? "In person");
}

/**
 * The attendee's calendar file: one VEVENT per date, the event's title and
 * place, and nobody named in it: no ATTENDEE and no ORGANIZER lines, so a
 * calendar never shows (or mails) the other attendees.
 */
export function buildEventIcs(
  event: Pick<GroupEvent, "id" | "title" | "format" | "location" | "status" | "sequence">,
  dates: { id: string; startsAt: Date; endsAt: Date }[],
  practiceName: string,
  method: "REQUEST" | "CANCEL",
  stamp: Date = new Date(),
): string {
  const cancelled = method === "CANCEL";
  const items = dates.map(
    (d): EventAttributes & { timestamp: number } => ({
      productId: "-//Tandem//Events//EN",
      method,
      uid: eventDateUid(d.id),
      // Raised by each edit that moved a date or the place (and once more to cancel), so calendars take the newest.
      sequence: cancelled ? event.sequence + 1 : event.sequence,
      timestamp: stamp.getTime(),
      start: d.startsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: d.endsAt.getTime(),
      endInputType: "utc",
      endOutputType: "utc",
      title: `${event.title} (${practiceName})`,
      location: placeOf(event),
      status: cancelled ? "CANCELLED" : "CONFIRMED",
      busyStatus: cancelled ? "FREE" : "BUSY",
      classification: "PRIVATE",
    }),
  );
  const { error, value } = createEvents(items);
  if (error || !value) throw new Error(`buildEventIcs: ${error?.message ?? "no output"}`);
  return refoldOctets(value);
}

function eventIcsAttachment(event: GroupEvent, dates: { id: string; startsAt: Date; endsAt: Date }[], practiceName: string, method: "REQUEST" | "CANCEL") {
  return { filename: method === "CANCEL" ? "cancel.ics" : "event.ics", contentType: `text/calendar; charset=utf-8; method=${method}`, content: buildEventIcs(event, dates, practiceName, method) };
}
