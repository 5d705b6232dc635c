import { IANAZone } from "luxon";
import type { ClinicianSchedule, Interval, Slot, SlotQuery, WeeklyWindow } from "./slot-types";

/**
 * The slot engine: which start times can be offered for one service, for a
 * set of clinicians, between `from` and `to`. Pure: everything it needs
 * (including `now`) is in the query, and it never reads the clock or the host
 * time zone. All times are epoch milliseconds; all ranges are half-open.
 *
 * ## Availability windows
 *
 * For every local date (in each rule's own `timeZone`) that can hold a
 * candidate, each weekly window whose ISO weekday matches becomes the real
 * interval [date + startMinute, date + endMinute), both ends converted from
 * local wall time to an instant (endMinute 1440 is the next local midnight).
 * A 9:00 window therefore stays 9:00 local on both sides of a DST change, at
 * a different UTC time.
 *
 * Local wall time → instant (the "compatible" rule, same as Temporal's and,
 * for skipped times, the same as luxon's `DateTime.fromObject`):
 * - a normal local time has exactly one instant;
 * - a skipped local time (spring forward, e.g. 02:30 on 2026-03-08 in
 *   Los Angeles) is read with the offset in force before the change, which
 *   moves it forward by the gap (→ 03:30 PDT). A window crossing the gap
 *   simply has less real time (1:00–4:00 is 2 real hours that day);
 * - a repeated local time (fall back, e.g. 01:30 on 2026-11-01) is its FIRST
 *   occurrence (01:30 PDT). A window crossing the repeated hour has more real
 *   time (0:00–3:00 is 4 real hours) and, since slots step through real time,
 *   local 1:00–1:45 is offered twice, with different offsets.
 * We do not call `DateTime.fromObject` itself for the conversion: for a
 * repeated time it picks the occurrence from the offset in force at the
 * *current* clock (`Settings.now()`), so the result would depend on when the
 * code runs. Offsets still come from luxon's `IANAZone` (Intl data).
 *
 * ## Date overrides (per clinician, local date in the override's `timeZone`)
 * - `unavailable` removes [date + startMinute, date + endMinute) — the whole
 *   local day when the minutes are null — from the clinician's WEEKLY windows,
 *   whatever their location. An appointment must not overlap the removed time
 *   (its buffers may, as they may extend outside any window), and the
 *   remaining slots keep the weekly window's step grid (10:00–10:20 off does
 *   not shift later slots to :20/:35/…).
 * - `available` adds a window [date + startMinute, date + endMinute) at the
 *   override's `locationId`, with its own grid from its start. It is NOT cut
 *   by `unavailable` overrides, so "unavailable all day" + "available
 *   14:00–16:00" on one date means "only 14:00–16:00 that day".
 * Busy intervals and closures still apply to every window.
 *
 * ## Candidates
 * From each window's start, every `slotStepMinutes` of real time while
 * start + duration <= window end. A candidate is refused when it starts
 * before `now` (always), before `now + minNotice` (unless `ignoreNotice`), at
 * or after `now + horizonDays × 24 h`, outside [from, to), when its blocked
 * range [start − bufferBefore, end + bufferAfter) overlaps one of the
 * clinician's busy intervals or a closure (touching is fine), or when the
 * window's location is not in `locationIds`.
 *
 * ## Output
 * Sorted by start, then memberId (plain code-unit string order). A start
 * offered by two overlapping windows of one clinician appears once, with the
 * location of the first window in the clinician's `weekly` array (weekly
 * windows before `available` overrides, each in array order).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// Time zones

/**
 * Memo of luxon offsets (minutes) at canonical instants: UTC midnights and the
 * whole seconds a bisection visits. `IANAZone.offset` goes through
 * `Intl.DateTimeFormat#formatToParts` (~10 µs a call), so this is where the
 * time goes on a cold start. The memo only stores what Intl answered for the
 * same input, so results do not depend on it; it is bounded per zone.
 */
const offsetMemo = new Map<string, Map<number, number>>();
const OFFSET_MEMO_MAX_PER_ZONE = 50_000;

function zoneOffsetAt(zone: IANAZone, memo: Map<number, number>, ts: number): number {
  let offset = memo.get(ts);
  if (offset === undefined) {
    offset = zone.offset(ts);
    if (memo.size >= OFFSET_MEMO_MAX_PER_ZONE) memo.clear();
    memo.set(ts, offset);
  }
  return offset;
}

/**
 * A zone's offsets over a stretch of days: `offsets[i]` (minutes) is in force
 * on [transitions[i − 1], transitions[i]) (open-ended at both ends).
 * Assumes a zone changes offset at most once per UTC day (true of every zone
 * in the tz database for modern dates).
 */
interface ZoneTimeline {
  transitions: number[];
  offsets: number[];
}

function buildTimeline(name: string, firstDay: number, lastDay: number): ZoneTimeline {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`computeSlots: unknown time zone "${name}"`);
  let memo = offsetMemo.get(name);
  if (!memo) offsetMemo.set(name, (memo = new Map()));
  const transitions: number[] = [];
  let previous = zoneOffsetAt(zone, memo, firstDay * DAY_MS);
  const offsets = [previous];
  for (let day = firstDay + 1; day <= lastDay; day++) {
    const offset = zoneOffsetAt(zone, memo, day * DAY_MS);
    if (offset === previous) continue;
    // Bisect whole seconds (tz database transitions are at whole seconds):
    // `low` has the old offset, `high` the new one.
    let low = (day - 1) * DAY_MS;
    let high = day * DAY_MS;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (zoneOffsetAt(zone, memo, middle) === previous) low = middle;
      else high = middle;
    }
    transitions.push(high);
    offsets.push(offset);
    previous = offset;
  }
  return { transitions, offsets };
}

/**
 * The instant of a local wall time (`local` = the wall time read as if it
 * were UTC), by the compatible rule described at the top of the file.
 */
function localToInstant(timeline: ZoneTimeline, local: number): number {
  const { transitions, offsets } = timeline;
  // Segments are in time order, so the first one that contains its own
  // reading of `local` gives the earliest occurrence.
  for (let i = 0; i < offsets.length; i++) {
    const ts = local - offsets[i]! * MINUTE_MS;
    if ((i === 0 || ts >= transitions[i - 1]!) && (i === transitions.length || ts < transitions[i]!)) return ts;
  }
  // In a gap: read it with the offset before the change (moves it forward).
  for (let i = 0; i < transitions.length; i++) {
    const t = transitions[i]!;
    if (local >= t + offsets[i]! * MINUTE_MS && local < t + offsets[i + 1]! * MINUTE_MS) return local - offsets[i]! * MINUTE_MS;
  }
  return local - offsets[0]! * MINUTE_MS;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number (days since 1970-01-01, a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function parseLocalDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`computeSlots: bad override date "${date}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

// ---------------------------------------------------------------------------
// Intervals

function compareIntervals(a: Interval, b: Interval): number {
  return a.start - b.start || a.end - b.end;
}

/** Sorted, non-empty, non-touching intervals covering the same instants. Does not modify its input. */
function normalise(intervals: readonly Interval[]): Interval[] {
  const list: Interval[] = [];
  let sorted = true;
  for (const interval of intervals) {
    if (!(interval.end > interval.start)) continue;
    const last = list[list.length - 1];
    if (last && interval.start < last.start) sorted = false;
    list.push(interval);
  }
  if (!sorted) list.sort(compareIntervals);
  const merged: Interval[] = [];
  for (const { start, end } of list) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) {
      if (end > last.end) last.end = end;
    } else {
      merged.push({ start, end });
    }
  }
  return merged;
}

/** Merge two normalised lists into one normalised list. */
function mergeNormalised(a: Interval[], b: Interval[]): Interval[] {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const merged: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!;
    const last = merged[merged.length - 1];
    if (last && next.start <= last.end) {
      if (next.end > last.end) last.end = next.end;
    } else {
      merged.push({ start: next.start, end: next.end });
    }
  }
  return merged;
}

/** Index of the first interval whose end is after `ts` (ends are increasing in a normalised list). */
function firstEndingAfter(list: Interval[], ts: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.end <= ts) low = middle + 1;
    else high = middle;
  }
  return low;
}

// ---------------------------------------------------------------------------
// The engine

interface Piece {
  start: number;
  end: number;
  /** Start of the window the piece came from: the step grid's origin. */
  anchor: number;
  locationId: string | null;
  /** Preference among a clinician's windows for the same start (lower wins). */
  rank: number;
}

interface Context {
  lo: number;
  hi: number;
  firstDay: number;
  lastDay: number;
  durationMs: number;
  beforeMs: number;
  afterMs: number;
  stepMs: number;
  closures: Interval[];
  locationIds: (string | null)[] | undefined;
  timelines: Map<string, ZoneTimeline>;
}

function timelineFor(ctx: Context, name: string): ZoneTimeline {
  let timeline = ctx.timelines.get(name);
  if (!timeline) {
    // Two days of margin on each side: local dates are within ±14 h of UTC
    // dates, and the conversion looks at offsets up to a day around a time.
    timeline = buildTimeline(name, ctx.firstDay - 2, ctx.lastDay + 3);
    ctx.timelines.set(name, timeline);
  }
  return timeline;
}

/** First point of the grid anchor + k·step (k ≥ 0) at or after `ts`. */
function gridCeil(anchor: number, stepMs: number, ts: number): number {
  if (ts <= anchor) return anchor;
  return anchor + Math.ceil((ts - anchor) / stepMs) * stepMs;
}

function locationAllowed(ctx: Context, locationId: string | null): boolean {
  return ctx.locationIds === undefined || ctx.locationIds.includes(locationId);
}

/** The clinician's windows as real intervals, weekly ones already cut by `unavailable` overrides. */
function clinicianPieces(ctx: Context, clinician: ClinicianSchedule): Piece[] {
  const { firstDay, lastDay } = ctx;
  const unavailable: Interval[] = [];
  const pieces: Piece[] = [];
  const weeklyCount = clinician.weekly.length;

  clinician.overrides.forEach((override, index) => {
    const day = parseLocalDate(override.date);
    if (day < firstDay || day > lastDay) return;
    const timeline = timelineFor(ctx, override.timeZone);
    const start = localToInstant(timeline, day * DAY_MS + (override.startMinute ?? 0) * MINUTE_MS);
    const end = localToInstant(timeline, day * DAY_MS + (override.endMinute ?? 1440) * MINUTE_MS);
    if (!(end > start)) return;
    if (override.kind === "unavailable") unavailable.push({ start, end });
    else if (locationAllowed(ctx, override.locationId)) {
      pieces.push({ start, end, anchor: start, locationId: override.locationId, rank: weeklyCount + index });
    }
  });
  const off = normalise(unavailable);

  const byWeekday: { window: WeeklyWindow; rank: number; timeline: ZoneTimeline }[][] = [[], [], [], [], [], [], [], []];
  clinician.weekly.forEach((window, rank) => {
    if (window.startMinute >= window.endMinute || !locationAllowed(ctx, window.locationId)) return;
    byWeekday[window.weekday]?.push({ window, rank, timeline: timelineFor(ctx, window.timeZone) });
  });

  for (let day = firstDay; day <= lastDay; day++) {
    const rules = byWeekday[isoWeekday(day)]!;
    for (const { window, rank, timeline } of rules) {
      const start = localToInstant(timeline, day * DAY_MS + window.startMinute * MINUTE_MS);
      const end = localToInstant(timeline, day * DAY_MS + window.endMinute * MINUTE_MS);
      if (!(end > start) || end < ctx.lo + ctx.durationMs || start >= ctx.hi) continue;
      // Cut out the unavailable time, keeping the window's start as the grid origin.
      let cursor = start;
      for (let k = firstEndingAfter(off, start); k < off.length && off[k]!.start < end; k++) {
        const gap = off[k]!;
        if (gap.start > cursor) pieces.push({ start: cursor, end: gap.start, anchor: start, locationId: window.locationId, rank });
        cursor = Math.max(cursor, gap.end);
      }
      if (cursor < end) pieces.push({ start: cursor, end, anchor: start, locationId: window.locationId, rank });
    }
  }
  return pieces;
}

function clinicianSlots(ctx: Context, clinician: ClinicianSchedule): Slot[] {
  const pieces = clinicianPieces(ctx, clinician);
  if (pieces.length === 0) return [];
  pieces.sort((a, b) => a.start - b.start || a.rank - b.rank);
  const blocked = mergeNormalised(normalise(clinician.busy), ctx.closures);
  const { lo, hi, durationMs, beforeMs, afterMs, stepMs } = ctx;
  const memberId = clinician.memberId;

  // Pieces that do not overlap give strictly increasing starts; only when
  // they do (two locations at once, an override over weekly hours) do the
  // slots need sorting and de-duplicating.
  let overlapping = false;
  let maxEnd = -Infinity;
  for (const piece of pieces) {
    if (piece.start < maxEnd) overlapping = true;
    if (piece.end > maxEnd) maxEnd = piece.end;
  }

  const slots: Slot[] = [];
  const ranks: number[] = [];
  for (const piece of pieces) {
    let start = gridCeil(piece.anchor, stepMs, Math.max(piece.start, lo));
    // Sweep the blocked list with a pointer: the first interval that ends after the blocked range starts.
    let k = firstEndingAfter(blocked, start - beforeMs);
    while (start < hi && start + durationMs <= piece.end) {
      const from = start - beforeMs;
      while (k < blocked.length && blocked[k]!.end <= from) k++;
      const next = blocked[k];
      if (next && next.start < start + durationMs + afterMs) {
        // Overlaps: jump to the first grid point whose blocked range starts at or after this interval's end
        // (always forward, even if fractional milliseconds round badly).
        const jump = gridCeil(piece.anchor, stepMs, next.end + beforeMs);
        start = jump > start ? jump : start + stepMs;
        continue;
      }
      slots.push({ start, end: start + durationMs, memberId, locationId: piece.locationId });
      if (overlapping) ranks.push(piece.rank);
      start += stepMs;
    }
  }
  if (!overlapping) return slots;

  const order = slots.map((_, i) => i).sort((a, b) => slots[a]!.start - slots[b]!.start || ranks[a]! - ranks[b]!);
  const unique: Slot[] = [];
  for (const i of order) {
    const slot = slots[i]!;
    if (unique.length === 0 || unique[unique.length - 1]!.start !== slot.start) unique.push(slot);
  }
  return unique;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertRules(query: SlotQuery): void {
  const { durationMinutes, bufferBeforeMinutes, bufferAfterMinutes, minNoticeMinutes, horizonDays, slotStepMinutes } = query.service;
  const finite = [durationMinutes, bufferBeforeMinutes, bufferAfterMinutes, minNoticeMinutes, horizonDays, slotStepMinutes, query.from, query.to, query.now];
  if (!finite.every(Number.isFinite)) throw new RangeError("computeSlots: service rules and times must be finite numbers");
  // A step under a millisecond could stop the candidate loop from advancing.
  if (durationMinutes <= 0 || slotStepMinutes * MINUTE_MS < 1) throw new RangeError("computeSlots: duration and slot step must be positive");
  if (bufferBeforeMinutes < 0 || bufferAfterMinutes < 0 || minNoticeMinutes < 0) {
    throw new RangeError("computeSlots: buffers and notice must not be negative");
  }
}

/** Every bookable slot for the query; see the comment at the top of this file for the rules. */
export function computeSlots(query: SlotQuery): Slot[] {
  assertRules(query);
  const { service, now } = query;
  const notice = query.ignoreNotice ? 0 : service.minNoticeMinutes * MINUTE_MS;
  const lo = Math.max(query.from, now, now + notice);
  const hi = Math.min(query.to, now + service.horizonDays * DAY_MS);
  if (lo >= hi || query.clinicians.length === 0) return [];

  const ctx: Context = {
    lo,
    hi,
    // Every local date that can hold a start in [lo, hi) in any zone (UTC ± 14 h), with a day to spare.
    firstDay: Math.floor(lo / DAY_MS) - 2,
    lastDay: Math.floor(hi / DAY_MS) + 2,
    durationMs: service.durationMinutes * MINUTE_MS,
    beforeMs: service.bufferBeforeMinutes * MINUTE_MS,
    afterMs: service.bufferAfterMinutes * MINUTE_MS,
    stepMs: service.slotStepMinutes * MINUTE_MS,
    closures: normalise(query.closures),
    locationIds: query.locationIds,
    timelines: new Map(),
  };

  // Clinicians in memberId order (stable, so a repeated memberId keeps its first entry first).
  const clinicians = query.clinicians.slice().sort((a, b) => compareStrings(a.memberId, b.memberId));
  const runs = clinicians.map((clinician) => clinicianSlots(ctx, clinician));
  if (runs.length === 1) return runs[0]!;

  // Each run is sorted by start; a stable sort of the concatenation merges them (TimSort finds the runs).
  const all = runs.flat().sort((a, b) => a.start - b.start || compareStrings(a.memberId, b.memberId));
  const result: Slot[] = [];
  for (const slot of all) {
    const last = result[result.length - 1];
    if (last && last.start === slot.start && last.memberId === slot.memberId) continue;
    result.push(slot);
  }
  return result;
}

/**
 * "Any clinician": one slot per start time, sorted by start.
 *
 * Where several clinicians are free at the same start, the one earliest in
 * `preference` (member ids) wins; clinicians not listed come after all listed
 * ones. Without `preference`, or between unlisted clinicians, the slot that
 * comes first in `slots` wins. `computeSlots` orders a start's slots by
 * memberId, so to prefer clinicians in the order of `query.clinicians` pass
 * `query.clinicians.map((c) => c.memberId)`.
 */
export function firstAvailablePerStart(slots: readonly Slot[], preference?: readonly string[]): Slot[] {
  const rankOf = new Map<string, number>();
  preference?.forEach((memberId, i) => {
    if (!rankOf.has(memberId)) rankOf.set(memberId, i);
  });
  const rank = (memberId: string) => rankOf.get(memberId) ?? Number.POSITIVE_INFINITY;
  const best = new Map<number, Slot>();
  for (const slot of slots) {
    const current = best.get(slot.start);
    if (!current || rank(slot.memberId) < rank(current.memberId)) best.set(slot.start, slot);
  }
  return [...best.values()].sort((a, b) => a.start - b.start);
}
