import { createEvents, type EventAttributes } from "ics";
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
 */
export interface FeedEvent {
  appointmentId: string;
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

export function buildFeed(header: FeedHeader, events: readonly FeedEvent[]): string {
  if (events.length === 0) return emptyFeed(header);
  const attributes = events.map((event): EventAttributes & { timestamp: number } => {
    const cancelled = event.state === "cancelled";
    return {
      uid: icsUid(event.appointmentId),
      sequence: event.sequence,
      timestamp: header.stamp.getTime(),
      lastModified: event.updatedAt.getTime(),
      start: event.start.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: event.end.getTime(),
      endInputType: "utc",
      endOutputType: "utc",
      title: event.summary,
      location: event.location ?? undefined,
      url: event.url ?? undefined,
      description: event.url ? `Open in Tandem: ${event.url}` : undefined,
      status: cancelled ? "CANCELLED" : event.state === "tentative" ? "TENTATIVE" : "CONFIRMED",
      busyStatus: cancelled ? "FREE" : "BUSY",
      transp: cancelled ? "TRANSPARENT" : "OPAQUE",
      classification: "PRIVATE",
    };
  });
  const { error, value } = createEvents(attributes, { productId: "-//Tandem//Calendar feed//EN", method: "PUBLISH", calName: header.name });
  if (error || !value) throw new Error(`buildFeed: ${error?.message ?? "no output"}`);
  return refoldOctets(value);
}

/**
 * ics refuses an empty list; a feed with no sessions is still a valid
 * calendar. X-WR-CALNAME is written as ics writes it (not TEXT-escaped:
 * calendar apps read the extension property as it stands), newlines aside.
 */
function emptyFeed(header: FeedHeader): string {
  const name = header.name.replace(/[\r\n]+/g, " ");
  return refoldOctets(
    ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tandem//Calendar feed//EN", "METHOD:PUBLISH", "CALSCALE:GREGORIAN", `X-WR-CALNAME:${name}`, "END:VCALENDAR", ""].join("\r\n"),
  );
}

/** "P.O." from first and last name (the first letter of each, upper case); "" when neither has a letter. */
export function initialsOf(firstName: string, lastName: string): string {
  const first = (s: string) => Array.from(s.trim().normalize("NFC")).find((c) => /\p{L}/u.test(c))?.toLocaleUpperCase() ?? "";
  const parts = [first(firstName), first(lastName)].filter(Boolean);
  return parts.length ? parts.map((p) => `${p}.`).join("") : "";
}
