import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import type { z } from "zod";
import {
  closureSchema,
  findOverlaps,
  formatMinutes,
  overrideSchema,
  parseTime,
  weeklyHoursSchema,
} from "@/lib/booking/availability-schema";
import { newServiceFormValues, serviceSchema } from "@/lib/booking/service-schema";
import { zodFieldErrors } from "@/lib/form-result";

function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? null : zodFieldErrors(result.error);
}

/** A valid service form as the browser sends it (strings). */
function serviceForm(overrides: Record<string, unknown> = {}) {
  return { ...newServiceFormValues("USD"), name: "Couples session", price: "190", ...overrides };
}

describe("service form", () => {
  test("a browser form becomes the stored values", () => {
    const clinician = randomUUID();
    const values = serviceSchema.parse(
      serviceForm({ price: "190.5", clinicianIds: [clinician, clinician], minNoticeHours: "12", lateCancelFee: "95", noShowFee: "" }),
    );
    expect(values).toMatchObject({
      name: "Couples session",
      description: null,
      durationMinutes: 50,
      price: 19050,
      currency: "USD",
      clinicianIds: [clinician],
      minNoticeHours: 12,
      lateCancelFee: 9500,
      noShowFee: 0,
      active: true,
    });
  });

  test("FormData-style values: one checkbox as a string, numbers as strings, no active flag", () => {
    const id = randomUUID();
    const values = serviceSchema.parse({ ...serviceForm(), clinicianIds: id, active: undefined, durationMinutes: "90" });
    expect(values.clinicianIds).toEqual([id]);
    expect(values.durationMinutes).toBe(90);
    expect(values.active).toBe(true);
    expect(serviceSchema.parse({ ...serviceForm(), clinicianIds: false }).clinicianIds).toEqual([]);
  });

  test.each([
    ["durationMinutes", "4", "Duration must be between 5 and 480 minutes"],
    ["durationMinutes", "481", "Duration must be between 5 and 480 minutes"],
    ["durationMinutes", "50.5", "Duration must be a whole number of minutes"],
    ["durationMinutes", "abc", "Duration must be a number"],
    ["bufferBeforeMinutes", "-1", "Buffer before must be between 0 and 240 minutes"],
    ["bufferAfterMinutes", "241", "Buffer after must be between 0 and 240 minutes"],
    ["minNoticeHours", "721", "Minimum notice must be between 0 and 720 hours"],
    ["horizonDays", "0", "Booking horizon must be between 1 and 365 days"],
    ["horizonDays", "366", "Booking horizon must be between 1 and 365 days"],
    ["slotStepMinutes", "4", "Slot step must be between 5 and 240 minutes"],
    ["slotStepMinutes", "241", "Slot step must be between 5 and 240 minutes"],
    ["cancellationWindowHours", "721", "Cancellation window must be between 0 and 720 hours"],
    ["price", "abc", "Price must be an amount like 190 or 190.50"],
    ["price", "-1", "Price cannot be negative"],
    ["price", "100001", "Price must be at most 100,000"],
    ["lateCancelFee", "-5", "Late-cancel fee cannot be negative"],
    ["noShowFee", "ten", "No-show fee must be an amount like 190 or 190.50"],
  ])("%s = %j: %s", (field, value, message) => {
    expect(errorsOf(serviceSchema, serviceForm({ [field]: value }))).toEqual({ [field]: [message] });
  });

  test("the lowest and highest allowed values pass", () => {
    const low = { durationMinutes: "5", bufferBeforeMinutes: "0", bufferAfterMinutes: "0", minNoticeHours: "0", horizonDays: "1", slotStepMinutes: "5", cancellationWindowHours: "0", price: "0" };
    const high = { durationMinutes: "480", bufferBeforeMinutes: "240", bufferAfterMinutes: "240", minNoticeHours: "720", horizonDays: "365", slotStepMinutes: "240", cancellationWindowHours: "720", price: "100000" };
    expect(errorsOf(serviceSchema, serviceForm(low))).toBeNull();
    expect(errorsOf(serviceSchema, serviceForm(high))).toBeNull();
    // The stored notice (minutes) stays inside services_notice (0..43200).
    expect(serviceSchema.parse(serviceForm(high)).minNoticeHours * 60).toBe(43_200);
  });

  test("name, enums and clinician ids are checked", () => {
    expect(errorsOf(serviceSchema, serviceForm({ name: "  " }))).toEqual({ name: ["Name is required"] });
    expect(errorsOf(serviceSchema, serviceForm({ currency: "CHF" }))).toEqual({ currency: ["Choose a currency"] });
    expect(errorsOf(serviceSchema, serviceForm({ format: "carrier pigeon" }))).toEqual({ format: ["Choose a format"] });
    expect(errorsOf(serviceSchema, serviceForm({ attendance: "group" }))).toEqual({ attendance: ["Choose who attends"] });
    expect(Object.keys(errorsOf(serviceSchema, serviceForm({ clinicianIds: ["not-a-uuid"] })) ?? {})).toEqual(["clinicianIds.0"]);
  });
});

describe("weekly hours", () => {
  const row = (weekday: number, start: string, end: string, locationId = "") => ({ weekday: String(weekday), start, end, locationId });

  test("times are parsed to minutes and back", () => {
    expect(parseTime("09:30")).toBe(570);
    expect(parseTime("00:00")).toBe(0);
    expect(parseTime("24:00")).toBe(1440);
    expect(parseTime("09:30:00")).toBe(570);
    expect(parseTime("9:30")).toBeNull();
    expect(parseTime("24:30")).toBeNull();
    expect(parseTime("12:60")).toBeNull();
    expect(formatMinutes(570)).toBe("09:30");
    expect(formatMinutes(1440)).toBe("24:00");
  });

  test("valid rows become minutes; empty location is online/phone", () => {
    const location = randomUUID();
    expect(weeklyHoursSchema.parse({ timeZone: "", rows: [row(1, "09:00", "17:00"), row(3, "09:00", "13:00", location)] })).toEqual({
      timeZone: null,
      rows: [
        { weekday: 1, startMinute: 540, endMinute: 1020, locationId: null },
        { weekday: 3, startMinute: 540, endMinute: 780, locationId: location },
      ],
    });
  });

  test("start must come before end, on a real weekday", () => {
    expect(errorsOf(weeklyHoursSchema, { rows: [row(2, "17:00", "09:00")] })).toEqual({ "rows.0.end": ["The end time must be after the start time"] });
    expect(errorsOf(weeklyHoursSchema, { rows: [row(2, "09:00", "09:00")] })).toEqual({ "rows.0.end": ["The end time must be after the start time"] });
    expect(errorsOf(weeklyHoursSchema, { rows: [row(8, "09:00", "10:00")] })).toEqual({ "rows.0.weekday": ["Choose a day"] });
    expect(errorsOf(weeklyHoursSchema, { rows: [row(1, "nine", "10:00")] })).toEqual({ "rows.0.start": ["Enter the start time as HH:MM, for example 09:00"] });
    expect(errorsOf(weeklyHoursSchema, { rows: [row(1, "09:00", "10:00", "somewhere")] })).toEqual({ "rows.0.locationId": ["Choose a location from the list"] });
  });

  test("overlapping rows on the same weekday name the row they overlap", () => {
    const errors = errorsOf(weeklyHoursSchema, {
      rows: [row(2, "09:00", "17:00"), row(4, "09:00", "17:00"), row(2, "19:00", "21:30"), row(2, "16:30", "18:00")],
    });
    expect(errors).toEqual({ "rows.3.start": ["Row 4 overlaps row 1 (Tuesday 09:00–17:00)"] });
  });

  test("a row that is wrong in itself is not also reported as an overlap", () => {
    expect(errorsOf(weeklyHoursSchema, { rows: [row(2, "17:00", "09:00"), row(2, "08:00", "18:00")] })).toEqual({
      "rows.0.end": ["The end time must be after the start time"],
    });
  });

  test("touching rows and the same hours on different days do not overlap", () => {
    expect(errorsOf(weeklyHoursSchema, { rows: [row(3, "09:00", "13:00", randomUUID()), row(3, "13:00", "17:00"), row(4, "09:00", "13:00")] })).toBeNull();
    expect(findOverlaps([{ weekday: 1, startMinute: 0, endMinute: 60 }, { weekday: 1, startMinute: 30, endMinute: 90 }, { weekday: 1, startMinute: 10, endMinute: 20 }])).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  test("the time zone must be a real zone; empty means the practice's", () => {
    expect(weeklyHoursSchema.parse({ timeZone: "Europe/London", rows: [] }).timeZone).toBe("Europe/London");
    expect(errorsOf(weeklyHoursSchema, { timeZone: "Mars/Olympus_Mons", rows: [] })).toEqual({ timeZone: ["Choose a time zone from the list"] });
  });
});

describe("date changes and closures", () => {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

  test("a day off has no times; time off has no location; extra hours keep theirs", () => {
    const location = randomUUID();
    expect(overrideSchema.parse({ date: tomorrow, type: "day_off", start: "09:00", end: "10:00", locationId: location })).toEqual({
      date: tomorrow,
      kind: "unavailable",
      startMinute: null,
      endMinute: null,
      locationId: null,
    });
    expect(overrideSchema.parse({ date: tomorrow, type: "unavailable", start: "12:00", end: "14:00", locationId: location })).toMatchObject({
      kind: "unavailable",
      startMinute: 720,
      endMinute: 840,
      locationId: null,
    });
    expect(overrideSchema.parse({ date: tomorrow, type: "extra", start: "18:00", end: "20:00", locationId: location })).toMatchObject({
      kind: "available",
      startMinute: 1080,
      endMinute: 1200,
      locationId: location,
    });
  });

  test("bad dates and times are field errors", () => {
    expect(errorsOf(overrideSchema, { date: "2025-02-30", type: "day_off" })).toEqual({ date: ["Enter a date"] });
    expect(errorsOf(overrideSchema, { date: "2001-01-01", type: "day_off" })).toEqual({ date: ["Choose today or a later date"] });
    expect(errorsOf(overrideSchema, { date: tomorrow, type: "extra", start: "14:00", end: "12:00" })).toEqual({
      end: ["The end time must be after the start time"],
    });
    expect(errorsOf(overrideSchema, { date: tomorrow, type: "unavailable", start: "", end: "12:00" })).toEqual({ start: ["Enter the start time as HH:MM"] });
  });

  test("a closure ends after it starts", () => {
    expect(closureSchema.parse({ startsAt: "2030-12-24T12:00", endsAt: "2030-12-27T09:00", reason: " Holidays " })).toEqual({
      startsAt: "2030-12-24T12:00",
      endsAt: "2030-12-27T09:00",
      reason: "Holidays",
    });
    expect(errorsOf(closureSchema, { startsAt: "2030-12-24T12:00", endsAt: "2030-12-24T12:00" })).toEqual({ endsAt: ["The closure must end after it starts"] });
    expect(errorsOf(closureSchema, { startsAt: "", endsAt: "2030-12-24T12:00" })).toEqual({ startsAt: ["Enter when the closure starts"] });
  });
});
