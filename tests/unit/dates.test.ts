import { describe, expect, test } from "vitest";
import { addDays, daysBetween, formatCalendarDay, formatDateTime, formatDay, formatDayTime, formatShortDate, formatTime, isIsoDate, localDate, maxDate, minDate, todayIn, utcDate, weekStart, zoneLabel } from "@/lib/dates";

// The first two tests moved from tests/unit/homework-adherence.test.ts when dates got their one home (lib/dates).
describe("dates", () => {
  test("today is the practice's local date, not UTC", () => {
    // 03:00 UTC on 10 March is still 9 March in Los Angeles.
    expect(todayIn("America/Los_Angeles", new Date("2026-03-10T03:00:00Z"))).toBe("2026-03-09");
    expect(todayIn("Europe/London", new Date("2026-03-10T03:00:00Z"))).toBe("2026-03-10");
  });
  test("day arithmetic crosses month ends and DST changes", () => {
    expect(addDays("2026-02-27", 3)).toBe("2026-03-02");
    expect(daysBetween("2026-03-01", "2026-03-15")).toBe(14);
    expect(weekStart("2026-03-08")).toBe("2026-03-02");
  });

  test("a real calendar date written YYYY-MM-DD, and nothing else", () => {
    for (const ok of ["2026-03-09", "2024-02-29", "1900-01-01", "2026-12-31"]) expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of ["2026-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "2026-3-9", "2026-03-09T00:00", " 2026-03-09", "09/03/2026", "", null, undefined, 20260309]) {
      expect(isIsoDate(bad), String(bad)).toBe(false);
    }
  });

  test("local dates of an instant follow the zone; UTC dates do not", () => {
    const lateEvening = new Date("2026-03-10T03:00:00Z");
    expect(localDate(lateEvening, "America/Los_Angeles")).toBe("2026-03-09");
    expect(localDate(lateEvening.toISOString(), "Asia/Tokyo")).toBe("2026-03-10");
    expect(localDate(lateEvening.getTime(), "UTC")).toBe("2026-03-10");
    expect(utcDate(lateEvening)).toBe("2026-03-10");
    expect(() => todayIn("Not/AZone", lateEvening)).toThrow(RangeError);
  });

  test("weeks start on Monday and the arithmetic runs backwards too", () => {
    expect(weekStart("2026-03-02")).toBe("2026-03-02");
    expect(weekStart("2026-03-01")).toBe("2026-02-23");
    expect(addDays("2026-03-02", -2)).toBe("2026-02-28");
    expect(daysBetween("2026-03-15", "2026-03-01")).toBe(-14);
    expect([minDate("2026-03-02", "2026-02-28"), maxDate("2026-03-02", "2026-02-28")]).toEqual(["2026-02-28", "2026-03-02"]);
  });

  test("how dates and times read on a page", () => {
    const at = new Date("2026-03-09T14:30:00Z");
    expect(formatTime(at, "America/New_York")).toBe("10:30 AM");
    expect(formatDateTime(at, "America/New_York")).toBe("Monday 9 March 2026, 10:30 AM EDT");
    expect(zoneLabel("America/New_York", at)).toBe("America/New York (EDT)");
    expect(formatShortDate("2026-03-09")).toBe("Mon 9 Mar");
  });

  test("the portal home's one format: an instant and a calendar date read the same words", () => {
    const at = new Date("2026-12-03T03:30:00Z"); // 10:30 PM on the 2nd in New York, the 3rd in UTC
    expect(formatDayTime(at, "America/New_York")).toBe("Wednesday 2 December, 10:30 PM EST");
    expect(formatDay(at, "America/New_York")).toBe("Wednesday 2 December");
    expect(formatCalendarDay("2026-12-02")).toBe("Wednesday 2 December");
    expect(formatCalendarDay("2027-01-31")).toBe("Sunday 31 January");
  });
});
