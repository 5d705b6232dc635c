import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatCalendarDate,
  formatCalendarRange,
  formatDate,
  formatDateMedium,
  formatDateTime,
  formatDateTimeMedium,
  formatDateTimeShort,
  formatDayMonth,
  formatHour,
  formatMinuteOfDay,
  formatMonth,
  formatTime,
  formatTimeZoned,
  practiceReader,
  zoneLabel,
} from "@/lib/dates";
import { PRACTICE_LOCALES, isPracticeLocale, localeForCountry } from "@/lib/dates/locales";

// Issue 11 (decision 0044): the practice's locale picks the clock and the words; a calendar date never shifts by zone.

const LONDON = "Europe/London";
const NY = "America/New_York";
const at = new Date("2026-12-03T14:30:00Z"); // 2:30 PM in London, 9:30 AM in New York

describe("a practice's locale", () => {
  it("en-US keeps the house's words and a 12-hour clock; en-GB reads 24-hour", () => {
    const us = practiceReader({ timeZone: LONDON, locale: "en-US" });
    const gb = practiceReader({ timeZone: LONDON, locale: "en-GB" });
    expect(formatDateTime(at, us)).toBe("Thursday 3 December 2026, 2:30 PM GMT");
    expect(formatDateTime(at, gb)).toBe("Thursday 3 December 2026, 14:30 GMT");
    expect(formatTime(at, us)).toBe("2:30 PM");
    expect(formatTime(at, gb)).toBe("14:30");
    expect(formatDateTimeShort(at, gb)).toBe("Thu 3 Dec, 14:30 GMT");
    expect(formatDate(at, gb)).toBe("Thursday 3 December 2026");
    expect(formatDateMedium(at, gb)).toBe("3 Dec 2026");
    expect(formatDateTimeMedium(at, us)).toBe("3 Dec 2026, 2:30 PM");
    expect(formatDateTimeMedium(at, gb)).toBe("3 Dec 2026, 14:30");
    expect(formatDateTimeMedium(new Date("2026-12-03T14:30:15Z"), gb, { seconds: true })).toBe("3 Dec 2026, 14:30:15");
    expect(formatDayMonth(at, gb)).toBe("3 Dec");
  });

  it("en-CA and en-AU write the 12-hour clock as they do", () => {
    expect(formatTime(at, { zone: LONDON, locale: "en-CA" })).toBe("2:30 p.m.");
    expect(formatTime(at, { zone: LONDON, locale: "en-AU" })).toBe("2:30 pm");
  });

  it("names the zone as the locale does: BST in summer for en-GB", () => {
    const summer = new Date("2026-07-01T13:00:00Z");
    expect(formatTimeZoned(summer, { zone: LONDON, locale: "en-GB" })).toBe("14:00 BST");
    expect(zoneLabel(LONDON, summer, "en-GB")).toBe("Europe/London (BST)");
    expect(zoneLabel(NY, summer)).toBe("America/New York (EDT)");
  });

  it("carries the clinic's note on the same clock", () => {
    expect(formatDateTime(at, { zone: NY, practiceZone: LONDON, locale: "en-GB" })).toBe("Thursday 3 December 2026, 09:30 GMT-5 (14:30 GMT at the clinic)");
  });

  it("reads an unknown or missing locale as en-US rather than failing a page", () => {
    expect(formatTime(at, { zone: LONDON, locale: "fr-FR" })).toBe("2:30 PM");
    expect(formatTime(at, { zone: LONDON, locale: null })).toBe("2:30 PM");
    expect(practiceReader({ timeZone: NY })).toEqual({ zone: NY, locale: "en-US" });
  });

  it("hours on a grid's edge and minutes of the day follow the clock", () => {
    expect(formatHour(14, "en-US")).toBe("2 PM");
    expect(formatHour(14, "en-GB")).toBe("14:00");
    expect(formatHour(9, "en-GB")).toBe("09:00");
    expect(formatMinuteOfDay(540, "en-US")).toBe("9:00 AM");
    expect(formatMinuteOfDay(870, "en-GB")).toBe("14:30");
    expect(formatMinuteOfDay(1440, "en-GB")).toBe("24:00");
  });

  it("is one of the supported list, and a new practice takes its country's", () => {
    expect(PRACTICE_LOCALES).toEqual(["en-US", "en-GB", "en-CA", "en-AU"]);
    expect(isPracticeLocale("en-GB")).toBe(true);
    expect(isPracticeLocale("en-gb")).toBe(false);
    expect(localeForCountry("GB")).toBe("en-GB");
    expect(localeForCountry("IE")).toBe("en-GB");
    expect(localeForCountry("AU")).toBe("en-AU");
    expect(localeForCountry("CA")).toBe("en-CA");
    expect(localeForCountry("US")).toBe("en-US");
    expect(localeForCountry("DE")).toBe("en-US");
    expect(localeForCountry(null)).toBe("en-US");
  });
});

describe("a calendar date (a date of birth)", () => {
  it("reads as words in the locale", () => {
    expect(formatCalendarDate("1990-04-12", "en-US")).toBe("12 April 1990");
    expect(formatCalendarDate("1990-04-12", "en-GB")).toBe("12 April 1990");
    expect(formatCalendarDate("2026-12-03", "en-GB", { weekday: true })).toBe("Thursday 3 December 2026");
    expect(formatCalendarDate("2025-12-24", "en-US", { weekday: true, short: true })).toBe("Wed 24 Dec 2025");
  });

  it("never shifts by a day, whatever the zone of the machine or the reader", () => {
    // The runtime's own zone plays no part: the date is read as a calendar day, not an instant at midnight.
    const before = process.env.TZ;
    try {
      for (const tz of ["Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles", "UTC"]) {
        process.env.TZ = tz;
        expect(formatCalendarDate("1990-04-12", "en-GB"), tz).toBe("12 April 1990");
        expect(formatCalendarDate("2000-01-01", "en-US"), tz).toBe("1 January 2000");
      }
    } finally {
      // Assigning undefined would leave the string "undefined" for the next file in this worker.
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it("leaves a value that is not a date as it is", () => {
    expect(formatCalendarDate("not a date")).toBe("not a date");
  });

  it("ranges and months read without a zone", () => {
    expect(formatCalendarRange("2026-12-07", "2026-12-13", "en-GB")).toBe("7 – 13 December 2026");
    expect(formatCalendarRange("2026-11-30", "2026-12-06")).toBe("30 November – 6 December 2026");
    expect(formatCalendarRange("2026-12-28", "2027-01-03")).toBe("28 December 2026 – 3 January 2027");
    expect(formatMonth("2026-12-01", "en-GB")).toBe("December 2026");
  });

  it("a grid row's clock words are the locale's, the same as formatTime's for that instant", () => {
    const at = new Date("2026-07-02T13:30:00Z"); // 14:30 in London (BST)
    expect(formatClock(870, "en-GB")).toBe(formatTime(at, { zone: "Europe/London", locale: "en-GB" }));
    expect(formatClock(870, "en-GB")).toBe("14:30");
    expect(formatClock(870, "en-US")).toBe("2:30 PM");
    expect(formatClock(870, "xx-YY")).toBe("2:30 PM");
  });
});
