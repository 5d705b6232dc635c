import { IANAZone } from "luxon";

/**
 * A series' rule expanded into the start instants of its occurrences. Pure:
 * no clock, no database, no host time zone; safe in the browser (the preview
 * form shows the same dates the server books).
 *
 * ## Local wall time
 * Every occurrence starts at the rule's local time (HH:MM) on its local date
 * in the rule's zone, so 9:00 stays 9:00 on both sides of a DST change (at a
 * different UTC time). Local wall time → instant follows the slot engine's
 * "compatible" rule (lib/booking/compute-slots.ts), so an occurrence lands on
 * the same instant the engine offers for that local time:
 * - a normal local time has exactly one instant;
 * - a skipped local time (spring forward: 02:30 on 2026-03-08 in Los Angeles)
 *   is read with the offset in force before the change, which moves it
 *   forward by the gap (→ 03:30 PDT); the occurrence says `shifted: true` so
 *   the preview can tell staff;
 * - a repeated local time (fall back: 01:30 on 2026-11-01 in Los Angeles) is
 *   its FIRST occurrence (01:30 PDT).
 *
 * ## Frequencies
 * - weekly / biweekly: the first date plus 7 / 14 local days each time;
 * - monthly: the same weekday in the same week of the month as the first date
 *   ("2nd Tuesday": the first date is the month's 2nd Tuesday). The 5th
 *   weekday of a month exists only in some months: months without one are
 *   skipped and listed in `skipped` (never moved to the 4th or to the next
 *   month: a silent change of week would surprise the client).
 *
 * ## End
 * `count` occurrences (skipped months do not count), or every occurrence on
 * or before `until` (a local date). Never more than MAX_OCCURRENCES, never
 * beyond MAX_SPAN_DAYS after the first date: `tooMany` says the rule asked
 * for more, and the caller refuses it rather than booking part of it.
 */

export const FREQUENCIES = ["weekly", "biweekly", "monthly"] as const;
export type SeriesFrequency = (typeof FREQUENCIES)[number];

export const MAX_OCCURRENCES = 52;
/** A series reaches at most two years ahead (a monthly series of 24). */
export const MAX_SPAN_DAYS = 731;

export interface SeriesRule {
  frequency: SeriesFrequency;
  /** The first occurrence's local date, YYYY-MM-DD. */
  firstDate: string;
  /** Local wall time, HH:MM (24 h). */
  time: string;
  /** IANA zone the date and time are read in (the practice's). */
  timeZone: string;
  /** Exactly one of count / until. */
  count?: number;
  /** Last local date an occurrence may fall on (inclusive). */
  until?: string;
}

export interface Occurrence {
  /** 0-based position in the rule (stable when some are skipped or moved). */
  index: number;
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Start instant, epoch ms. */
  start: number;
  /** The local time does not exist on that date (spring forward): moved forward by the gap. */
  shifted: boolean;
}

export interface Expansion {
  occurrences: Occurrence[];
  /** Monthly on a 5th weekday: the months that lack it (YYYY-MM). */
  skipped: { month: string; reason: "no_such_weekday" }[];
  /** The rule asks for more than MAX_OCCURRENCES or reaches beyond MAX_SPAN_DAYS. */
  tooMany: boolean;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const ORDINALS = ["1st", "2nd", "3rd", "4th", "5th"];

function parseDate(date: string): { y: number; m: number; d: number } {
  return { y: Number(date.slice(0, 4)), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)) };
}

function formatDate(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

function epochDay(date: string): number {
  const { y, m, d } = parseDate(date);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(date: string): number {
  const { y, m, d } = parseDate(date);
  const js = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return js === 0 ? 7 : js;
}

/** Which week of its month a date is in: 1 for days 1–7, … 5 for days 29–31. */
export function weekOfMonth(date: string): number {
  return Math.ceil(parseDate(date).d / 7);
}

/** "2nd Tuesday", for a date (the monthly rule it starts). */
export function monthlyLabel(date: string): string {
  return `${ORDINALS[weekOfMonth(date) - 1]} ${WEEKDAY_NAMES[isoWeekdayOf(date) - 1]}`;
}

/** The nth (1–5) ISO weekday of a month, or null when that month has no such day. */
function nthWeekday(y: number, m: number, weekday: number, n: number): string | null {
  const first = formatDate(y, m, 1);
  const offset = (weekday - isoWeekdayOf(first) + 7) % 7;
  const day = 1 + offset + (n - 1) * 7;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return day <= daysInMonth ? formatDate(y, m, day) : null;
}

/**
 * The instant of a local wall time in a zone, by the "compatible" rule (see
 * the top of this file). Offsets come from luxon's IANAZone at fixed instants
 * a day either side, never from the current clock, so the answer does not
 * depend on when the code runs.
 */
export function wallTimeToInstant(date: string, time: string, timeZone: string): { start: number; shifted: boolean } {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`wallTimeToInstant: unknown time zone ${timeZone}`);
  const { y, m, d } = parseDate(date);
  const local = Date.UTC(y, m - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const before = zone.offset(local - DAY_MS);
  const after = zone.offset(local + DAY_MS);
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset * MINUTE_MS)
    .filter((instant) => local - zone.offset(instant) * MINUTE_MS === instant)
    .sort((a, b) => a - b);
  // Repeated time: the first of its two instants. Skipped time: none fits; the offset before the gap moves it forward.
  if (candidates.length > 0) return { start: candidates[0]!, shifted: false };
  return { start: local - before * MINUTE_MS, shifted: true };
}

/** The rule's local dates, in order, before the count/until/limit cut. */
function* localDates(rule: SeriesRule, skipped: Expansion["skipped"]): Generator<string> {
  if (rule.frequency === "monthly") {
    const { y, m } = parseDate(rule.firstDate);
    const weekday = isoWeekdayOf(rule.firstDate);
    const n = weekOfMonth(rule.firstDate);
    for (let k = 0; ; k++) {
      const month = ((m - 1 + k) % 12) + 1;
      const year = y + Math.floor((m - 1 + k) / 12);
      const date = nthWeekday(year, month, weekday, n);
      if (date) yield date;
      else skipped.push({ month: `${year}-${String(month).padStart(2, "0")}`, reason: "no_such_weekday" });
    }
  }
  const step = rule.frequency === "weekly" ? 7 : 14;
  const first = epochDay(rule.firstDate);
  for (let k = 0; ; k++) yield new Date((first + k * step) * DAY_MS).toISOString().slice(0, 10);
}

export function expandSeries(rule: SeriesRule): Expansion {
  const skipped: Expansion["skipped"] = [];
  const occurrences: Occurrence[] = [];
  const lastAllowed = epochDay(rule.firstDate) + MAX_SPAN_DAYS;
  const wanted = rule.count ?? Number.POSITIVE_INFINITY;
  let tooMany = rule.count !== undefined && rule.count > MAX_OCCURRENCES;
  for (const date of localDates(rule, skipped)) {
    if (occurrences.length >= wanted) break;
    if (rule.until !== undefined && date > rule.until) break;
    if (epochDay(date) > lastAllowed || occurrences.length >= MAX_OCCURRENCES) {
      tooMany = true;
      break;
    }
    occurrences.push({ index: occurrences.length, date, ...wallTimeToInstant(date, rule.time, rule.timeZone) });
  }
  // A skipped month after the last occurrence is not part of the series.
  const lastMonth = occurrences.at(-1)?.date.slice(0, 7) ?? "";
  return { occurrences, skipped: skipped.filter((s) => s.month < lastMonth), tooMany };
}
