import { DateTime } from "luxon";
import { DEFAULT_LOCALE, isPracticeLocale, type PracticeLocale } from "./locales";
import { inZone, type Instant } from "./zone";

/**
 * How dates and times read, everywhere: pages, emails, PDFs, CSVs, payment
 * descriptions (decision 0039). The one place that turns an instant into
 * words. Callers say who reads: a zone (staff screens pass the practice's;
 * a client's pages and emails pass the zone the client booked in), and
 * optionally the locale and the clinic's zone. When the clinic's zone shows
 * a different wall time, the words carry it too:
 * "Tuesday 8 December 2026, 11:30 PM EST (8:30 PM PST at the clinic)".
 *
 * The locale (the practice's, decision 0044) picks the clock and the words
 * for months, days and zones: en-GB reads "Thursday 3 December 2026, 14:30
 * GMT", en-AU "2:30 pm", en-CA "2:30 p.m.". The day-before-month order is the
 * house's for every locale, en-US included (decision 0039 kept it so no
 * screen changed; CLOCKS is where a locale's own order would go).
 */

/** Who reads a time: their zone, their locale, and the clinic's zone to note when its clock differs. */
export interface Reader {
  zone: string;
  /** One of PRACTICE_LOCALES (lib/dates/locales.ts); default en-US (the app's words are English). */
  locale?: string | null;
  /** The practice's (or the session's location's) zone: noted when it shows another time. */
  practiceZone?: string | null;
}

/** A locale's clock: a time ("2:30 PM", "14:30") and an hour on a grid's edge ("2 PM", "14:00"). */
const CLOCKS: Record<PracticeLocale, { time: string; hour: string }> = {
  "en-US": { time: "h:mm a", hour: "h a" },
  "en-GB": { time: "HH:mm", hour: "HH:mm" },
  "en-CA": { time: "h:mm a", hour: "h a" },
  "en-AU": { time: "h:mm a", hour: "h a" },
};

/** A locale we support, else en-US (an unknown one reads as the default rather than throwing on a page). */
function localeOf(who: { locale?: string | null }): PracticeLocale {
  return isPracticeLocale(who.locale) ? who.locale : DEFAULT_LOCALE;
}

function clock(who: { locale?: string | null }) {
  return CLOCKS[localeOf(who)];
}

function reader(who: string | Reader): Reader {
  return typeof who === "string" ? { zone: who } : who;
}

function local(instant: Instant, who: Reader, zone = who.zone): DateTime {
  return inZone(instant, zone).setLocale(localeOf(who));
}

/** A calendar date (YYYY-MM-DD) as a luxon date at midnight UTC: it names its own day in every zone. */
function calendar(date: string, locale?: string | null): DateTime {
  return DateTime.fromISO(date, { zone: "UTC" }).setLocale(localeOf({ locale }));
}

/**
 * Staff screens, the practice's emails and PDFs: the practice's zone and
 * locale. `practiceZone` is left out (the reader is at the clinic).
 */
export function practiceReader(practice: { timeZone: string; locale?: string | null }): Reader {
  return { zone: practice.timeZone, locale: practice.locale ?? DEFAULT_LOCALE };
}

/**
 * " (8:30 PM PST at the clinic)" when the clinic's clock reads otherwise at
 * that instant, with its day when that differs too; "" when the zones agree
 * (the same zone, or two with the same offset then, such as Phoenix and Los
 * Angeles in summer).
 */
export function clinicNote(instant: Instant, who: Reader): string {
  if (!who.practiceZone || who.practiceZone === who.zone) return "";
  const mine = local(instant, who);
  const clinic = local(instant, who, who.practiceZone);
  if (mine.offset === clinic.offset) return "";
  const day = mine.toISODate() === clinic.toISODate() ? "" : ` on ${clinic.toFormat("ccc d LLL")}`;
  return ` (${clinic.toFormat(`${clock(who).time} ZZZZ`)}${day} at the clinic)`;
}

const clockCache = new Map<string, string>();

/**
 * "2:30 PM" for a wall-clock minute of the day (0–1439): what `formatTime`
 * writes for an instant whose local time that is. For grids whose rows are
 * wall-clock times (the schedule's free half hours): a few dozen distinct
 * values asked for hundreds of times a page, so each is made once per
 * process (a pure function of minute and locale; nobody's data).
 */
export function formatClock(minute: number, locale: string | null = DEFAULT_LOCALE): string {
  const lang = localeOf({ locale });
  const key = `${lang} ${minute}`;
  let text = clockCache.get(key);
  if (text === undefined) {
    text = DateTime.fromObject({ hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: "UTC", locale: lang }).toFormat(clock({ locale: lang }).time);
    if (clockCache.size < 10_000) clockCache.set(key, text);
  }
  return text;
}

/** "2:30 PM" (a slot in a list whose zone is said once, above it). */
export function formatTime(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat(clock(who).time);
}

/** "2 PM" (en-GB "14:00"): an hour on the edge of a schedule grid, on the calendar, not at an instant. */
export function formatHour(hour: number, locale?: string | null): string {
  return DateTime.fromObject({ hour }, { zone: "UTC" }).setLocale(localeOf({ locale })).toFormat(clock({ locale }).hour);
}

/** "2:30 PM EDT", with the clinic's time when it differs. */
export function formatTimeZoned(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat(`${clock(who).time} ZZZZ`) + clinicNote(instant, who);
}

/** "Monday 9 March" */
export function formatDay(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat("cccc d LLLL");
}

/** "Monday 9 March 2026, 2:30 PM EDT", with the clinic's time when it differs. */
export function formatDateTime(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat(`cccc d LLLL yyyy, ${clock(who).time} ZZZZ`) + clinicNote(instant, who);
}

/** "Mon 9 Mar, 2:30 PM EDT" (email subjects), with the clinic's time when it differs. */
export function formatDateTimeShort(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat(`ccc d LLL, ${clock(who).time} ZZZZ`) + clinicNote(instant, who);
}

/** "America/New York (EDT)"; the zone's short name as the locale writes it (en-GB: "Europe/London (BST)"). */
export function zoneLabel(zone: string, at: Date | number = Date.now(), locale?: string | null): string {
  return `${zone.replace(/_/g, " ")} (${zoneAbbreviation(zone, at, locale)})`;
}

/** "EDT", "GMT", "BST": a zone's short name at an instant, in the locale's words. */
export function zoneAbbreviation(zone: string, at: Date | number, locale?: string | null): string {
  return DateTime.fromMillis(typeof at === "number" ? at : at.getTime(), { zone })
    .setLocale(localeOf({ locale }))
    .toFormat("ZZZZ");
}

/** A calendar date (YYYY-MM-DD) as "Mon 9 Mar". */
export function formatShortDate(date: string, locale?: string | null): string {
  return calendar(date, locale ?? "en-GB").toFormat("ccc d LLL");
}

/** A calendar date (YYYY-MM-DD) as "Monday 9 March": the same words as formatDay, for a date with no zone. */
export function formatCalendarDay(date: string, locale?: string | null): string {
  return calendar(date, locale).toFormat("cccc d LLLL");
}

/**
 * A calendar date (YYYY-MM-DD) as "12 April 1990": a date of birth, a plan's
 * end. It has no zone and never shifts by one (it is not an instant at
 * midnight anywhere). Anything else is returned as it is, so a bad value
 * stays visible rather than reading "Invalid DateTime".
 */
export function formatCalendarDate(date: string, locale?: string | null, options: { weekday?: boolean; short?: boolean } = {}): string {
  const d = calendar(date, locale);
  if (!d.isValid) return date;
  if (options.short) return d.toFormat(options.weekday ? "ccc d LLL yyyy" : "d LLL yyyy");
  return d.toFormat(options.weekday ? "cccc d LLLL yyyy" : "d LLLL yyyy");
}

/** A minute of the day (540) on the locale's clock: "9:00 AM", en-GB "09:00" (weekly hours, date changes). */
export function formatMinuteOfDay(minute: number, locale?: string | null): string {
  return DateTime.fromObject({ hour: Math.floor(minute / 60) % 24, minute: minute % 60 }, { zone: "UTC" })
    .setLocale(localeOf({ locale }))
    .toFormat(minute === 1440 && clock({ locale }).time.startsWith("HH") ? "'24:00'" : clock({ locale }).time);
}

/** Two calendar dates (YYYY-MM-DD) as a range: "7 – 13 December 2026", "28 December – 3 January 2027" (a week's heading). */
export function formatCalendarRange(first: string, last: string, locale?: string | null): string {
  const a = calendar(first, locale);
  const b = calendar(last, locale);
  if (a.year !== b.year) return `${a.toFormat("d LLLL yyyy")} – ${b.toFormat("d LLLL yyyy")}`;
  return a.month === b.month ? `${a.toFormat("d")} – ${b.toFormat("d LLLL yyyy")}` : `${a.toFormat("d LLLL")} – ${b.toFormat("d LLLL yyyy")}`;
}

/** "Thursday 3 December 2026": the day an instant falls on in the reader's zone (a day's heading, an appointment's date). */
export function formatDate(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat("cccc d LLLL yyyy");
}

/** "3 Dec": a chart's tick, in the reader's zone. */
export function formatDayMonth(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat("d LLL");
}

/** "3 Dec 2026": a date in a list or a table (published, submitted), in the reader's zone. */
export function formatDateMedium(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat("d LLL yyyy");
}

/**
 * "3 Dec 2026, 2:30 PM" (en-GB "3 Dec 2026, 14:30"): when something was done,
 * on a page whose zone is the practice's. `seconds` for a signature's time
 * ("2:30:15 PM"), which is evidence.
 */
export function formatDateTimeMedium(instant: Instant, zone: string | Reader, options: { seconds?: boolean } = {}): string {
  const who = reader(zone);
  const time = options.seconds ? clock(who).time.replace("mm", "mm:ss") : clock(who).time;
  return local(instant, who).toFormat(`d LLL yyyy, ${time}`);
}

/** "December 2026": a month's heading, for a calendar month (YYYY-MM or YYYY-MM-DD). */
export function formatMonth(date: string, locale?: string | null): string {
  return calendar(date, locale).toFormat("LLLL yyyy");
}

/** "Monday 9 March, 2:30 PM EDT": formatDay and formatTime together, with the zone (the portal home's one format), and the clinic's time when it differs. */
export function formatDayTime(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat(`cccc d LLLL, ${clock(who).time} ZZZZ`) + clinicNote(instant, who);
}

/** A date in a zone as YYYY-MM-DD (CSV columns: sortable, the same in every spreadsheet). */
export function formatIsoDay(instant: Instant, zone: string): string {
  return inZone(instant, zone).toFormat("yyyy-MM-dd");
}
