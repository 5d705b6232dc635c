import { DateTime } from "luxon";
import { afterEach, describe, expect, test, vi } from "vitest";
import { computeSlots, firstAvailablePerStart } from "@/lib/booking/compute-slots";
import type { ClinicianSchedule, DateOverride, Interval, Slot, SlotQuery, SlotServiceRules, WeeklyWindow } from "@/lib/booking/slot-types";

const LA = "America/Los_Angeles";
const LONDON = "Europe/London";
const SYDNEY = "Australia/Sydney";
const DAY = 86_400_000;

/** An instant from an ISO string with an offset, e.g. "2026-03-08T09:00:00-07:00". */
function t(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant ${iso}`);
  return ms;
}

/** An instant as ISO with the offset in force in `zone`, e.g. "2026-11-01T01:30:00-08:00". */
function inZone(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ?? "invalid";
}

const starts = (slots: Slot[], zone: string) => slots.map((s) => inZone(s.start, zone));

/** `${date}T${time}:00${offset}` for each time: expected local instants, written out. */
const local = (date: string, offset: string, times: string[]) => times.map((time) => `${date}T${time}:00${offset}`);

const hm = (hour: number, minute = 0) => hour * 60 + minute;

function rules(overrides: Partial<SlotServiceRules> = {}): SlotServiceRules {
  return { durationMinutes: 50, bufferBeforeMinutes: 0, bufferAfterMinutes: 0, minNoticeMinutes: 0, horizonDays: 365, slotStepMinutes: 15, ...overrides };
}

function weekly(timeZone: string, startMinute: number, endMinute: number, options: { weekdays?: number[]; locationId?: string | null } = {}): WeeklyWindow[] {
  const weekdays = options.weekdays ?? [1, 2, 3, 4, 5, 6, 7];
  return weekdays.map((weekday) => ({ weekday, startMinute, endMinute, timeZone, locationId: options.locationId ?? null }));
}

function clinician(memberId: string, windows: WeeklyWindow[], extra: { overrides?: DateOverride[]; busy?: Interval[] } = {}): ClinicianSchedule {
  return { memberId, weekly: windows, overrides: extra.overrides ?? [], busy: extra.busy ?? [] };
}

/** A query for one clinician; `now` defaults to well before `from`. */
function query(partial: Partial<SlotQuery> & Pick<SlotQuery, "from" | "to">): SlotQuery {
  return { service: rules(), clinicians: [], closures: [], now: partial.from - 30 * DAY, ...partial };
}

/** Slots of one local day in `zone`, as ISO strings. */
function dayStarts(slots: Slot[], zone: string, date: string): string[] {
  return starts(slots, zone).filter((iso) => iso.startsWith(date));
}

describe("DST: weekly hours stay at the same local time", () => {
  const cases = [
    { zone: LA, change: "spring forward", before: "2026-03-07T09:00:00-08:00", on: "2026-03-08T09:00:00-07:00", after: "2026-03-09T09:00:00-07:00" },
    { zone: LA, change: "fall back", before: "2026-10-31T09:00:00-07:00", on: "2026-11-01T09:00:00-08:00", after: "2026-11-02T09:00:00-08:00" },
    { zone: LONDON, change: "spring forward", before: "2026-03-28T09:00:00+00:00", on: "2026-03-29T09:00:00+01:00", after: "2026-03-30T09:00:00+01:00" },
    { zone: LONDON, change: "fall back", before: "2026-10-24T09:00:00+01:00", on: "2026-10-25T09:00:00+00:00", after: "2026-10-26T09:00:00+00:00" },
    { zone: SYDNEY, change: "fall back", before: "2026-04-04T09:00:00+11:00", on: "2026-04-05T09:00:00+10:00", after: "2026-04-06T09:00:00+10:00" },
    { zone: SYDNEY, change: "spring forward", before: "2026-10-03T09:00:00+10:00", on: "2026-10-04T09:00:00+11:00", after: "2026-10-05T09:00:00+11:00" },
  ];

  test.each(cases)("$zone $change: 9:00–12:00 starts at 9:00 local before, on and after the change", ({ zone, before, on, after }) => {
    const slots = computeSlots(
      query({ clinicians: [clinician("m1", weekly(zone, hm(9), hm(12)))], from: t(before) - DAY / 2, to: t(after) + DAY / 2 }),
    );
    for (const first of [before, on, after]) {
      const day = dayStarts(slots, zone, first.slice(0, 10));
      expect(day[0]).toBe(first);
      // 50 minutes every 15 in 3 hours: 9:00 … 11:00, the same count on every day.
      expect(day).toHaveLength(9);
    }
    // Same local time, a different UTC time: the two days are 48 hours ± 1 apart.
    expect(Math.abs(t(after) - t(before) - 2 * DAY)).toBe(3_600_000);
  });
});

describe("DST: the skipped hour (spring forward)", () => {
  const service = rules({ durationMinutes: 30 });

  test("Los Angeles 2026-03-08, 1:00–4:00: 2 real hours, no slot at a local 2:xx", () => {
    const slots = computeSlots(
      query({ service, clinicians: [clinician("m1", weekly(LA, hm(1), hm(4)))], from: t("2026-03-08T00:00:00-08:00"), to: t("2026-03-09T00:00:00-07:00") }),
    );
    expect(starts(slots, LA)).toEqual([
      ...local("2026-03-08", "-08:00", ["01:00", "01:15", "01:30", "01:45"]),
      ...local("2026-03-08", "-07:00", ["03:00", "03:15", "03:30"]),
    ]);
  });

  test("London 2026-03-29, 0:00–3:00: 1:00–1:59 does not exist", () => {
    const slots = computeSlots(
      query({ service, clinicians: [clinician("m1", weekly(LONDON, hm(0), hm(3)))], from: t("2026-03-29T00:00:00+00:00"), to: t("2026-03-30T00:00:00+01:00") }),
    );
    expect(starts(slots, LONDON)).toEqual([
      ...local("2026-03-29", "+00:00", ["00:00", "00:15", "00:30", "00:45"]),
      ...local("2026-03-29", "+01:00", ["02:00", "02:15", "02:30"]),
    ]);
  });

  test("Sydney 2026-10-04, 1:00–4:00: 2:00–2:59 does not exist", () => {
    const slots = computeSlots(
      query({ service, clinicians: [clinician("m1", weekly(SYDNEY, hm(1), hm(4)))], from: t("2026-10-04T00:00:00+10:00"), to: t("2026-10-05T00:00:00+11:00") }),
    );
    expect(starts(slots, SYDNEY)).toEqual([
      ...local("2026-10-04", "+10:00", ["01:00", "01:15", "01:30", "01:45"]),
      ...local("2026-10-04", "+11:00", ["03:00", "03:15", "03:30"]),
    ]);
  });

  test("a window starting at a non-existent local time starts where luxon puts it (moved forward)", () => {
    // 2:30 does not exist on 2026-03-08 in Los Angeles; it reads as 3:30 PDT, so 2:30–4:00 is 30 real minutes.
    const slots = computeSlots(
      query({ service, clinicians: [clinician("m1", weekly(LA, hm(2, 30), hm(4)))], from: t("2026-03-08T00:00:00-08:00"), to: t("2026-03-09T00:00:00-07:00") }),
    );
    expect(starts(slots, LA)).toEqual(["2026-03-08T03:30:00-07:00"]);
    const luxon = DateTime.fromObject({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, { zone: LA });
    expect(slots[0]!.start).toBe(luxon.toMillis());
  });

  test("0:00–24:00 on the spring-forward day is 23 real hours", () => {
    const slots = computeSlots(
      query({
        service: rules({ durationMinutes: 60, slotStepMinutes: 60 }),
        clinicians: [clinician("m1", weekly(LA, 0, 1440, { weekdays: [7] }))],
        from: t("2026-03-08T00:00:00-08:00"),
        to: t("2026-03-09T00:00:00-07:00"),
      }),
    );
    expect(slots).toHaveLength(23);
    expect(inZone(slots[22]!.end, LA)).toBe("2026-03-09T00:00:00-07:00");
  });
});

describe("DST: the repeated hour (fall back)", () => {
  const service = rules({ durationMinutes: 30 });

  test("Los Angeles 2026-11-01, 0:00–3:00: 4 real hours, 1:00–1:45 offered twice", () => {
    const slots = computeSlots(
      query({ service, clinicians: [clinician("m1", weekly(LA, hm(0), hm(3)))], from: t("2026-11-01T00:00:00-07:00"), to: t("2026-11-02T00:00:00-08:00") }),
    );
    expect(starts(slots, LA)).toEqual([
      ...local("2026-11-01", "-07:00", ["00:00", "00:15", "00:30", "00:45", "01:00", "01:15", "01:30", "01:45"]),
      ...local("2026-11-01", "-08:00", ["01:00", "01:15", "01:30", "01:45", "02:00", "02:15", "02:30"]),
    ]);
  });

  test("London 2026-10-25, 0:00–3:00: 1:00–1:45 offered twice", () => {
    const slots = computeSlots(
      query({ service, clinicians: [clinician("m1", weekly(LONDON, hm(0), hm(3)))], from: t("2026-10-25T00:00:00+01:00"), to: t("2026-10-26T00:00:00+00:00") }),
    );
    expect(starts(slots, LONDON)).toEqual([
      ...local("2026-10-25", "+01:00", ["00:00", "00:15", "00:30", "00:45", "01:00", "01:15", "01:30", "01:45"]),
      ...local("2026-10-25", "+00:00", ["01:00", "01:15", "01:30", "01:45", "02:00", "02:15", "02:30"]),
    ]);
  });

  test("Sydney 2026-04-05, 1:00–4:00: 2:00–2:45 offered twice", () => {
    const slots = computeSlots(
      query({ service, clinicians: [clinician("m1", weekly(SYDNEY, hm(1), hm(4)))], from: t("2026-04-05T00:00:00+11:00"), to: t("2026-04-06T00:00:00+10:00") }),
    );
    expect(starts(slots, SYDNEY)).toEqual([
      ...local("2026-04-05", "+11:00", ["01:00", "01:15", "01:30", "01:45", "02:00", "02:15", "02:30", "02:45"]),
      ...local("2026-04-05", "+10:00", ["02:00", "02:15", "02:30", "02:45", "03:00", "03:15", "03:30"]),
    ]);
  });

  test("a window starting at a repeated local time starts at its first occurrence", () => {
    const slots = computeSlots(
      query({
        service: rules({ durationMinutes: 30, slotStepMinutes: 30 }),
        clinicians: [clinician("m1", weekly(LA, hm(1, 30), hm(3)))],
        from: t("2026-11-01T00:00:00-07:00"),
        to: t("2026-11-02T00:00:00-08:00"),
      }),
    );
    expect(starts(slots, LA)).toEqual([
      "2026-11-01T01:30:00-07:00",
      ...local("2026-11-01", "-08:00", ["01:00", "01:30", "02:00", "02:30"]),
    ]);
  });

  test("0:00–24:00 on the fall-back day is 25 real hours", () => {
    const slots = computeSlots(
      query({
        service: rules({ durationMinutes: 60, slotStepMinutes: 60 }),
        clinicians: [clinician("m1", weekly(LA, 0, 1440, { weekdays: [7] }))],
        from: t("2026-11-01T00:00:00-07:00"),
        to: t("2026-11-02T00:00:00-08:00"),
      }),
    );
    expect(slots).toHaveLength(25);
  });
});

describe("time zones", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  // A London clinic, Monday–Friday 9:00–17:00. A visitor in New York asks for "their" Monday 2026-06-15.
  const londonQuery = () =>
    query({
      service: rules({ durationMinutes: 60, slotStepMinutes: 60 }),
      clinicians: [clinician("m1", weekly(LONDON, hm(9), hm(17), { weekdays: [1, 2, 3, 4, 5] }))],
      from: t("2026-06-15T00:00:00-04:00"),
      to: t("2026-06-16T00:00:00-04:00"),
    });

  test("a London clinic's slots are London wall-clock hours, as instants", () => {
    const slots = computeSlots(londonQuery());
    expect(starts(slots, LONDON)).toEqual(
      local("2026-06-15", "+01:00", ["09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00"]),
    );
    // The same instants, as the New York visitor sees them.
    expect(slots[0]!.start).toBe(t("2026-06-15T04:00:00-04:00"));
    expect(slots[7]!.start).toBe(t("2026-06-15T11:00:00-04:00"));
  });

  test("the host's time zone makes no difference", () => {
    const results = ["UTC", "America/New_York", "Asia/Tokyo", "Pacific/Kiritimati", "America/Los_Angeles"].map((zone) => {
      process.env.TZ = zone;
      return computeSlots(londonQuery());
    });
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]).toHaveLength(8);
  });

  test("in winter the same London hours are at +00:00", () => {
    const slots = computeSlots(
      query({
        service: rules({ durationMinutes: 60, slotStepMinutes: 60 }),
        clinicians: [clinician("m1", weekly(LONDON, hm(9), hm(11), { weekdays: [1] }))],
        from: t("2026-01-12T00:00:00+00:00"),
        to: t("2026-01-13T00:00:00+00:00"),
      }),
    );
    expect(starts(slots, LONDON)).toEqual(["2026-01-12T09:00:00+00:00", "2026-01-12T10:00:00+00:00"]);
  });

  test("an unknown time zone is an error, not an empty calendar", () => {
    expect(() =>
      computeSlots(query({ clinicians: [clinician("m1", weekly("Mars/Olympus", hm(9), hm(12)))], from: t("2026-06-15T00:00:00Z"), to: t("2026-06-16T00:00:00Z") })),
    ).toThrow(RangeError);
  });
});

// Wednesday 2026-06-17 in Los Angeles (-07:00) for the rest of the rules.
const WED = "2026-06-17";
const wed = (time: string) => t(`${WED}T${time}:00-07:00`);
const wedDay = { from: wed("00:00"), to: t("2026-06-18T00:00:00-07:00") };

describe("buffers and existing appointments", () => {
  test("back to back: 50 minutes + 10 after, an appointment blocked [9:00, 10:00) → next slot 10:00, not 9:45", () => {
    const slots = computeSlots(
      query({
        ...wedDay,
        service: rules({ durationMinutes: 50, bufferAfterMinutes: 10 }),
        clinicians: [clinician("m1", weekly(LA, hm(9), hm(12)), { busy: [{ start: wed("09:00"), end: wed("10:00") }] })],
      }),
    );
    expect(starts(slots, LA)).toEqual(local(WED, "-07:00", ["10:00", "10:15", "10:30", "10:45", "11:00"]));
  });

  test("touching on the other side: a slot whose buffer ends as the appointment starts is fine", () => {
    const slots = computeSlots(
      query({
        ...wedDay,
        service: rules({ durationMinutes: 50, bufferAfterMinutes: 10 }),
        clinicians: [clinician("m1", weekly(LA, hm(8), hm(12)), { busy: [{ start: wed("10:00"), end: wed("11:00") }] })],
      }),
    );
    expect(starts(slots, LA)).toEqual(local(WED, "-07:00", ["08:00", "08:15", "08:30", "08:45", "09:00", "11:00"]));
  });

  test("15 minutes before and busy until 10:00 → first slot 10:15", () => {
    const slots = computeSlots(
      query({
        ...wedDay,
        service: rules({ durationMinutes: 50, bufferBeforeMinutes: 15 }),
        clinicians: [clinician("m1", weekly(LA, hm(9), hm(12)), { busy: [{ start: wed("09:00"), end: wed("10:00") }] })],
      }),
    );
    expect(starts(slots, LA)).toEqual(local(WED, "-07:00", ["10:15", "10:30", "10:45", "11:00"]));
  });

  test("booking a returned slot and asking again: the next slot starts where its blocked range ends", () => {
    const base = query({ ...wedDay, service: rules({ durationMinutes: 50, bufferAfterMinutes: 10 }), clinicians: [clinician("m1", weekly(LA, hm(9), hm(12)))] });
    const first = computeSlots(base)[0]!;
    expect(inZone(first.start, LA)).toBe(`${WED}T09:00:00-07:00`);
    const booked = { start: first.start, end: first.end + 10 * 60_000 };
    const again = computeSlots({ ...base, clinicians: [clinician("m1", weekly(LA, hm(9), hm(12)), { busy: [booked] })] });
    expect(inZone(again[0]!.start, LA)).toBe(`${WED}T10:00:00-07:00`);
  });

  test("buffers may run outside the window; the appointment may not", () => {
    const slots = computeSlots(
      query({
        ...wedDay,
        service: rules({ durationMinutes: 50, bufferBeforeMinutes: 15, bufferAfterMinutes: 10 }),
        clinicians: [clinician("m1", weekly(LA, hm(9), hm(10)))],
      }),
    );
    expect(starts(slots, LA)).toEqual([`${WED}T09:00:00-07:00`]);
    expect(inZone(slots[0]!.end, LA)).toBe(`${WED}T09:50:00-07:00`);
  });

  test("busy intervals may come unsorted and overlapping; the input is not changed", () => {
    const busy = [
      { start: wed("11:00"), end: wed("11:30") },
      { start: wed("09:00"), end: wed("09:40") },
      { start: wed("09:30"), end: wed("10:00") },
      { start: wed("10:30"), end: wed("10:30") },
    ];
    const copy = structuredClone(busy);
    const slots = computeSlots(
      query({ ...wedDay, service: rules({ durationMinutes: 30 }), clinicians: [clinician("m1", weekly(LA, hm(9), hm(12)), { busy })] }),
    );
    expect(starts(slots, LA)).toEqual(local(WED, "-07:00", ["10:00", "10:15", "10:30", "11:30"]));
    expect(busy).toEqual(copy);
  });
});

describe("notice, horizon, step and range", () => {
  const nineToFive = () => [clinician("m1", weekly(LA, hm(9), hm(17)))];

  test("minimum notice: now 8:00 with 120 minutes → 10:00 (exactly on the boundary is fine); now 8:01 → 10:15", () => {
    const service = rules({ minNoticeMinutes: 120 });
    expect(starts(computeSlots(query({ ...wedDay, service, now: wed("08:00"), clinicians: nineToFive() })), LA)[0]).toBe(`${WED}T10:00:00-07:00`);
    expect(starts(computeSlots(query({ ...wedDay, service, now: wed("08:01"), clinicians: nineToFive() })), LA)[0]).toBe(`${WED}T10:15:00-07:00`);
  });

  test("notice runs into the next days", () => {
    const slots = computeSlots(
      query({ from: wed("00:00"), to: t("2026-06-20T00:00:00-07:00"), service: rules({ minNoticeMinutes: 1440 }), now: wed("15:07"), clinicians: nineToFive() }),
    );
    expect(inZone(slots[0]!.start, LA)).toBe("2026-06-18T15:15:00-07:00");
  });

  test("ignoreNotice lets staff book inside the notice but never in the past", () => {
    const service = rules({ minNoticeMinutes: 1440 });
    const slots = computeSlots(query({ ...wedDay, service, now: wed("10:07"), ignoreNotice: true, clinicians: nineToFive() }));
    expect(inZone(slots[0]!.start, LA)).toBe(`${WED}T10:15:00-07:00`);
    expect(computeSlots(query({ ...wedDay, service, now: wed("10:07"), clinicians: nineToFive() }))).toEqual([]);
    // `now` exactly on a slot: that slot is still offered.
    expect(inZone(computeSlots(query({ ...wedDay, service, now: wed("10:15"), ignoreNotice: true, clinicians: nineToFive() }))[0]!.start, LA)).toBe(
      `${WED}T10:15:00-07:00`,
    );
  });

  test("horizon: nothing at or after now + horizonDays × 24 h", () => {
    const slots = computeSlots(
      query({ from: wed("00:00"), to: t("2026-07-01T00:00:00-07:00"), service: rules({ horizonDays: 2 }), now: wed("10:00"), clinicians: nineToFive() }),
    );
    expect(inZone(slots[0]!.start, LA)).toBe(`${WED}T10:00:00-07:00`);
    expect(inZone(slots.at(-1)!.start, LA)).toBe("2026-06-19T09:45:00-07:00");
  });

  test("slots step from the window's own start, not from the hour or from now", () => {
    const service = rules({ durationMinutes: 30, slotStepMinutes: 30 });
    const clinicians = [clinician("m1", weekly(LA, hm(9, 10), hm(12)))];
    expect(starts(computeSlots(query({ ...wedDay, service, clinicians })), LA)).toEqual(local(WED, "-07:00", ["09:10", "09:40", "10:10", "10:40", "11:10"]));
    expect(starts(computeSlots(query({ ...wedDay, service, clinicians, now: wed("09:20") })), LA)[0]).toBe(`${WED}T09:40:00-07:00`);
    expect(starts(computeSlots(query({ from: wed("10:00"), to: wedDay.to, service, clinicians })), LA)[0]).toBe(`${WED}T10:10:00-07:00`);
  });

  test("from/to bound the start only: [from, to)", () => {
    const slots = computeSlots(query({ from: wed("10:00"), to: wed("11:00"), clinicians: nineToFive() }));
    expect(starts(slots, LA)).toEqual(local(WED, "-07:00", ["10:00", "10:15", "10:30", "10:45"]));
    expect(starts(computeSlots(query({ from: wed("10:05"), to: wed("11:00"), clinicians: nineToFive() })), LA)[0]).toBe(`${WED}T10:15:00-07:00`);
    expect(computeSlots(query({ from: wed("11:00"), to: wed("11:00"), clinicians: nineToFive() }))).toEqual([]);
  });
});

describe("closures", () => {
  test("nothing may start, run or be buffered inside a closure", () => {
    const closures = [{ start: wed("12:00"), end: wed("13:00") }];
    const clinicians = [clinician("m1", weekly(LA, hm(10), hm(15)))];
    const after = computeSlots(query({ ...wedDay, closures, clinicians, service: rules({ durationMinutes: 50, bufferAfterMinutes: 10 }) }));
    expect(dayStarts(after, LA, WED).filter((iso) => iso >= `${WED}T10:55` && iso < `${WED}T13:20`)).toEqual(local(WED, "-07:00", ["11:00", "13:00", "13:15"]));
    const before = computeSlots(query({ ...wedDay, closures, clinicians, service: rules({ durationMinutes: 50, bufferBeforeMinutes: 15 }) }));
    expect(dayStarts(before, LA, WED).filter((iso) => iso >= `${WED}T10:55` && iso < `${WED}T13:20`)).toEqual(local(WED, "-07:00", ["11:00", "13:15"]));
  });

  test("a closure applies to every clinician", () => {
    const closures = [{ start: wed("00:00"), end: t("2026-06-18T00:00:00-07:00") }];
    const clinicians = [clinician("m1", weekly(LA, hm(9), hm(12))), clinician("m2", weekly(LONDON, hm(9), hm(17)))];
    expect(computeSlots(query({ ...wedDay, closures, clinicians }))).toEqual([]);
  });
});

describe("date overrides", () => {
  const week = { from: t("2026-06-15T00:00:00-07:00"), to: t("2026-06-22T00:00:00-07:00") };
  const weekdays = [1, 2, 3, 4, 5];
  const off = (date: string, startMinute: number | null = null, endMinute: number | null = null, locationId: string | null = null): DateOverride => ({
    date,
    kind: "unavailable",
    startMinute,
    endMinute,
    timeZone: LA,
    locationId,
  });
  const extra = (date: string, startMinute: number, endMinute: number, locationId: string | null): DateOverride => ({
    date,
    kind: "available",
    startMinute,
    endMinute,
    timeZone: LA,
    locationId,
  });

  test("a whole-day unavailable override removes every window that day, whatever the location", () => {
    const windows = [...weekly(LA, hm(9), hm(12), { weekdays, locationId: "loc-a" }), ...weekly(LA, hm(13), hm(16), { weekdays, locationId: "loc-b" })];
    const slots = computeSlots(query({ ...week, clinicians: [clinician("m1", windows, { overrides: [off(WED, null, null, "loc-a")] })] }));
    expect(dayStarts(slots, LA, WED)).toEqual([]);
    expect(dayStarts(slots, LA, "2026-06-16")).toHaveLength(18);
    expect(dayStarts(slots, LA, "2026-06-18")).toHaveLength(18);
  });

  test("a partial unavailable override: the appointment may not overlap it, its buffer may, and the grid stays", () => {
    const service = rules({ durationMinutes: 45, bufferAfterMinutes: 15 });
    const slots = computeSlots(query({ ...week, service, clinicians: [clinician("m1", weekly(LA, hm(9), hm(12), { weekdays }), { overrides: [off(WED, hm(10), hm(11))] })] }));
    expect(dayStarts(slots, LA, WED)).toEqual(local(WED, "-07:00", ["09:00", "09:15", "11:00", "11:15"]));
    const grid = computeSlots(query({ ...week, service, clinicians: [clinician("m1", weekly(LA, hm(9), hm(12), { weekdays }), { overrides: [off(WED, hm(10), hm(10, 20))] })] }));
    expect(dayStarts(grid, LA, WED)).toEqual(local(WED, "-07:00", ["09:00", "09:15", "10:30", "10:45", "11:00", "11:15"]));
  });

  test("an available override adds hours at its location on a day without weekly hours", () => {
    const slots = computeSlots(query({ ...week, clinicians: [clinician("m1", weekly(LA, hm(9), hm(12), { weekdays }), { overrides: [extra("2026-06-20", hm(10), hm(12), "loc-b")] })] }));
    const saturday = slots.filter((s) => inZone(s.start, LA).startsWith("2026-06-20"));
    expect(starts(saturday, LA)).toEqual(local("2026-06-20", "-07:00", ["10:00", "10:15", "10:30", "10:45", "11:00"]));
    expect(saturday.every((s) => s.locationId === "loc-b")).toBe(true);
    expect(dayStarts(slots, LA, "2026-06-21")).toEqual([]);
  });

  test("unavailable all day + available 14:00–15:00 on the same date: only 14:00–15:00", () => {
    const overrides = [off(WED), extra(WED, hm(14), hm(15), null)];
    const slots = computeSlots(query({ ...week, clinicians: [clinician("m1", weekly(LA, hm(9), hm(12), { weekdays }), { overrides })] }));
    expect(dayStarts(slots, LA, WED)).toEqual([`${WED}T14:00:00-07:00`]);
  });

  test("an available override overlapping weekly hours: each start once, the weekly window's location first", () => {
    const overrides = [extra(WED, hm(11), hm(13), "loc-b")];
    const slots = computeSlots(
      query({ ...wedDay, service: rules({ durationMinutes: 60, slotStepMinutes: 30 }), clinicians: [clinician("m1", weekly(LA, hm(9), hm(12), { locationId: "loc-a" }), { overrides })] }),
    );
    expect(slots.map((s) => [inZone(s.start, LA).slice(11, 16), s.locationId])).toEqual([
      ["09:00", "loc-a"],
      ["09:30", "loc-a"],
      ["10:00", "loc-a"],
      ["10:30", "loc-a"],
      ["11:00", "loc-a"],
      ["11:30", "loc-b"],
      ["12:00", "loc-b"],
    ]);
  });
});

describe("several clinicians and locations", () => {
  // Listed m-b first: the practice prefers m-b.
  const clinicians = [clinician("m-b", weekly(LA, hm(9), hm(11))), clinician("m-a", weekly(LA, hm(10), hm(12)))];
  const service = rules({ durationMinutes: 60, slotStepMinutes: 30 });

  test("merged, sorted by start then memberId", () => {
    const slots = computeSlots(query({ ...wedDay, service, clinicians }));
    expect(slots.map((s) => `${inZone(s.start, LA).slice(11, 16)} ${s.memberId}`)).toEqual([
      "09:00 m-b",
      "09:30 m-b",
      "10:00 m-a",
      "10:00 m-b",
      "10:30 m-a",
      "11:00 m-a",
    ]);
    expect(slots.every((s) => s.end - s.start === 60 * 60_000)).toBe(true);
  });

  test("firstAvailablePerStart: one slot per start; without a preference, the first in the array", () => {
    const slots = computeSlots(query({ ...wedDay, service, clinicians }));
    const any = firstAvailablePerStart(slots);
    expect(any.map((s) => `${inZone(s.start, LA).slice(11, 16)} ${s.memberId}`)).toEqual(["09:00 m-b", "09:30 m-b", "10:00 m-a", "10:30 m-a", "11:00 m-a"]);
  });

  test("firstAvailablePerStart with the clinicians' order as the preference", () => {
    const q = query({ ...wedDay, service, clinicians });
    const any = firstAvailablePerStart(computeSlots(q), q.clinicians.map((c) => c.memberId));
    expect(any.map((s) => `${inZone(s.start, LA).slice(11, 16)} ${s.memberId}`)).toEqual(["09:00 m-b", "09:30 m-b", "10:00 m-b", "10:30 m-a", "11:00 m-a"]);
    // Unlisted clinicians come after listed ones.
    const onlyA = firstAvailablePerStart(computeSlots(q), ["m-a"]);
    expect(onlyA.find((s) => inZone(s.start, LA).slice(11, 16) === "10:00")?.memberId).toBe("m-a");
  });

  test("a busy clinician leaves the start to the next one", () => {
    const q = query({
      ...wedDay,
      service,
      clinicians: [clinician("m-b", weekly(LA, hm(9), hm(11)), { busy: [{ start: wed("10:00"), end: wed("11:00") }] }), clinicians[1]!],
    });
    const any = firstAvailablePerStart(computeSlots(q), ["m-b", "m-a"]);
    expect(any.find((s) => s.start === wed("10:00"))?.memberId).toBe("m-a");
  });

  test("locationIds keeps only windows at those locations (null: online)", () => {
    const windows = [...weekly(LA, hm(9), hm(11), { locationId: "loc-a" }), ...weekly(LA, hm(13), hm(15), { locationId: null })];
    const q = (locationIds?: (string | null)[]) => computeSlots(query({ ...wedDay, service, locationIds, clinicians: [clinician("m1", windows)] }));
    expect(starts(q(["loc-a"]), LA)).toEqual(local(WED, "-07:00", ["09:00", "09:30", "10:00"]));
    expect(starts(q([null]), LA)).toEqual(local(WED, "-07:00", ["13:00", "13:30", "14:00"]));
    expect(q(["loc-z"])).toEqual([]);
    expect(q([])).toEqual([]);
    expect(q()).toHaveLength(6);
    expect(q(["loc-a", null])).toHaveLength(6);
  });
});

describe("purity and input checks", () => {
  test("never reads the clock", () => {
    const spy = vi.spyOn(Date, "now").mockImplementation(() => {
      throw new Error("computeSlots read the clock");
    });
    try {
      expect(computeSlots(query({ ...wedDay, clinicians: [clinician("m1", weekly(SYDNEY, hm(9), hm(17)))] }))).not.toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  test("a zero step or duration is an error", () => {
    const clinicians = [clinician("m1", weekly(LA, hm(9), hm(17)))];
    expect(() => computeSlots(query({ ...wedDay, clinicians, service: rules({ slotStepMinutes: 0 }) }))).toThrow(RangeError);
    expect(() => computeSlots(query({ ...wedDay, clinicians, service: rules({ durationMinutes: 0 }) }))).toThrow(RangeError);
  });

  test("no clinicians or no windows: no slots", () => {
    expect(computeSlots(query({ ...wedDay }))).toEqual([]);
    expect(computeSlots(query({ ...wedDay, clinicians: [clinician("m1", [])] }))).toEqual([]);
  });
});
