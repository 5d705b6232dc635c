import { DateTime } from "luxon";

/**
 * Whether a freed slot suits a waitlist entry (pure; decision 0057). Days and
 * times are read in the practice's zone at the slot's start, so "Tuesday
 * mornings" stays Tuesday mornings across a DST change.
 */
export const TIMES_OF_DAY = ["morning", "afternoon", "evening"] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** Local start minute ranges [from, to): morning before noon, afternoon to 17:00, evening after. */
export const TIME_OF_DAY_MINUTES: Record<TimeOfDay, readonly [number, number]> = {
  morning: [0, 12 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [17 * 60, 24 * 60],
};

export interface EntryWish {
  serviceId: string;
  /** Null: any clinician. */
  memberId: string | null;
  /** ISO weekdays; empty: any. */
  daysOfWeek: readonly number[];
  timesOfDay: readonly string[];
  rangeStartMinute: number | null;
  rangeEndMinute: number | null;
}

export interface FreedSlot {
  serviceId: string;
  memberId: string;
  /** Epoch ms. */
  start: number;
}

export function matchesSlot(entry: EntryWish, slot: FreedSlot, timeZone: string): boolean {
  if (entry.serviceId !== slot.serviceId) return false;
  if (entry.memberId !== null && entry.memberId !== slot.memberId) return false;
  const local = DateTime.fromMillis(slot.start, { zone: timeZone });
  if (entry.daysOfWeek.length > 0 && !entry.daysOfWeek.includes(local.weekday)) return false;
  const minute = local.hour * 60 + local.minute;
  if (entry.rangeStartMinute !== null && entry.rangeEndMinute !== null) {
    return minute >= entry.rangeStartMinute && minute < entry.rangeEndMinute;
  }
  if (entry.timesOfDay.length === 0) return true;
  return entry.timesOfDay.some((t) => {
    const range = TIME_OF_DAY_MINUTES[t as TimeOfDay];
    return range !== undefined && minute >= range[0] && minute < range[1];
  });
}
