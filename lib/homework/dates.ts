import { DateTime } from "luxon";

/**
 * Homework runs on local calendar dates (YYYY-MM-DD) in the practice's zone:
 * "today" is where the client lives, not UTC. Pure helpers; callers pass `now`.
 */

export function todayIn(timeZone: string, now: Date): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ days }).toISODate()!;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** Monday of the ISO week holding `date`. */
export function weekStart(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).startOf("week").toISODate()!;
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
