import { DateTime } from "luxon";

/**
 * Homework runs on local calendar dates (YYYY-MM-DD) in the practice's zone:
 * "today" is where the client lives, not UTC. Pure helpers; callers pass `now`.
 */

export function todayIn(timeZone: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

const DAY_MS = 86_400_000;

/** Calendar arithmetic on YYYY-MM-DD in plain UTC milliseconds: no zone, no DST, and fast (adherence runs it thousands of times). */
function epochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(epochDay(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** Monday of the ISO week holding `date`. */
export function weekStart(date: string): string {
  const day = epochDay(date);
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  return fromEpochDay(day - (((day + 3) % 7) + 7) % 7);
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = DateTime.fromISO(value, { zone: "UTC" });
  return d.isValid && d.toISODate() === value;
}

/** "Mon 9 Mar" */
export function formatShortDate(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale("en-GB").toFormat("ccc d LLL");
}
