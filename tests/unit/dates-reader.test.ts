import { describe, expect, it } from "vitest";
import { clinicNote, formatDateTime, formatDateTimeShort, formatDayTime, formatIsoDay, formatTime, formatTimeZoned, isTimeZone, readerZone } from "@/lib/dates";

// Issue 11, problem 8 (decision 0039): one voice for times, in the reader's zone, the clinic's noted when its clock differs.

const NY = "America/New_York";
const LA = "America/Los_Angeles";

describe("a reader in another zone than the clinic", () => {
  it("reads their own time first and the clinic's beside it", () => {
    // 11:30 PM in New York on Tuesday 8 December 2026 is 8:30 PM in Los Angeles.
    const at = new Date("2026-12-09T04:30:00Z");
    expect(formatDateTime(at, { zone: NY, practiceZone: LA })).toBe("Tuesday 8 December 2026, 11:30 PM EST (8:30 PM PST at the clinic)");
    expect(formatDayTime(at, { zone: NY, practiceZone: LA })).toBe("Tuesday 8 December, 11:30 PM EST (8:30 PM PST at the clinic)");
    expect(formatTimeZoned(at, { zone: NY, practiceZone: LA })).toBe("11:30 PM EST (8:30 PM PST at the clinic)");
    // A slot in a list (its zone said once above it) and a subject stay short.
    expect(formatTime(at, { zone: NY, practiceZone: LA })).toBe("11:30 PM");
    expect(formatDateTimeShort(at, NY)).toBe("Tue 8 Dec, 11:30 PM EST");
  });

  it("names the clinic's day when it is another day there", () => {
    // 1:00 AM Wednesday in New York is still Tuesday evening in Los Angeles.
    const at = new Date("2026-12-09T06:00:00Z");
    expect(formatDateTime(at, { zone: NY, practiceZone: LA })).toBe("Wednesday 9 December 2026, 1:00 AM EST (10:00 PM PST on Tue 8 Dec at the clinic)");
  });

  it("says nothing more when the zones agree: the same zone, no clinic zone, or another zone on the same clock", () => {
    const at = new Date("2026-12-09T04:30:00Z");
    expect(formatDateTime(at, { zone: NY, practiceZone: NY })).toBe("Tuesday 8 December 2026, 11:30 PM EST");
    expect(formatDateTime(at, NY)).toBe("Tuesday 8 December 2026, 11:30 PM EST");
    expect(clinicNote(at, { zone: NY })).toBe("");
    // Detroit keeps New York's clock; Phoenix keeps Los Angeles's in summer (no DST) but not in winter.
    expect(clinicNote(at, { zone: "America/Detroit", practiceZone: NY })).toBe("");
    expect(clinicNote(new Date("2026-07-01T18:00:00Z"), { zone: "America/Phoenix", practiceZone: LA })).toBe("");
    expect(clinicNote(new Date("2026-12-01T18:00:00Z"), { zone: "America/Phoenix", practiceZone: LA })).toBe(" (10:00 AM PST at the clinic)");
  });
});

describe("across daylight-saving changes", () => {
  it("the gap between the zones follows each zone's own change (the US and Europe change on different dates)", () => {
    // 8 March 2026: the US springs forward; London is still on GMT until 29 March, so the gap is 4 hours, not 5.
    expect(formatDateTime(new Date("2026-03-09T14:00:00Z"), { zone: "Europe/London", practiceZone: NY })).toBe(
      "Monday 9 March 2026, 2:00 PM GMT (10:00 AM EDT at the clinic)",
    );
    expect(formatDateTime(new Date("2026-04-06T14:00:00Z"), { zone: "Europe/London", practiceZone: NY })).toBe(
      "Monday 6 April 2026, 3:00 PM GMT+1 (10:00 AM EDT at the clinic)",
    );
  });

  it("the hour that happens twice in November reads as two different times", () => {
    // 1 November 2026, New York falls back at 2:00 AM EDT to 1:00 AM EST.
    expect(formatTimeZoned(new Date("2026-11-01T05:30:00Z"), NY)).toBe("1:30 AM EDT");
    expect(formatTimeZoned(new Date("2026-11-01T06:30:00Z"), NY)).toBe("1:30 AM EST");
    // Los Angeles falls back three hours later: for those hours the clinic is two hours behind, not three.
    expect(formatTimeZoned(new Date("2026-11-01T06:30:00Z"), { zone: NY, practiceZone: LA })).toBe("1:30 AM EST (11:30 PM PDT on Sat 31 Oct at the clinic)");
  });

  it("a CSV day is the day in the zone asked for", () => {
    expect(formatIsoDay(new Date("2026-12-09T04:30:00Z"), LA)).toBe("2026-12-08");
    expect(formatIsoDay(new Date("2026-12-09T04:30:00Z"), "UTC")).toBe("2026-12-09");
  });
});

describe("the reader's zone", () => {
  it("is the stored one when this runtime knows it, else the practice's", () => {
    expect(readerZone(NY, LA)).toBe(NY);
    expect(readerZone(null, LA)).toBe(LA);
    expect(readerZone("Mars/Olympus_Mons", LA)).toBe(LA);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(42)).toBe(false);
    expect(isTimeZone("x".repeat(65))).toBe(false);
  });
});
