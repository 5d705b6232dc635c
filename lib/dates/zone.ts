import { DateTime } from "luxon";

/**
 * Instants read in a time zone. "Today" is where the practice (or the
 * clinician) is, not UTC; callers pass `now`.
 */

export type Instant = Date | string | number;

export function inZone(instant: Instant, zone: string): DateTime {
  const dt =
    typeof instant === "string" ? DateTime.fromISO(instant) : DateTime.fromMillis(typeof instant === "number" ? instant : instant.getTime());
  return dt.setZone(zone);
}

/** Local calendar date (YYYY-MM-DD) of an instant in a zone. Throws on a zone luxon does not know. */
export function localDate(instant: Instant, zone: string): string {
  const date = inZone(instant, zone).toISODate();
  if (date === null) throw new RangeError(`localDate: invalid instant or time zone (${String(instant)}, ${zone})`);
  return date;
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function todayIn(zone: string, now: Date): string {
  return localDate(now, zone);
}

/** True for a zone this runtime knows (IANA names and their aliases). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || !zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone a client reads times in: the one they booked in (stored on their
 * attendee row), or the practice's when none was stored or it is not one
 * this runtime knows.
 */
export function readerZone(stored: string | null | undefined, practiceZone: string): string {
  return isTimeZone(stored) ? stored : practiceZone;
}
