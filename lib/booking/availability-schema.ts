import { z } from "zod";
import { isIsoDate, utcDate } from "@/lib/dates";

/**
 * Schemas for a clinician's weekly hours, date overrides and the practice's
 * closures: the forms (react-hook-form) and the server actions share them.
 * Times are typed as HH:MM and stored as minutes from local midnight.
 */

export const WEEKDAYS = [
  { value: 1, label: "Monday" },
  { value: 2, label: "Tuesday" },
  { value: 3, label: "Wednesday" },
  { value: 4, label: "Thursday" },
  { value: 5, label: "Friday" },
  { value: 6, label: "Saturday" },
  { value: 7, label: "Sunday" },
] as const;

export function weekdayLabel(weekday: number): string {
  return WEEKDAYS.find((d) => d.value === weekday)?.label ?? `Day ${weekday}`;
}

/** "09:30" → 570; "24:00" → 1440 (end of day); anything else → null. */
export function parseTime(value: string): number | null {
  const m = /^(\d{2}):(\d{2})(?::00)?$/.exec(value.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours === 24 && minutes === 0) return 1440;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** 570 → "09:30"; 1440 → "24:00". */
export function formatMinutes(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** True for a zone this runtime knows (IANA names and their aliases): lib/dates is its home. */
import { isTimeZone as isValidTimeZone } from "@/lib/dates/zone";
export { isValidTimeZone };

/** The IANA zones for the time zone select. */
export function timeZoneOptions(): string[] {
  return Intl.supportedValuesOf("timeZone");
}

const timeText = (label: string) => z.string({ message: `Enter the ${label} as HH:MM` }).trim();

/** "" (Online/phone) → null; otherwise a location id. */
const locationField = z
  .string()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || z.uuid().safeParse(v).success, "Choose a location from the list");

export const weeklyRowSchema = z
  .object({
    weekday: z.coerce.number({ message: "Choose a day" }).int("Choose a day").min(1, "Choose a day").max(7, "Choose a day"),
    start: timeText("start time"),
    end: timeText("end time"),
    locationId: locationField,
  })
  .transform((row, ctx) => {
    const startMinute = parseTime(row.start);
    const endMinute = parseTime(row.end);
    if (startMinute === null || startMinute === 1440) {
      ctx.addIssue({ code: "custom", path: ["start"], message: "Enter the start time as HH:MM, for example 09:00" });
    }
    if (endMinute === null) ctx.addIssue({ code: "custom", path: ["end"], message: "Enter the end time as HH:MM, for example 17:00" });
    else if (startMinute !== null && endMinute <= startMinute) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "The end time must be after the start time" });
    }
    return { weekday: row.weekday, startMinute: startMinute ?? 0, endMinute: endMinute ?? 0, locationId: row.locationId };
  });

export type WeeklyRow = z.output<typeof weeklyRowSchema>;

/**
 * Rows that overlap an earlier row on the same weekday: [row index, earlier
 * row index]. Rows that are invalid themselves (end not after start) are left
 * to their own error.
 */
export function findOverlaps(rows: Pick<WeeklyRow, "weekday" | "startMinute" | "endMinute">[]): [number, number][] {
  const out: [number, number][] = [];
  const valid = (r: Pick<WeeklyRow, "startMinute" | "endMinute">) => r.startMinute < r.endMinute;
  rows.forEach((row, i) => {
    if (!valid(row)) return;
    const earlier = rows.findIndex(
      (other, j) => j < i && valid(other) && other.weekday === row.weekday && other.startMinute < row.endMinute && row.startMinute < other.endMinute,
    );
    if (earlier >= 0) out.push([i, earlier]);
  });
  return out;
}

export const weeklyHoursSchema = z
  .object({
    /** "" keeps the practice's zone. */
    timeZone: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || isValidTimeZone(v), "Choose a time zone from the list"),
    rows: z.array(weeklyRowSchema, { message: "Weekly hours are missing" }).max(60, "Enter at most 60 rows of weekly hours"),
  })
  .superRefine((value, ctx) => {
    for (const [i, j] of findOverlaps(value.rows)) {
      const other = value.rows[j]!;
      ctx.addIssue({
        code: "custom",
        path: ["rows", i, "start"],
        message: `Row ${i + 1} overlaps row ${j + 1} (${weekdayLabel(other.weekday)} ${formatMinutes(other.startMinute)}–${formatMinutes(other.endMinute)})`,
      });
    }
  });

export type WeeklyHoursInput = z.input<typeof weeklyHoursSchema>;
export type WeeklyHoursValues = z.output<typeof weeklyHoursSchema>;

/** One row of the weekly hours form as the browser holds it. */
export interface WeeklyRowForm {
  weekday: string;
  start: string;
  end: string;
  locationId: string;
}

const isoDate = z.string({ message: "Enter a date" }).trim().refine(isIsoDate, { message: "Enter a date", abort: true });

export const OVERRIDE_TYPES = {
  day_off: "Day off",
  unavailable: "Unavailable from–to",
  extra: "Extra hours",
} as const;

export const overrideSchema = z
  .object({
    date: isoDate,
    type: z.enum(["day_off", "unavailable", "extra"], { message: "Choose what kind of change this is" }),
    start: z.string().trim().optional().default(""),
    end: z.string().trim().optional().default(""),
    locationId: locationField,
  })
  .superRefine((v, ctx) => {
    // A day before today in UTC is yesterday or earlier in every time zone.
    const earliest = utcDate(Date.now() - 86_400_000);
    if (isIsoDate(v.date) && v.date < earliest) ctx.addIssue({ code: "custom", path: ["date"], message: "Choose today or a later date" });
    if (v.type === "day_off") return;
    const start = parseTime(v.start);
    const end = parseTime(v.end);
    if (start === null || start === 1440) ctx.addIssue({ code: "custom", path: ["start"], message: "Enter the start time as HH:MM" });
    if (end === null) ctx.addIssue({ code: "custom", path: ["end"], message: "Enter the end time as HH:MM" });
    else if (start !== null && end <= start) ctx.addIssue({ code: "custom", path: ["end"], message: "The end time must be after the start time" });
  })
  .transform((v) => ({
    date: v.date,
    kind: v.type === "extra" ? ("available" as const) : ("unavailable" as const),
    startMinute: v.type === "day_off" ? null : parseTime(v.start),
    endMinute: v.type === "day_off" ? null : parseTime(v.end),
    // Time off applies wherever the clinician would have been.
    locationId: v.type === "extra" ? v.locationId : null,
  }));

export type OverrideInput = z.input<typeof overrideSchema>;

/** A practice-local date and time from a datetime-local input: YYYY-MM-DDTHH:MM. */
const localDateTime = (label: string) =>
  z
    .string({ message: `Enter when the closure ${label}` })
    .trim()
    .transform((v) => v.replace(" ", "T").slice(0, 16))
    .refine((v) => {
      const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(v);
      return !!m && isIsoDate(m[1]!) && parseTime(m[2]!) !== null && parseTime(m[2]!)! < 1440;
    }, `Enter when the closure ${label}`);

export const closureSchema = z
  .object({
    startsAt: localDateTime("starts"),
    endsAt: localDateTime("ends"),
    reason: z
      .string()
      .trim()
      .max(200, "Reason must be at most 200 characters")
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ["endsAt"], message: "The closure must end after it starts" });

export type ClosureInput = z.input<typeof closureSchema>;

export const deleteByIdSchema = z.object({ id: z.uuid({ message: "Not found" }) });
