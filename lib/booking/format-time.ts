import { DateTime } from "luxon";

/** How times read in the booking pages and emails, in a given zone. */
export function formatTime(instant: Date | string | number, zone: string): string {
  return toZone(instant, zone).toFormat("h:mm a");
}

export function formatDay(instant: Date | string | number, zone: string): string {
  return toZone(instant, zone).toFormat("cccc d LLLL");
}

export function formatDateTime(instant: Date | string | number, zone: string): string {
  return toZone(instant, zone).toFormat("cccc d LLLL yyyy, h:mm a ZZZZ");
}

export function zoneLabel(zone: string, at: Date | number = Date.now()): string {
  return `${zone.replace(/_/g, " ")} (${DateTime.fromMillis(typeof at === "number" ? at : at.getTime(), { zone }).toFormat("ZZZZ")})`;
}

/** Local calendar date (yyyy-MM-dd) of an instant in a zone. */
export function localDate(instant: Date | string | number, zone: string): string {
  return toZone(instant, zone).toISODate()!;
}

function toZone(instant: Date | string | number, zone: string): DateTime {
  const dt =
    typeof instant === "string" ? DateTime.fromISO(instant) : DateTime.fromMillis(typeof instant === "number" ? instant : instant.getTime());
  return dt.setZone(zone);
}
