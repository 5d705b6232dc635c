import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { addedWeeklyRanges, dateRange, projectWeekly, type WeeklyRange } from "@/lib/waitlist/availability-openings";

const row = (weekday: number, start: number, end: number, locationId: string | null = null): WeeklyRange => ({ weekday, startMinute: start * 60, endMinute: end * 60, locationId });

describe("addedWeeklyRanges", () => {
  test("only the hours the change added: a longer day, a new day; shorter or unchanged days add nothing", () => {
    const before = [row(1, 9, 17), row(2, 9, 17), row(3, 9, 12), row(3, 13, 17)];
    const after = [row(1, 9, 17), row(2, 10, 15), row(3, 9, 17), row(6, 9, 12)];
    expect(addedWeeklyRanges(before, after)).toEqual([row(3, 12, 13), row(6, 9, 12)]);
    expect(addedWeeklyRanges(before, before)).toEqual([]);
    expect(addedWeeklyRanges(after, [])).toEqual([]);
  });

  test("hours moved to another location count as new; a new zone makes every row new", () => {
    expect(addedWeeklyRanges([row(1, 9, 17, "a")], [row(1, 9, 17, "b")])).toEqual([row(1, 9, 17, "b")]);
    expect(addedWeeklyRanges([row(1, 9, 17)], [row(1, 9, 17)], true)).toEqual([row(1, 9, 17)]);
  });
});

describe("projectWeekly", () => {
  const ZONE = "America/Los_Angeles";
  test("9:00 local stays 9:00 local on each date across the spring-forward change, and nothing before now", () => {
    // Friday 7 March 2031, 10:00 in Los Angeles; clocks go forward on Sunday 9 March.
    const now = DateTime.fromISO("2031-03-07T10:00", { zone: ZONE }).toJSDate();
    const ranges = projectWeekly([row(5, 9, 12), row(1, 9, 10)], ZONE, now, 10);
    const local = ranges.map((r) => [DateTime.fromJSDate(r.startsAt, { zone: ZONE }).toFormat("ccc d HH:mm"), DateTime.fromJSDate(r.endsAt, { zone: ZONE }).toFormat("HH:mm")]);
    // Today's Friday range is clipped to now; Monday after the change still opens at 9:00 local (16:00Z, not 17:00Z).
    expect(local).toEqual([
      ["Fri 7 10:00", "12:00"],
      ["Mon 10 09:00", "10:00"],
      ["Fri 14 09:00", "12:00"],
      ["Mon 17 09:00", "10:00"],
    ]);
    expect(ranges[1]!.startsAt.toISOString()).toBe("2031-03-10T16:00:00.000Z");
  });

  test("a whole day off, in the clinician's zone; a past date is nothing", () => {
    const now = new Date("2031-03-01T00:00:00Z");
    const day = dateRange("2031-03-09", ZONE, null, null, now)!;
    // The spring-forward Sunday is 23 hours long.
    expect(day.endsAt.getTime() - day.startsAt.getTime()).toBe(23 * 3600_000);
    expect(dateRange("2031-02-01", ZONE, 540, 600, now)).toBeNull();
  });
});
