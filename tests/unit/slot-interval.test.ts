import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { computeSlots } from "@/lib/booking/compute-slots";
import { slotIntervalMinutes, slotRulesOf } from "@/lib/booking/slot-interval";

const LA = "America/Los_Angeles";
const service = { durationMinutes: 50, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0, horizonDays: 365 };

/** One Tuesday, 9:00–13:00 in Los Angeles, for one clinician. */
function tuesdayStarts(slotStepMinutes: number | null, durationMinutes = 50): string[] {
  const from = Date.parse("2026-12-08T00:00:00-08:00");
  const slots = computeSlots({
    service: slotRulesOf({ ...service, durationMinutes, slotStepMinutes }),
    clinicians: [{ memberId: "m1", weekly: [{ weekday: 2, startMinute: 9 * 60, endMinute: 13 * 60, timeZone: LA, locationId: null }], overrides: [], busy: [] }],
    closures: [],
    from,
    to: from + 86_400_000,
    now: from - 30 * 86_400_000,
  });
  return slots.map((s) => DateTime.fromMillis(s.start, { zone: LA }).toFormat("HH:mm"));
}

describe("the interval between offered start times", () => {
  test("left empty, it is the session's own length", () => {
    expect(slotIntervalMinutes({ durationMinutes: 50, slotStepMinutes: null })).toBe(50);
    expect(slotIntervalMinutes({ durationMinutes: 75, slotStepMinutes: null })).toBe(75);
  });

  test("set, it wins over the length", () => {
    expect(slotIntervalMinutes({ durationMinutes: 50, slotStepMinutes: 60 })).toBe(60);
    expect(slotIntervalMinutes({ durationMinutes: 50, slotStepMinutes: 15 })).toBe(15);
  });

  test("a 50-minute session with no interval set offers times 50 minutes apart, not every 15", () => {
    expect(tuesdayStarts(null)).toEqual(["09:00", "09:50", "10:40", "11:30"]);
  });

  test("an interval of 60 offers the hour; 15 still offers the quarter hours when chosen", () => {
    expect(tuesdayStarts(60)).toEqual(["09:00", "10:00", "11:00", "12:00"]);
    expect(tuesdayStarts(15)).toHaveLength(13);
  });

  test("slotRulesOf passes the other rules through unchanged", () => {
    expect(slotRulesOf({ ...service, bufferAfterMinutes: 10, slotStepMinutes: null })).toEqual({ ...service, bufferAfterMinutes: 10, slotStepMinutes: 50 });
  });
});
