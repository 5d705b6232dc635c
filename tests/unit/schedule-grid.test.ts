import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { scheduleRange } from "@/lib/booking/list-schedule";
import { assignLanes, gridBounds, placeOnDay, rowCount, rowMinute, rowTaken, wallTime, wallTimes, workingSpans } from "@/lib/booking/schedule-grid";
import { formatClock, formatTime } from "@/lib/dates";

const ZONE = "America/New_York";
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toJSDate();
const session = (start: string, minutes: number) => ({ startsAt: at(start), endsAt: new Date(at(start).getTime() + minutes * 60_000) });

describe("schedule grid placement", () => {
  test("a 9:00 session sits on the 9:00 row on both sides of the spring-forward change (8 March 2026)", () => {
    const week = scheduleRange("week", "2026-03-04", ZONE); // Monday 2 – Sunday 8 March; clocks go forward on the 8th
    const bounds = { startMinute: 8 * 60, endMinute: 18 * 60 };
    expect(placeOnDay(session("2026-03-02T09:00", 50), "2026-03-02", ZONE, bounds)).toEqual({ row: 2, span: 2 });
    expect(placeOnDay(session("2026-03-08T09:00", 50), "2026-03-08", ZONE, bounds)).toEqual({ row: 2, span: 2 });
    // The week still has seven local days though it is an hour short.
    expect(week.days).toEqual(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]);
    expect(week.to.getTime() - week.from.getTime()).toBe((7 * 24 - 1) * 3_600_000);
  });

  test("2:30 AM does not exist on the spring-forward night, and 1:30 AM happens once there", () => {
    expect(wallTime("2026-03-08", 150, ZONE)).toBeNull();
    expect(wallTime("2026-03-08", 90, ZONE)?.toISOString()).toBe("2026-03-08T06:30:00.000Z");
    expect(wallTime("2026-03-08", 180, ZONE)?.toISOString()).toBe("2026-03-08T07:00:00.000Z");
    // An hour-long session from 1:30 EST ends at 3:30 EDT: on the wall clock it covers 1:30–3:30.
    expect(placeOnDay(session("2026-03-08T01:30", 60), "2026-03-08", ZONE, { startMinute: 0, endMinute: 240 })).toEqual({ row: 3, span: 4 });
  });

  test("the shown hours run from the earliest hour worked or booked to the latest, in whole hours", () => {
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60, timeZone: ZONE }));
    const days = scheduleRange("week", "2026-03-04", ZONE).days;
    const spans = workingSpans(hours, days);
    expect(spans).toHaveLength(5);
    expect(gridBounds(spans, days, ZONE)).toEqual({ startMinute: 540, endMinute: 1020 });
    // A walk-in at 8:15 PM widens the evening to 9 PM.
    const bounds = gridBounds([...spans, session("2026-03-04T20:15", 30)], days, ZONE);
    expect(bounds).toEqual({ startMinute: 540, endMinute: 1260 });
    expect(rowCount(bounds)).toBe(24);
    // A clinician working in Chicago 8–4 shows as 9–5 New York time.
    const chicago = workingSpans([{ weekday: 3, startMinute: 480, endMinute: 960, timeZone: "America/Chicago" }], ["2026-03-04"]);
    expect(gridBounds(chicago, ["2026-03-04"], ZONE)).toEqual({ startMinute: 540, endMinute: 1020 });
    // Nothing at all: an ordinary working day.
    expect(gridBounds([], days, ZONE)).toEqual({ startMinute: 540, endMinute: 1020 });
  });

  test("a session outside the shown hours of a day is not placed there; one from the evening before starts at the top", () => {
    const bounds = { startMinute: 0, endMinute: 1440 };
    expect(placeOnDay(session("2026-03-03T10:00", 50), "2026-03-04", ZONE, bounds)).toBeNull();
    expect(placeOnDay(session("2026-03-03T23:30", 60), "2026-03-04", ZONE, bounds)).toEqual({ row: 0, span: 1 });
  });

  test("overlapping sessions get side-by-side lanes; the rows they cover are taken", () => {
    const placements = [{ row: 2, span: 2 }, { row: 3, span: 2 }, { row: 5, span: 1 }, { row: 2, span: 1 }];
    // 3:00 reuses the lane the 2:00 half-hour session freed.
    expect(assignLanes(placements)).toEqual({ lanes: [0, 1, 0, 1], count: 2 });
    expect(rowTaken(placements, 4)).toBe(true);
    expect(rowTaken(placements, 6)).toBe(false);
  });

  test("a month view is whole weeks around the month, Monday first", () => {
    const month = scheduleRange("month", "2026-03-17", ZONE);
    expect(month.days[0]).toBe("2026-02-23");
    expect(month.days.at(-1)).toBe("2026-04-05");
    expect(month.days).toHaveLength(42);
    expect([month.previous, month.next, month.date]).toEqual(["2026-02-01", "2026-04-01", "2026-03-17"]);
  });

  test("a column's instants, read with its date parsed once, are wallTime's for every row, across both clock changes; a free time's words are formatTime's", () => {
    const bounds = { startMinute: 0, endMinute: 1440 };
    for (const [date, zone] of [["2026-03-08", ZONE], ["2026-11-01", ZONE], ["2026-03-29", "Europe/London"], ["2026-06-15", "Asia/Kolkata"], ["2026-04-05", "Australia/Lord_Howe"], ["2026-09-06", "America/Santiago"], ["2026-04-04", "America/Santiago"], ["2026-03-10", ZONE]] as const) {
      const all = wallTimes(date, bounds, zone);
      expect(all).toHaveLength(rowCount(bounds));
      all.forEach((instant, r) => {
        const minute = rowMinute(bounds, r);
        expect(instant?.toISOString() ?? null).toBe(wallTime(date, minute, zone)?.toISOString() ?? null);
        if (instant) expect(formatClock(minute)).toBe(formatTime(instant, zone));
      });
    }
    expect(wallTimes("2026-03-08", bounds, ZONE).filter((x) => x === null)).toHaveLength(2); // 2:00 and 2:30 AM
    expect(formatClock(0)).toBe("12:00 AM");
    expect(formatClock(13 * 60 + 30)).toBe("1:30 PM");
  });
});

