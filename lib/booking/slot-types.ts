/** Inputs and outputs of the pure slot engine (lib/booking/compute-slots.ts). Times are epoch milliseconds. */

export interface SlotServiceRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  slotStepMinutes: number;
}

export interface WeeklyWindow {
  /** ISO weekday: 1 = Monday … 7 = Sunday, in `timeZone`. */
  weekday: number;
  /** Minutes from local midnight. */
  startMinute: number;
  endMinute: number;
  timeZone: string;
  locationId: string | null;
}

export interface DateOverride {
  /** Local date YYYY-MM-DD in `timeZone`. */
  date: string;
  kind: "unavailable" | "available";
  /** Null with "unavailable": the whole day. */
  startMinute: number | null;
  endMinute: number | null;
  timeZone: string;
  locationId: string | null;
}

export interface Interval {
  start: number;
  end: number;
}

export interface ClinicianSchedule {
  memberId: string;
  weekly: WeeklyWindow[];
  overrides: DateOverride[];
  /** Blocked ranges of live appointments and holds, buffers already included. */
  busy: Interval[];
}

export interface SlotQuery {
  service: SlotServiceRules;
  clinicians: ClinicianSchedule[];
  /** Practice closures: nothing may start, run or be buffered inside them. */
  closures: Interval[];
  /** Only slots starting in [from, to). */
  from: number;
  to: number;
  now: number;
  /** Staff may book inside the minimum notice (never in the past). */
  ignoreNotice?: boolean;
  /** Only return slots at these locations (undefined: any). */
  locationIds?: (string | null)[];
}

export interface Slot {
  start: number;
  end: number;
  memberId: string;
  locationId: string | null;
}
