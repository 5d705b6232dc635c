import { DateTime } from "luxon";

/** The two days the home shows, in the practice's zone: local midnight today to local midnight the day after tomorrow. */
export interface HomeWindow {
  today: string;
  tomorrow: string;
  /** Local midnight today. */
  from: Date;
  /** Local midnight tomorrow: where "today" ends. */
  tomorrowFrom: Date;
  /** Local midnight the day after tomorrow: where the window ends. */
  to: Date;
}

/** Pure: the window for `now` in `timeZone` (luxon, so a daylight-saving day is 23 or 25 hours long, as it is). */
export function homeWindow(timeZone: string, now: Date): HomeWindow {
  const start = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  if (!start.isValid) throw new RangeError(`homeWindow: invalid time zone ${timeZone}`);
  const next = start.plus({ days: 1 });
  const end = start.plus({ days: 2 });
  return { today: start.toISODate()!, tomorrow: next.toISODate()!, from: start.toJSDate(), tomorrowFrom: next.toJSDate(), to: end.toJSDate() };
}
