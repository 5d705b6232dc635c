import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { DbOrTx } from "@/db/client";
import { waitlistEntries, waitlistOpenings } from "@/db/schema";

/**
 * New availability as waitlist openings (decision 0057, addendum 2026-12-04).
 * A change to someone's hours writes, in the same transaction, the local
 * ranges it added, as openings. The waitlist job then asks the slot engine
 * what in them is really free, as it does for a cancelled time. Only what the
 * change added is searched: a time that was free all along is not
 * "a time that opened" and is not offered because hours were edited.
 */

/** A weekly row as the availability tables keep it: ISO weekday, local minutes [start, end), a location. */
export interface WeeklyRange {
  weekday: number;
  startMinute: number;
  endMinute: number;
  locationId: string | null;
}

/** How far ahead new weekly hours are searched: the widest range the slot engine takes in one call. */
export const WEEKLY_LOOKAHEAD_DAYS = 62;

/** `a` minus the union of `b`, as sorted, disjoint [start, end) minute ranges. */
function subtract(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): [number, number][] {
  let pieces: [number, number][] = a.map(([s, e]) => [s, e]);
  for (const [bs, be] of b) {
    pieces = pieces.flatMap(([s, e]): [number, number][] => {
      if (be <= s || bs >= e) return [[s, e]];
      const out: [number, number][] = [];
      if (bs > s) out.push([s, bs]);
      if (be < e) out.push([be, e]);
      return out;
    });
  }
  return pieces.sort((x, y) => x[0] - y[0]);
}

/**
 * The weekly hours `after` has and `before` did not (pure). Hours at another
 * location count as new: a service held only there may now fit. A change of
 * zone makes every row new, since each local hour is another instant.
 */
export function addedWeeklyRanges(before: readonly WeeklyRange[], after: readonly WeeklyRange[], zoneChanged = false): WeeklyRange[] {
  const key = (r: WeeklyRange) => `${r.weekday}|${r.locationId ?? ""}`;
  const groups = new Map<string, { weekday: number; locationId: string | null }>();
  for (const r of after) groups.set(key(r), { weekday: r.weekday, locationId: r.locationId });
  const added: WeeklyRange[] = [];
  for (const [k, group] of groups) {
    const now = after.filter((r) => key(r) === k).map((r) => [r.startMinute, r.endMinute] as const);
    const was = zoneChanged ? [] : before.filter((r) => key(r) === k).map((r) => [r.startMinute, r.endMinute] as const);
    for (const [startMinute, endMinute] of subtract(now, was)) added.push({ ...group, startMinute, endMinute });
  }
  return added.sort((x, y) => x.weekday - y.weekday || x.startMinute - y.startMinute);
}

/** A local date's minute of day as an instant; 1440 is the next midnight. Wall-clock, so 9:00 stays 9:00 across DST. */
function localInstant(date: DateTime, minute: number): DateTime {
  if (minute >= 1440) return date.plus({ days: 1 }).startOf("day");
  return date.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });
}

export interface OpeningRange {
  startsAt: Date;
  endsAt: Date;
}

/** Weekly ranges laid on each date from today (in `zone`) for `days` days; only what is still ahead of `now` (pure). */
export function projectWeekly(ranges: readonly WeeklyRange[], zone: string, now: Date, days = WEEKLY_LOOKAHEAD_DAYS): OpeningRange[] {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const out: OpeningRange[] = [];
  for (let i = 0; i <= days; i++) {
    const date = today.plus({ days: i });
    for (const r of ranges) {
      if (r.weekday !== date.weekday) continue;
      const range = localRange(date, r.startMinute, r.endMinute, now);
      if (range) out.push(range);
    }
  }
  return out;
}

/** One local date's [start, end) minutes, clipped to what is ahead of `now`; null when nothing is. */
export function localRange(date: DateTime, startMinute: number, endMinute: number, now: Date): OpeningRange | null {
  const startsAt = new Date(Math.max(localInstant(date, startMinute).toMillis(), now.getTime()));
  const endsAt = localInstant(date, endMinute).toJSDate();
  return endsAt > startsAt ? { startsAt, endsAt } : null;
}

/** A date's range (null minutes: the whole day) in `zone`, from `YYYY-MM-DD`. */
export function dateRange(date: string, zone: string, startMinute: number | null, endMinute: number | null, now: Date): OpeningRange | null {
  const day = DateTime.fromISO(date, { zone }).startOf("day");
  if (!day.isValid) return null;
  return localRange(day, startMinute ?? 0, endMinute ?? 1440, now);
}

/**
 * Writes the ranges as `availability` openings for each clinician named, in the
 * caller's transaction, when anyone in the practice waits (otherwise there is
 * nobody to offer them to and nothing is written). Returns how many.
 */
export async function writeAvailabilityOpenings(tx: DbOrTx, input: { practiceId: string; memberIds: readonly string[]; ranges: readonly OpeningRange[]; now: Date }): Promise<number> {
  if (input.ranges.length === 0 || input.memberIds.length === 0) return 0;
  const [waiting] = await tx
    .select({ one: sql<number>`1` })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.practiceId, input.practiceId), eq(waitlistEntries.status, "waiting")))
    .limit(1);
  if (!waiting) return 0;
  const change = randomUUID();
  const rows = input.memberIds.flatMap((memberId) =>
    input.ranges.map((r, i) => ({
      practiceId: input.practiceId,
      memberId,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      source: "availability" as const,
      sourceKey: `availability:${change}:${memberId}:${i}`,
      createdAt: input.now,
    })),
  );
  await tx.insert(waitlistOpenings).values(rows);
  return rows.length;
}
