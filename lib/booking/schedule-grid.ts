import { DateTime } from "luxon";

/**
 * Where things sit on the schedule's time grid. Pure (luxon only), so the
 * page and its unit tests place blocks the same way.
 *
 * Rows are wall-clock times in the practice's zone (9:00, 9:30, …), as on a
 * paper diary: a 9:00 session sits on the 9:00 row on the Monday before a
 * daylight-saving change and on the Sunday after it. Positions are never
 * computed from a UTC offset taken at the start of the week, which would move
 * every block after the change by an hour. A wall time that does not exist
 * (2:30 AM on the spring-forward night) has no instant, so nothing can be
 * booked there.
 */

export const ROW_MINUTES = 30;
const DAY_MINUTES = 1440;
/** Shown when nobody has hours and nothing is booked: an ordinary working day. */
const DEFAULT_HOURS = { startMinute: 9 * 60, endMinute: 17 * 60 };

export interface GridBounds {
  /** Minutes from local midnight of the first row, and of the end of the last. Whole hours. */
  startMinute: number;
  endMinute: number;
}

export interface TimeSpan {
  startsAt: Date;
  endsAt: Date;
}

/** A clinician's weekly window (lib/booking/slot-types WeeklyWindow, minus the location). */
export interface WeeklyHours {
  weekday: number;
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

/** Minutes from the local midnight of `date` in `zone`, clamped to the day (a session from the evening before starts at 0). */
function minuteOfDay(instant: Date, date: string, zone: string): number {
  const local = DateTime.fromJSDate(instant, { zone });
  const day = local.toISODate()!;
  if (day < date) return 0;
  if (day > date) return DAY_MINUTES;
  return local.hour * 60 + local.minute + local.second / 60;
}

/** The instants a clinician's weekly hours cover on each of `dates` (their zone, which may not be the practice's). */
export function workingSpans(hours: readonly WeeklyHours[], dates: readonly string[]): TimeSpan[] {
  const spans: TimeSpan[] = [];
  for (const date of dates) {
    for (const h of hours) {
      const day = DateTime.fromISO(date, { zone: h.timeZone }).startOf("day");
      if (!day.isValid || day.weekday !== h.weekday) continue;
      spans.push({
        startsAt: day.set({ hour: Math.floor(h.startMinute / 60), minute: h.startMinute % 60 }).toJSDate(),
        endsAt: (h.endMinute >= DAY_MINUTES ? day.plus({ days: 1 }) : day.set({ hour: Math.floor(h.endMinute / 60), minute: h.endMinute % 60 })).toJSDate(),
      });
    }
  }
  return spans;
}

/**
 * The hours the grid shows: from the earliest start to the latest end of the
 * working hours and the sessions on `dates` (practice zone), widened to whole
 * hours; an ordinary 9–5 when there is neither.
 */
export function gridBounds(spans: readonly TimeSpan[], dates: readonly string[], zone: string): GridBounds {
  let start = Infinity;
  let end = -Infinity;
  for (const date of dates) {
    for (const s of spans) {
      const from = minuteOfDay(s.startsAt, date, zone);
      const to = minuteOfDay(s.endsAt, date, zone);
      if (to <= 0 || from >= DAY_MINUTES || to <= from) continue;
      start = Math.min(start, from);
      end = Math.max(end, to);
    }
  }
  if (!Number.isFinite(start)) return { ...DEFAULT_HOURS };
  return { startMinute: Math.floor(start / 60) * 60, endMinute: Math.min(DAY_MINUTES, Math.ceil(end / 60) * 60) };
}

export function rowCount(bounds: GridBounds): number {
  return Math.max(1, Math.ceil((bounds.endMinute - bounds.startMinute) / ROW_MINUTES));
}

/** The wall-clock minute a row starts at. */
export function rowMinute(bounds: GridBounds, row: number): number {
  return bounds.startMinute + row * ROW_MINUTES;
}

/** "14:30" for a minute of the day (the form's time field takes this). */
export function hhmm(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** The instant of a wall-clock time on a local date, or null when the clocks skip it. */
export function wallTime(date: string, minute: number, zone: string): Date | null {
  const hour = Math.floor(minute / 60);
  const min = minute % 60;
  const dt = DateTime.fromISO(date, { zone }).set({ hour, minute: min });
  if (!dt.isValid || dt.hour !== hour || dt.minute !== min) return null;
  return dt.toJSDate();
}

/**
 * `wallTime` for every row of a day's column: the date is read once instead of
 * once a row (a week view asks for some 200 instants; luxon's parsing was a
 * large part of that page's time, decision 0025). Same results as calling
 * `wallTime(date, rowMinute(bounds, r), zone)` for each row.
 */
export function wallTimes(date: string, bounds: GridBounds, zone: string): (Date | null)[] {
  const day = DateTime.fromISO(date, { zone });
  const rows = rowCount(bounds);
  if (!day.isValid) return new Array<Date | null>(rows).fill(null);
  // A day without a clock change (all but two a year): 24 hours from a real midnight with one
  // offset at both ends, so each row is midnight plus its minutes. (No zone changes its clocks
  // twice in one day.) Luxon's per-row arithmetic is only needed on the other days.
  const next = day.plus({ days: 1 });
  if (day.hour === 0 && day.minute === 0 && next.toMillis() - day.toMillis() === 86_400_000 && next.offset === day.offset) {
    const midnight = day.toMillis();
    return Array.from({ length: rows }, (_, r) => new Date(midnight + rowMinute(bounds, r) * 60_000));
  }
  return Array.from({ length: rows }, (_, r) => {
    const minute = rowMinute(bounds, r);
    const hour = Math.floor(minute / 60);
    const min = minute % 60;
    const dt = day.set({ hour, minute: min });
    return dt.isValid && dt.hour === hour && dt.minute === min ? dt.toJSDate() : null;
  });
}

export interface Placement {
  /** First row (0-based) and how many rows the block covers (at least one). */
  row: number;
  span: number;
}

/** Where a session sits on a day's column, or null when it is outside the shown hours of that day. */
export function placeOnDay(item: TimeSpan, date: string, zone: string, bounds: GridBounds): Placement | null {
  const from = Math.max(minuteOfDay(item.startsAt, date, zone), bounds.startMinute);
  const to = Math.min(minuteOfDay(item.endsAt, date, zone), bounds.endMinute);
  if (to <= bounds.startMinute || from >= bounds.endMinute || to < from) return null;
  const row = Math.floor((from - bounds.startMinute) / ROW_MINUTES);
  const last = Math.ceil((to - bounds.startMinute) / ROW_MINUTES);
  return { row, span: Math.max(1, last - row) };
}

/**
 * Side-by-side lanes for sessions that overlap in one column (two clinicians'
 * sessions in a week's day, or a double booking made before a rule changed):
 * each gets the first lane free at its start. Returns each item's lane, in
 * input order, and how many lanes the column needs.
 */
export function assignLanes(placements: readonly Placement[]): { lanes: number[]; count: number } {
  const order = placements.map((p, i) => ({ p, i })).sort((a, b) => a.p.row - b.p.row || b.p.span - a.p.span);
  const laneEnds: number[] = [];
  const lanes = new Array<number>(placements.length).fill(0);
  for (const { p, i } of order) {
    let lane = laneEnds.findIndex((end) => end <= p.row);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = p.row + p.span;
    lanes[i] = lane;
  }
  return { lanes, count: Math.max(1, laneEnds.length) };
}

/** Whether `row` is covered by any of the placements. */
export function rowTaken(placements: readonly Placement[], row: number): boolean {
  return placements.some((p) => row >= p.row && row < p.row + p.span);
}

/** Whether the half hour starting at `at` lies inside one of the spans (a working hour, not an evening). */
export function insideSpans(spans: readonly TimeSpan[], at: Date): boolean {
  const t = at.getTime();
  return spans.some((s) => s.startsAt.getTime() <= t && t + ROW_MINUTES * 60_000 <= s.endsAt.getTime());
}
