import { and, asc, eq, gt, gte, inArray, lt, lte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { availabilityOverrides, closures } from "@/db/schema";
import { addDays, formatCalendarDate, utcDate } from "@/lib/dates";
import { computeSlots } from "@/lib/booking/compute-slots";
import type { BookingRules } from "@/lib/booking/list-services";
import { loadBusy } from "@/lib/booking/load-busy";
import { slotRulesOf } from "@/lib/booking/slot-interval";
import type { DateOverride, Interval, Slot } from "@/lib/booking/slot-types";
import { MAX_SPAN_DAYS } from "./occurrences";
import { CONFLICT_LABELS, type ConflictReason } from "./series-schema";

const DAY = 86_400_000;

export type TimeCheck = { ok: true; slot: Slot } | { ok: false; reason: ConflictReason };

/**
 * Whether one clinician can take a service at given instants, for a whole
 * series at once: the same pure slot engine as single bookings
 * (lib/booking/compute-slots.ts: hours, date overrides, closures, buffers,
 * other sessions), fed once with the clinician's overrides, the practice's
 * closures and the busy times over the series' whole range, not only the
 * service's booking horizon (staff book a series ahead of what clients may
 * book themselves; minimum notice is waived as for any staff booking).
 *
 * `reserve` adds a booked occurrence's blocked range to the busy times, so
 * the later ones of the same series (a moved one especially) see it.
 */
export interface SeriesTimes {
  check(start: number): TimeCheck;
  reserve(slot: Slot): void;
}

export async function loadSeriesTimes(input: {
  practiceId: string;
  rules: BookingRules;
  clinicianId: string;
  starts: number[];
  now: Date;
  /** Sessions being moved: where they are now does not block where they go. */
  excludeAppointmentIds?: readonly string[];
}): Promise<SeriesTimes> {
  const { practiceId, rules, clinicianId, now } = input;
  const clinician = rules.clinicians.find((c) => c.memberId === clinicianId);
  const service = rules.service;
  const first = Math.min(...input.starts);
  const last = Math.max(...input.starts);
  const from = new Date(first - 2 * DAY);
  const to = new Date(last + 2 * DAY);

  const atLocation = service.format === "in_person";
  const [overrideRows, closureRows, busyByMember] = await Promise.all([
    db
      .select()
      .from(availabilityOverrides)
      .where(
        and(
          eq(availabilityOverrides.practiceId, practiceId),
          inArray(availabilityOverrides.memberId, [clinicianId]),
          gte(availabilityOverrides.date, addDays(utcDate(from), -1)),
          lte(availabilityOverrides.date, addDays(utcDate(to), 1)),
        ),
      )
      .orderBy(asc(availabilityOverrides.date), sql`${availabilityOverrides.startMinute} asc nulls first`),
    db
      .select({ startsAt: closures.startsAt, endsAt: closures.endsAt })
      .from(closures)
      .where(and(eq(closures.practiceId, practiceId), lt(closures.startsAt, to), gt(closures.endsAt, from)))
      .orderBy(asc(closures.startsAt)),
    loadBusy([clinicianId], { from, to }, now, { excludeAppointmentIds: input.excludeAppointmentIds }),
  ]);
  // As lib/booking/list-services.ts reads them: "available" overrides only for the service's format.
  const overrides: DateOverride[] = overrideRows
    .filter((o) => o.kind === "unavailable" || (o.locationId !== null) === atLocation)
    .map((o) => ({ date: o.date, kind: o.kind, startMinute: o.startMinute, endMinute: o.endMinute, timeZone: o.timeZone, locationId: o.locationId }));
  const closed: Interval[] = closureRows.map((c) => ({ start: c.startsAt.getTime(), end: c.endsAt.getTime() }));
  const busy: Interval[] = [...(busyByMember.get(clinicianId) ?? [])];
  const slotRules = { ...slotRulesOf(service), horizonDays: Math.ceil((last - now.getTime()) / DAY) + MAX_SPAN_DAYS };
  const before = service.bufferBeforeMinutes * 60_000;
  const after = service.bufferAfterMinutes * 60_000;
  const duration = service.durationMinutes * 60_000;
  const overlaps = (list: Interval[], a: Interval) => list.some((b) => a.start < b.end && b.start < a.end);

  return {
    check(start) {
      if (start < now.getTime()) return { ok: false, reason: "past" };
      const slot = clinician
        ? computeSlots({
            service: slotRules,
            clinicians: [{ memberId: clinicianId, weekly: clinician.weekly, overrides, busy }],
            closures: closed,
            from: start,
            to: start + 1,
            now: now.getTime(),
            ignoreNotice: true,
          }).find((s) => s.start === start)
        : undefined;
      if (slot) return { ok: true, slot };
      // Why not, most specific first: the practice is closed, the clinician is busy, or it is outside their hours.
      const blocked = { start: start - before, end: start + duration + after };
      if (overlaps(closed, blocked)) return { ok: false, reason: "closure" };
      if (overlaps(busy, blocked)) return { ok: false, reason: "overlap" };
      return { ok: false, reason: "outside_availability" };
    },
    reserve(slot) {
      busy.push({ start: slot.start - before, end: slot.end + after });
      busy.sort((a, b) => a.start - b.start);
    },
  };
}

/** Sessions of a series moving to new starts: each one's new slot, or each date that cannot take it, in words. */
export interface MovePlan {
  slots: { id: string; previousStartsAt: Date; slot: Slot }[];
  /** "Tue 18 Mar 2031: overlaps another session with this clinician", one per refused date. */
  conflicts: string[];
}

/**
 * Checks every move of a series change at once (move-series, change-series):
 * the sessions' current times do not count against themselves, and each new
 * slot is reserved so the later ones see it. Nothing is written.
 */
export async function checkMoves(input: {
  practiceId: string;
  rules: BookingRules;
  clinicianId: string;
  locale: string;
  now: Date;
  targets: { id: string; startsAt: Date; date: string; start: number }[];
}): Promise<MovePlan> {
  const { targets } = input;
  const times = await loadSeriesTimes({ practiceId: input.practiceId, rules: input.rules, clinicianId: input.clinicianId, starts: targets.map((t) => t.start), now: input.now, excludeAppointmentIds: targets.map((t) => t.id) });
  const plan: MovePlan = { slots: [], conflicts: [] };
  for (const t of targets) {
    const check = times.check(t.start);
    if (check.ok) {
      times.reserve(check.slot);
      plan.slots.push({ id: t.id, previousStartsAt: t.startsAt, slot: check.slot });
    } else plan.conflicts.push(`${formatCalendarDate(t.date, input.locale, { weekday: true, short: true })}: ${CONFLICT_LABELS[check.reason].toLowerCase()}`);
  }
  return plan;
}
