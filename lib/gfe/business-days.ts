import { addDays, daysBetween } from "@/lib/dates/calendar";

/**
 * US federal business days on YYYY-MM-DD calendar dates: Monday to Friday,
 * less the eleven federal holidays (5 U.S.C. 6103) on their observed dates
 * (a Saturday holiday is observed the Friday before, a Sunday one the Monday
 * after). The GFE rule counts "business days" (45 CFR 149.610(b)); HHS reads
 * them as federal business days, so a practice's own closures do not stretch
 * the deadline. Pure.
 */

function weekday(date: string): number {
  // 0 Sunday … 6 Saturday.
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

const pad = (n: number) => String(n).padStart(2, "0");
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The n-th given weekday (0 Sunday) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, day: number, n: number): string {
  if (n > 0) {
    const first = ymd(year, month, 1);
    const offset = (day - weekday(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const nextMonth = month === 12 ? ymd(year + 1, 1, 1) : ymd(year, month + 1, 1);
  const last = addDays(nextMonth, -1);
  return addDays(last, -((weekday(last) - day + 7) % 7));
}

function observed(date: string): string {
  const w = weekday(date);
  return w === 6 ? addDays(date, -1) : w === 0 ? addDays(date, 1) : date;
}

const cache = new Map<number, Set<string>>();

/** The observed federal holidays of a year (and the next year's New Year's Day observed on 31 December). */
export function federalHolidays(year: number): Set<string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const days = new Set([
    observed(ymd(year, 1, 1)),
    nthWeekday(year, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    nthWeekday(year, 5, 1, -1), // Memorial Day
    observed(ymd(year, 6, 19)), // Juneteenth
    observed(ymd(year, 7, 4)),
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    observed(ymd(year, 11, 11)), // Veterans Day
    nthWeekday(year, 11, 4, 4), // Thanksgiving
    observed(ymd(year, 12, 25)),
    observed(ymd(year + 1, 1, 1)), // a Saturday New Year's Day is observed on 31 December
  ]);
  cache.set(year, days);
  return days;
}

export function isBusinessDay(date: string): boolean {
  const w = weekday(date);
  if (w === 0 || w === 6) return false;
  return !federalHolidays(Number(date.slice(0, 4))).has(date);
}

/** The n-th business day after `date` (n ≥ 1; `date` itself never counts). */
export function addBusinessDays(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isBusinessDay(d)) left -= 1;
  }
  return d;
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function businessDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let i = 1; i <= daysBetween(from, to); i++) if (isBusinessDay(addDays(from, i))) count += 1;
  return count;
}
