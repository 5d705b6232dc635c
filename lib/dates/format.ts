import { DateTime } from "luxon";
import { inZone, type Instant } from "./zone";

/**
 * How dates and times read, everywhere: pages, emails, PDFs, CSVs, payment
 * descriptions (decision 0039). The one place that turns an instant into
 * words. Callers say who reads: a zone (staff screens pass the practice's;
 * a client's pages and emails pass the zone the client booked in), and
 * optionally the locale and the clinic's zone. When the clinic's zone shows
 * a different wall time, the words carry it too:
 * "Tuesday 8 December 2026, 11:30 PM EST (8:30 PM PST at the clinic)".
 */

/** Who reads a time: their zone, their locale, and the clinic's zone to note when its clock differs. */
export interface Reader {
  zone: string;
  /** BCP 47; default en-US (the app's words are English). */
  locale?: string;
  /** The practice's (or the session's location's) zone: noted when it shows another time. */
  practiceZone?: string | null;
}

const DEFAULT_LOCALE = "en-US";

function reader(who: string | Reader): Reader {
  return typeof who === "string" ? { zone: who } : who;
}

function local(instant: Instant, who: Reader, zone = who.zone): DateTime {
  return inZone(instant, zone).setLocale(who.locale ?? DEFAULT_LOCALE);
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
  return ` (${clinic.toFormat("h:mm a ZZZZ")}${day} at the clinic)`;
}

const clockCache = new Map<string, string>();

/**
 * "2:30 PM" for a wall-clock minute of the day (0–1439): what `formatTime`
 * writes for an instant whose local time that is. For grids whose rows are
 * wall-clock times (the schedule's free half hours): a few dozen distinct
 * values asked for hundreds of times a page, so each is made once per
 * process (a pure function of minute and locale; nobody's data).
 */
export function formatClock(minute: number, locale: string = DEFAULT_LOCALE): string {
  const key = `${locale} ${minute}`;
  let text = clockCache.get(key);
  if (text === undefined) {
    text = DateTime.fromObject({ hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: "UTC", locale }).toFormat("h:mm a");
    if (clockCache.size < 10_000) clockCache.set(key, text);
  }
  return text;
}

/** "2:30 PM" (a slot in a list whose zone is said once, above it). */
export function formatTime(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat("h:mm a");
}

/** "2:30 PM EDT", with the clinic's time when it differs. */
export function formatTimeZoned(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat("h:mm a ZZZZ") + clinicNote(instant, who);
}

/** "Monday 9 March" */
export function formatDay(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat("cccc d LLLL");
}

/** "Monday 9 March 2026, 2:30 PM EDT", with the clinic's time when it differs. */
export function formatDateTime(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat("cccc d LLLL yyyy, h:mm a ZZZZ") + clinicNote(instant, who);
}

/** "Mon 9 Mar, 2:30 PM EDT" (email subjects), with the clinic's time when it differs. */
export function formatDateTimeShort(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat("ccc d LLL, h:mm a ZZZZ") + clinicNote(instant, who);
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

/** "Monday 9 March, 2:30 PM EDT": formatDay and formatTime together, with the zone (the portal home's one format), and the clinic's time when it differs. */
export function formatDayTime(instant: Instant, zone: string | Reader): string {
  const who = reader(zone);
  return local(instant, who).toFormat("cccc d LLLL, h:mm a ZZZZ") + clinicNote(instant, who);
}

/** A date in a zone as YYYY-MM-DD (CSV columns: sortable, the same in every spreadsheet). */
export function formatIsoDay(instant: Instant, zone: string): string {
  return inZone(instant, zone).toFormat("yyyy-MM-dd");
}

/** A date of birth (YYYY-MM-DD) as "21 April 1990": a calendar date with its year, never moved by a zone. */
export function formatBirthDate(date: string): string {
  return DateTime.fromISO(date, { zone: "UTC" }).toFormat("d LLLL yyyy");
}
