import { DateTime } from "luxon";
import { inZone, type Instant } from "./zone";

/** How dates and times read on the app's pages, in a given zone. */

/** "2:30 PM" */
export function formatTime(instant: Instant, zone: string): string {
  return inZone(instant, zone).toFormat("h:mm a");
}

/** "Monday 9 March" */
export function formatDay(instant: Instant, zone: string): string {
  return inZone(instant, zone).toFormat("cccc d LLLL");
}

/** "Monday 9 March 2026, 2:30 PM EDT" */
export function formatDateTime(instant: Instant, zone: string): string {
  return inZone(instant, zone).toFormat("cccc d LLLL yyyy, h:mm a ZZZZ");
}

/** "America/New York (EDT)" */
export function zoneLabel(zone: string, at: Date | number = Date.now()): string {
  return `${zone.replace(/_/g, " ")} (${DateTime.fromMillis(typeof at === "number" ? at : at.getTime(), { zone }).toFormat("ZZZZ")})`;
}

/** A calendar date (YYYY-MM-DD) as "Mon 9 Mar". */
export function formatShortDate(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale("en-GB").toFormat("ccc d LLL");
}

/** A calendar date (YYYY-MM-DD) as "Monday 9 March": the same words as formatDay, for a date with no zone. */
export function formatCalendarDay(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).toFormat("cccc d LLLL");
}

/** "Monday 9 March, 2:30 PM EDT": formatDay and formatTime together, with the zone (the portal home's one format). */
export function formatDayTime(instant: Instant, zone: string): string {
  return inZone(instant, zone).toFormat("cccc d LLLL, h:mm a ZZZZ");
}
