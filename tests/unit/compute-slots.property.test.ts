import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { computeSlots, firstAvailablePerStart } from "@/lib/booking/compute-slots";
import type { ClinicianSchedule, DateOverride, Interval, Slot, SlotQuery, WeeklyWindow } from "@/lib/booking/slot-types";

/**
 * Random schedules around the 2026 DST changes of three zones, checked two
 * ways: against a slow, obviously-correct reference built directly on luxon,
 * and by booking the engine's own slots the way the database would (a new
 * blocked range must not overlap a live one) and asking again.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = ["America/Los_Angeles", "Europe/London", "Australia/Sydney"] as const;
const LOCATIONS = ["loc-a", "loc-b", null] as const;
const DST_CHANGES = [
  "2026-03-08T10:00:00Z", // Los Angeles, spring forward
  "2026-11-01T09:00:00Z", // Los Angeles, fall back
  "2026-03-29T01:00:00Z", // London, spring forward
  "2026-10-25T01:00:00Z", // London, fall back
  "2026-04-04T16:00:00Z", // Sydney, fall back
  "2026-10-03T16:00:00Z", // Sydney, spring forward
].map((iso) => Date.parse(iso));

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

// ---------------------------------------------------------------------------
// The reference: per candidate, per interval, with luxon doing the calendar.

/** A local wall time as an instant: luxon's reading, and for a repeated time its first occurrence. */
function wallToInstant(zone: string, date: DateTime, minute: number): number {
  const wall = date.plus({ minutes: minute }); // `date` is a UTC midnight: plain calendar arithmetic
  const dt = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute }, { zone });
  return Math.min(dt.toMillis(), ...dt.getPossibleOffsets().map((d) => d.toMillis()));
}

function blockedOf(slot: { start: number; end: number }, q: SlotQuery): Interval {
  return { start: slot.start - q.service.bufferBeforeMinutes * MINUTE, end: slot.end + q.service.bufferAfterMinutes * MINUTE };
}

function referenceSlots(q: SlotQuery): Slot[] {
  const { service } = q;
  const step = service.slotStepMinutes * MINUTE;
  const duration = service.durationMinutes * MINUTE;
  const found: (Slot & { rank: number })[] = [];
  const first = DateTime.fromMillis(q.from - 2 * DAY, { zone: "UTC" }).startOf("day");
  const last = DateTime.fromMillis(q.to + 2 * DAY, { zone: "UTC" }).startOf("day");

  for (const c of q.clinicians) {
    const windows: { start: number; end: number; locationId: string | null; rank: number; weekly: boolean }[] = [];
    const unavailable: Interval[] = [];
    for (let date = first; date <= last; date = date.plus({ days: 1 })) {
      const isoDate = date.toISODate();
      c.weekly.forEach((w, rank) => {
        if (date.weekday !== w.weekday || w.startMinute >= w.endMinute) return;
        windows.push({ start: wallToInstant(w.timeZone, date, w.startMinute), end: wallToInstant(w.timeZone, date, w.endMinute), locationId: w.locationId, rank, weekly: true });
      });
      c.overrides.forEach((o, i) => {
        if (o.date !== isoDate) return;
        const start = wallToInstant(o.timeZone, date, o.startMinute ?? 0);
        const end = wallToInstant(o.timeZone, date, o.endMinute ?? 1440);
        if (o.kind === "unavailable") unavailable.push({ start, end });
        else windows.push({ start, end, locationId: o.locationId, rank: c.weekly.length + i, weekly: false });
      });
    }
    for (const w of windows) {
      if (q.locationIds && !q.locationIds.includes(w.locationId)) continue;
      for (let start = w.start; start + duration <= w.end; start += step) {
        const slot = { start, end: start + duration, memberId: c.memberId, locationId: w.locationId, rank: w.rank };
        if (start < q.now || start < q.from || start >= q.to) continue;
        if (!q.ignoreNotice && start < q.now + service.minNoticeMinutes * MINUTE) continue;
        if (start >= q.now + service.horizonDays * DAY) continue;
        if (w.weekly && unavailable.some((u) => overlaps(u, slot))) continue;
        const blocked = blockedOf(slot, q);
        if (c.busy.some((b) => overlaps(b, blocked)) || q.closures.some((b) => overlaps(b, blocked))) continue;
        found.push(slot);
      }
    }
  }
  found.sort((a, b) => a.start - b.start || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0) || a.rank - b.rank);
  return found
    .filter((s, i) => i === 0 || s.start !== found[i - 1]!.start || s.memberId !== found[i - 1]!.memberId)
    .map(({ start, end, memberId, locationId }) => ({ start, end, memberId, locationId }));
}

// ---------------------------------------------------------------------------
// Generators

const zone = fc.constantFrom(...ZONES);
const location = fc.constantFrom(...LOCATIONS);

/** Mostly the round numbers people use, sometimes anything. */
const roundOrAny = (round: number[], min: number, max: number) => fc.oneof(fc.constantFrom(...round), fc.integer({ min, max }));

const weeklyWindow: fc.Arbitrary<WeeklyWindow[]> = fc
  .record({
    weekdays: fc.oneof(fc.constant<number[]>([1, 2, 3, 4, 5, 6, 7]), fc.subarray<number>([1, 2, 3, 4, 5, 6, 7], { minLength: 1 })),
    startMinute: fc.oneof(fc.integer({ min: 0, max: 95 }).map((q) => q * 15), fc.integer({ min: 0, max: 1435 })),
    length: roundOrAny([60, 120, 180, 240, 480, 1440], 5, 1440),
    timeZone: zone,
    locationId: location,
  })
  .map(({ weekdays, length, ...w }) => weekdays.map((weekday) => ({ ...w, weekday, endMinute: Math.min(1440, w.startMinute + length) })));

function overrideNear(base: number): fc.Arbitrary<DateOverride> {
  return fc
    .record({
      dayOffset: fc.integer({ min: -3, max: 8 }),
      kind: fc.constantFrom("unavailable" as const, "available" as const),
      wholeDay: fc.boolean(),
      startMinute: fc.integer({ min: 0, max: 1435 }),
      length: fc.integer({ min: 5, max: 600 }),
      timeZone: zone,
      locationId: location,
    })
    .map(({ dayOffset, kind, wholeDay, startMinute, length, timeZone, locationId }) => {
      const date = DateTime.fromMillis(base + dayOffset * DAY, { zone: timeZone }).toISODate()!;
      const minutes = kind === "unavailable" && wholeDay ? { startMinute: null, endMinute: null } : { startMinute, endMinute: Math.min(1440, startMinute + length) };
      return { date, kind, timeZone, locationId, ...minutes };
    });
}

function intervalNear(base: number): fc.Arbitrary<Interval> {
  return fc
    .record({ startMinutes: fc.integer({ min: -2 * 1440, max: 9 * 1440 }), length: fc.integer({ min: 1, max: 600 }) })
    .map(({ startMinutes, length }) => ({ start: base + startMinutes * MINUTE, end: base + (startMinutes + length) * MINUTE }));
}

const scenario = fc
  .record({
    change: fc.constantFrom(...DST_CHANGES),
    // `now` from 3 days before to 1 day after the change, to the minute (and sometimes off the minute).
    nowMinutes: fc.integer({ min: -3 * 1440, max: 1440 }),
    nowMs: fc.constantFrom(0, 0, 0, 1, 30_000, 59_999),
    fromMinutes: fc.integer({ min: -1440, max: 3 * 1440 }),
    lengthMinutes: fc.integer({ min: 6 * 60, max: 6 * 1440 }),
  })
  .chain(({ change, nowMinutes, nowMs, fromMinutes, lengthMinutes }) => {
    const now = change + nowMinutes * MINUTE + nowMs;
    const from = now + fromMinutes * MINUTE;
    const memberIds = fc.shuffledSubarray(["m0", "m1", "m2"], { minLength: 1, maxLength: 3 });
    return fc.record({
      now: fc.constant(now),
      from: fc.constant(from),
      to: fc.constant(from + lengthMinutes * MINUTE),
      service: fc.record({
        durationMinutes: roundOrAny([15, 30, 45, 50, 60, 90], 5, 240),
        bufferBeforeMinutes: roundOrAny([0, 5, 10, 15], 0, 60),
        bufferAfterMinutes: roundOrAny([0, 5, 10, 15], 0, 60),
        minNoticeMinutes: roundOrAny([0, 0, 60, 1440], 0, 2880),
        horizonDays: fc.integer({ min: 1, max: 10 }),
        slotStepMinutes: roundOrAny([5, 10, 15, 30, 60], 5, 120),
      }),
      clinicians: memberIds.chain((ids) =>
        fc.tuple(
          ...ids.map((memberId) =>
            fc.record({
              memberId: fc.constant(memberId),
              weekly: fc.array(weeklyWindow, { minLength: 1, maxLength: 3 }).map((lists) => lists.flat()),
              overrides: fc.array(overrideNear(now), { maxLength: 3 }),
              busy: fc.array(intervalNear(now), { maxLength: 6 }),
            }),
          ),
        ),
      ),
      closures: fc.array(intervalNear(now), { maxLength: 2 }),
      ignoreNotice: fc.boolean(),
      locationIds: fc.option(fc.subarray([...LOCATIONS], { minLength: 1 }), { nil: undefined, freq: 2 }),
      // Which returned slot to book next, as an index modulo the number of slots.
      picks: fc.array(fc.nat(), { maxLength: 6 }),
    });
  });

// ---------------------------------------------------------------------------

function checkInvariants(q: SlotQuery, slots: Slot[]): void {
  const { service } = q;
  const busyOf = new Map(q.clinicians.map((c) => [c.memberId, c.busy]));
  for (const [i, slot] of slots.entries()) {
    const previous = slots[i - 1];
    if (previous) expect(previous.start < slot.start || (previous.start === slot.start && previous.memberId < slot.memberId)).toBe(true);
    expect(slot.end - slot.start).toBe(service.durationMinutes * MINUTE);
    expect(slot.start >= q.from && slot.start < q.to).toBe(true);
    expect(slot.start >= q.now).toBe(true);
    if (!q.ignoreNotice) expect(slot.start >= q.now + service.minNoticeMinutes * MINUTE).toBe(true);
    expect(slot.start < q.now + service.horizonDays * DAY).toBe(true);
    if (q.locationIds) expect(q.locationIds).toContain(slot.locationId);
    const blocked = blockedOf(slot, q);
    expect(busyOf.get(slot.memberId)!.some((b) => overlaps(b, blocked))).toBe(false);
    expect(q.closures.some((b) => overlaps(b, blocked))).toBe(false);
  }
}

describe("computeSlots, property-based", () => {
  test("matches the reference, and every returned slot books without conflict", () => {
    fc.assert(
      fc.property(scenario, ({ picks, clinicians, ...rest }) => {
        let q: SlotQuery = { ...rest, clinicians: clinicians.map((c): ClinicianSchedule => ({ ...c, busy: [...c.busy] })) };
        let slots = computeSlots(q);
        expect(slots).toEqual(referenceSlots(q));
        checkInvariants(q, slots);

        const preference = q.clinicians.map((c) => c.memberId);
        const any = firstAvailablePerStart(slots, preference);
        expect(any.map((s) => s.start)).toEqual([...new Set(slots.map((s) => s.start))]);
        for (const chosen of any) {
          const free = slots.filter((s) => s.start === chosen.start).map((s) => preference.indexOf(s.memberId));
          expect(preference.indexOf(chosen.memberId)).toBe(Math.min(...free));
        }

        for (const pick of picks) {
          if (slots.length === 0) break;
          const slot = slots[pick % slots.length]!;
          const blocked = blockedOf(slot, q);
          const owner = q.clinicians.find((c) => c.memberId === slot.memberId)!;
          // The database's exclusion constraint: no live blocked range of this clinician may overlap.
          expect(owner.busy.some((b) => overlaps(b, blocked))).toBe(false);
          q = { ...q, clinicians: q.clinicians.map((c) => (c === owner ? { ...c, busy: [...c.busy, blocked] } : c)) };

          const after = computeSlots(q);
          checkInvariants(q, after);
          expect(after.some((s) => s.start === slot.start && s.memberId === slot.memberId)).toBe(false);
          // Exactly the slots whose blocked range overlaps the new booking are gone; nothing else changes.
          expect(after).toEqual(slots.filter((s) => s.memberId !== slot.memberId || !overlaps(blockedOf(s, q), blocked)));
          slots = after;
        }
      }),
      { numRuns: 200, seed: 20_260_308 },
    );
  });
});
