import ical, { ICalCalendarMethod, ICalEventClass, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import { icsUid, refoldOctets } from "@/lib/booking/ics";

/**
 * A subscription calendar (RFC 5545, METHOD:PUBLISH): every event carries
 * the appointment's UID and SEQUENCE, the same as the invitations emailed
 * for it (lib/booking/ics.ts), so a calendar that has both keeps one event.
 * Times are written in UTC: 9:00 in Los Angeles stays 9:00 there across a
 * clock change because the instant itself was computed in the practice's
 * zone when it was booked. A cancelled session stays in the feed as
 * STATUS:CANCELLED for a while, so calendars that copied it remove it.
 * Pure: the same input gives the same text.
 *
 * ical-generator, not the `ics` package the invitations use: `ics`
 * validates every event with a schema, ~0.14 ms each, which made a
 * 2,000-session feed take ~275 ms to write; ical-generator writes the same
 * in ~30–70 ms (decision 0053).
 */
export interface FeedEvent {
  appointmentId: string;
  /** The UID when it is not the appointment's: a group event's date keeps the UID of the attendees' invitations. */
  uid?: string;
  sequence: number;
  start: Date;
  end: Date;
  /** "Session", "Session · P.O." or, in a client's own feed, "Session with …": never clinical. */
  summary: string;
  /** "Online", "Phone" or the practice location's name (never a client's address). */
  location: string | null;
  url: string | null;
  state: "confirmed" | "tentative" | "cancelled";
  /** When the appointment last changed (LAST-MODIFIED). */
  updatedAt: Date;
}

export interface FeedHeader {
  name: string;
  /** DTSTAMP of every event: when the feed was made. */
  stamp: Date;
}

const STATUS = { confirmed: ICalEventStatus.CONFIRMED, tentative: ICalEventStatus.TENTATIVE, cancelled: ICalEventStatus.CANCELLED } as const;

export function buildFeed(header: FeedHeader, events: readonly FeedEvent[]): string {
  const calendar = ical({
    name: header.name.replace(/[\r\n]+/g, " "),
    prodId: "//Tandem//Calendar feed//EN",
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const event of events) {
    if (!(event.start.getTime() < event.end.getTime())) throw new Error("buildFeed: start must be before end");
    const cancelled = event.state === "cancelled";
    calendar.createEvent({
      id: event.uid ?? icsUid(event.appointmentId),
      sequence: event.sequence,
      stamp: header.stamp,
      lastModified: event.updatedAt,
      start: event.start,
      end: event.end,
      summary: event.summary,
      location: event.location ?? undefined,
      url: event.url ?? undefined,
      description: event.url ? `Open in Tandem: ${event.url}` : undefined,
      status: STATUS[event.state],
      transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
      class: ICalEventClass.PRIVATE,
    });
  }
  // ical-generator folds by characters; RFC 5545 says octets.
  return refoldOctets(calendar.toString());
}

/** "P.O." from first and last name (the first letter of each, upper case); "" when neither has a letter. */
export function initialsOf(firstName: string, lastName: string): string {
  const first = (s: string) => Array.from(s.trim().normalize("NFC")).find((c) => /\p{L}/u.test(c))?.toLocaleUpperCase() ?? "";
  const parts = [first(firstName), first(lastName)].filter(Boolean);
  return parts.length ? parts.map((p) => `${p}.`).join("") : "";
}
