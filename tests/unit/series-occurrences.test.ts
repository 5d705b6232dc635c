import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { daysBetween } from "@/lib/dates/calendar";
import { expandSeries, isoWeekdayOf, MAX_OCCURRENCES, monthlyLabel, weekOfMonth, wallTimeToInstant, type SeriesRule } from "@/lib/series/occurrences";

/**
 * Random series rules in three zones with opposite DST seasons, checked
 * against luxon read independently: every occurrence sits at the rule's local
 * wall time on its local date (or, in a spring-forward gap, later by the gap
 * and flagged), spacing is 7 / 14 local days or the same weekday-of-month,
 * and the count / until end holds.
 */

const ZONES = ["America/Los_Angeles", "Europe/London", "Australia/Sydney"] as const;

const two = (n: number) => String(n).padStart(2, "0");

const ruleArb: fc.Arbitrary<SeriesRule> = fc
  .record({
    frequency: fc.constantFrom("weekly" as const, "biweekly" as const, "monthly" as const),
    // Any date in 2026–2027: every series of a few weeks or more crosses a DST change somewhere.
    dayOffset: fc.integer({ min: 0, max: 729 }),
    // Night hours over-weighted: that is where the gaps and repeats are.
    hour: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 23 }), fc.constant(9)),
    minute: fc.constantFrom(0, 15, 30, 45, 59),
    timeZone: fc.constantFrom(...ZONES),
    end: fc.oneof(
      fc.record({ count: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ untilDays: fc.integer({ min: 0, max: 800 }) }),
    ),
  })
  .map(({ frequency, dayOffset, hour, minute, timeZone, end }) => {
    const firstDate = DateTime.fromISO("2026-01-01", { zone: "UTC" }).plus({ days: dayOffset }).toISODate()!;
    const base = { frequency, firstDate, time: `${two(hour)}:${two(minute)}`, timeZone };
    return "count" in end ? { ...base, count: end.count } : { ...base, until: DateTime.fromISO(firstDate, { zone: "UTC" }).plus({ days: end.untilDays }).toISODate()! };
  });

/** Does this local wall time exist on that date in the zone (luxon, read independently)? */
function wallExists(date: string, time: string, zone: string): boolean {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  return dt.toFormat("yyyy-MM-dd HH:mm") === `${date} ${time}`;
}

describe("expandSeries (property)", () => {
  test("occurrences keep the local wall time, the spacing and the end", () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const { occurrences, skipped, tooMany } = expandSeries(rule);
        expect(occurrences.length).toBeGreaterThan(0);
        expect(occurrences.length).toBeLessThanOrEqual(MAX_OCCURRENCES);
        expect(occurrences[0]!.date).toBe(rule.firstDate);

        occurrences.forEach((o, i) => {
          expect(o.index).toBe(i);
          const local = DateTime.fromMillis(o.start, { zone: rule.timeZone });
          expect(local.toISODate()).toBe(o.date);
          if (wallExists(o.date, rule.time, rule.timeZone)) {
            expect(o.shifted).toBe(false);
            expect(local.toFormat("HH:mm")).toBe(rule.time);
            // A repeated local time (fall back) is its first instant.
            const possible = DateTime.fromISO(`${o.date}T${rule.time}`, { zone: rule.timeZone }).getPossibleOffsets().map((d) => d.toMillis());
            expect(o.start).toBe(Math.min(...possible));
          } else {
            // Spring-forward gap: moved forward by the gap (an hour in these zones), flagged.
            expect(o.shifted).toBe(true);
            const wanted = DateTime.fromISO(`${o.date}T${rule.time}`, { zone: "UTC" });
            const got = DateTime.fromISO(`${o.date}T${local.toFormat("HH:mm")}`, { zone: "UTC" });
            expect(got.diff(wanted, "minutes").minutes).toBe(60);
          }
          if (i > 0) {
            const prev = occurrences[i - 1]!;
            expect(o.start).toBeGreaterThan(prev.start);
            if (rule.frequency === "weekly") expect(daysBetween(prev.date, o.date)).toBe(7);
            if (rule.frequency === "biweekly") expect(daysBetween(prev.date, o.date)).toBe(14);
            if (rule.frequency === "monthly") {
              expect(isoWeekdayOf(o.date)).toBe(isoWeekdayOf(rule.firstDate));
              expect(weekOfMonth(o.date)).toBe(weekOfMonth(rule.firstDate));
              const months = (Number(o.date.slice(0, 4)) - Number(prev.date.slice(0, 4))) * 12 + Number(o.date.slice(5, 7)) - Number(prev.date.slice(5, 7));
              const between = skipped.filter((s) => s.month > prev.date.slice(0, 7) && s.month < o.date.slice(0, 7)).length;
              expect(months).toBe(1 + between);
            }
          }
        });
        // Only a 5th weekday can be missing from a month.
        if (rule.frequency !== "monthly" || weekOfMonth(rule.firstDate) < 5) expect(skipped).toEqual([]);

        if (rule.count !== undefined) {
          expect(occurrences.length === rule.count).toBe(!tooMany);
          if (rule.count > MAX_OCCURRENCES) expect(tooMany).toBe(true);
        } else {
          const until = rule.until!;
          expect(occurrences.every((o) => o.date <= until)).toBe(true);
          if (!tooMany && rule.frequency !== "monthly") {
            const step = rule.frequency === "weekly" ? 7 : 14;
            expect(daysBetween(occurrences.at(-1)!.date, until)).toBeLessThan(step);
          }
        }
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });
});

describe("expandSeries (examples across DST)", () => {
  test("9:00 stays 9:00 in Los Angeles across spring forward (UTC moves an hour)", () => {
    const { occurrences } = expandSeries({ frequency: "weekly", firstDate: "2026-03-02", time: "09:00", timeZone: "America/Los_Angeles", count: 3 });
    expect(occurrences.map((o) => new Date(o.start).toISOString())).toEqual(["2026-03-02T17:00:00.000Z", "2026-03-09T16:00:00.000Z", "2026-03-16T16:00:00.000Z"]);
  });

  test("9:00 stays 9:00 in London and Sydney across their autumn changes", () => {
    const london = expandSeries({ frequency: "biweekly", firstDate: "2026-10-19", time: "09:00", timeZone: "Europe/London", count: 2 });
    expect(london.occurrences.map((o) => new Date(o.start).toISOString())).toEqual(["2026-10-19T08:00:00.000Z", "2026-11-02T09:00:00.000Z"]);
    const sydney = expandSeries({ frequency: "weekly", firstDate: "2026-03-31", time: "09:00", timeZone: "Australia/Sydney", count: 2 });
    expect(sydney.occurrences.map((o) => new Date(o.start).toISOString())).toEqual(["2026-03-30T22:00:00.000Z", "2026-04-06T23:00:00.000Z"]);
  });

  test("a time in the spring-forward gap moves forward by the gap and says so", () => {
    // 10:30 UTC is 03:30 PDT: the instant the slot engine offers for 02:30 that night.
    expect(wallTimeToInstant("2026-03-08", "02:30", "America/Los_Angeles")).toEqual({ start: Date.parse("2026-03-08T10:30:00Z"), shifted: true });
  });

  test("a repeated time (fall back) is its first occurrence", () => {
    expect(wallTimeToInstant("2026-11-01", "01:30", "America/Los_Angeles")).toEqual({ start: Date.parse("2026-11-01T08:30:00Z"), shifted: false });
  });

  test("monthly on the 5th Thursday skips the months without one and lists them", () => {
    const { occurrences, skipped } = expandSeries({ frequency: "monthly", firstDate: "2026-01-29", time: "10:00", timeZone: "Europe/London", count: 3 });
    expect(monthlyLabel("2026-01-29")).toBe("5th Thursday");
    expect(occurrences.map((o) => o.date)).toEqual(["2026-01-29", "2026-04-30", "2026-07-30"]);
    expect(skipped.map((s) => s.month)).toEqual(["2026-02", "2026-03", "2026-05", "2026-06"]);
  });

  test("monthly on the 2nd Tuesday", () => {
    const { occurrences } = expandSeries({ frequency: "monthly", firstDate: "2026-12-08", time: "18:00", timeZone: "America/Los_Angeles", count: 3 });
    expect(occurrences.map((o) => o.date)).toEqual(["2026-12-08", "2027-01-12", "2027-02-09"]);
  });

  test("more than the maximum is refused, not cut silently", () => {
    expect(expandSeries({ frequency: "weekly", firstDate: "2026-12-08", time: "09:00", timeZone: "Europe/London", count: 53 }).tooMany).toBe(true);
    expect(expandSeries({ frequency: "weekly", firstDate: "2026-12-08", time: "09:00", timeZone: "Europe/London", until: "2028-12-31" }).tooMany).toBe(true);
    expect(expandSeries({ frequency: "weekly", firstDate: "2026-12-08", time: "09:00", timeZone: "Europe/London", count: 52 }).tooMany).toBe(false);
  });
});
