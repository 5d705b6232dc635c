/**
 * Calendar dates written YYYY-MM-DD, with no zone: the form a date input
 * gives, a date column stores and the homework plans count in. Arithmetic is
 * in plain UTC milliseconds: no zone, no DST, and fast (adherence runs it
 * thousands of times). Pure; safe in the browser.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** A real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function epochDay(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD of an instant in UTC (not the local date anywhere else: see todayIn). */
export function utcDate(instant: Date | number): string {
  return new Date(instant).toISOString().slice(0, 10);
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
