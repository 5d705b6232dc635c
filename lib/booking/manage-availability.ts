import { and, asc, eq, gt, gte, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { db, type DbOrTx } from "@/db/client";
import { availabilityOverrides, availabilityRules, closures, locations, members, type MemberRole } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { todayIn } from "@/lib/dates";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { addedWeeklyRanges, dateRange, projectWeekly, WEEKLY_LOOKAHEAD_DAYS, writeAvailabilityOpenings } from "@/lib/waitlist/availability-openings";
import { kickWaitlist } from "@/lib/waitlist/kick";
import { closureSchema, deleteByIdSchema, overrideSchema, weeklyHoursSchema } from "./availability-schema";

export type AvailabilityResult = { ok: true } | { ok: false; errors: FieldErrors };

const MEMBER_NOT_FOUND = "That team member was not found in this practice";
const OWN_HOURS_ONLY = "You can only change your own hours";
const MANAGERS_ONLY = "Only an owner or admin can change practice closures";

/** A member whose hours are being looked at or changed, with their zone resolved. */
export interface AvailabilityMember {
  id: string;
  displayName: string;
  role: MemberRole;
  /** The member's own zone; null: the practice's. */
  ownTimeZone: string | null;
  timeZone: string;
}

/** Owners and admins manage anyone's hours; clinicians only their own (lib/auth/roles.ts). */
export function mayManageHoursOf(scope: Pick<PracticeScope, "memberId" | "role">, memberId: string): boolean {
  return can(scope.role, "availability.others") || (scope.memberId === memberId && can(scope.role, "availability.own"));
}

/**
 * The member of this practice whose hours `scope` may see and edit: `memberId`
 * when given (null if it is not in the practice or not allowed), else the
 * signed-in member.
 */
export async function findAvailabilityMember(scope: PracticeScope, memberId?: string | null, tx: DbOrTx = db): Promise<AvailabilityMember | null> {
  const id = memberId || scope.memberId;
  if (!isUuid(id) || !mayManageHoursOf(scope, id)) return null;
  const [row] = await tx
    .select({ id: members.id, displayName: members.displayName, role: members.role, ownTimeZone: members.timeZone })
    .from(members)
    .where(and(eq(members.id, id), eq(members.practiceId, scope.practice.id)));
  if (!row) return null;
  return { ...row, timeZone: row.ownTimeZone ?? scope.practice.timeZone };
}

/** Members whose hours an owner or admin can pick: owners and clinicians, plus themselves. */
export async function listScheduleMembers(scope: PracticeScope) {
  const rows = await db
    .select({ id: members.id, displayName: members.displayName, role: members.role })
    .from(members)
    .where(eq(members.practiceId, scope.practice.id))
    .orderBy(asc(members.displayName), asc(members.id));
  return rows.filter((m) => can(m.role, "sessions.take") || m.id === scope.memberId);
}

export async function listPracticeLocations(scope: Pick<PracticeScope, "practice">) {
  return db
    .select({ id: locations.id, name: locations.name, timeZone: locations.timeZone })
    .from(locations)
    .where(eq(locations.practiceId, scope.practice.id))
    .orderBy(asc(locations.name), asc(locations.id));
}

/** A member's weekly hours (by day and time) and overrides from today on, in their zone. */
export async function loadAvailability(scope: Pick<PracticeScope, "practice">, member: AvailabilityMember, now: Date = new Date()) {
  const [weekly, overrides] = await Promise.all([
    db
      .select()
      .from(availabilityRules)
      .where(and(eq(availabilityRules.practiceId, scope.practice.id), eq(availabilityRules.memberId, member.id)))
      .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startMinute)),
    db
      .select()
      .from(availabilityOverrides)
      .where(
        and(
          eq(availabilityOverrides.practiceId, scope.practice.id),
          eq(availabilityOverrides.memberId, member.id),
          gte(availabilityOverrides.date, todayIn(member.timeZone, now)),
        ),
      )
      .orderBy(asc(availabilityOverrides.date), sql`${availabilityOverrides.startMinute} asc nulls first`),
  ]);
  return { weekly, overrides };
}

/** Location ids (non-null, distinct) not belonging to the practice. */
async function foreignLocations(tx: DbOrTx, practiceId: string, ids: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Set();
  const found = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(and(eq(locations.practiceId, practiceId), inArray(locations.id, wanted)));
  const ok = new Set(found.map((l) => l.id));
  return new Set(wanted.filter((id) => !ok.has(id)));
}

/**
 * Replaces a member's weekly hours (and sets their time zone) in one
 * transaction: either every row is saved or none is. The rows are kept in the
 * member's zone (their own, or the practice's); changing the zone moves their
 * date overrides to it too, so a day off stays the same local day.
 */
export async function saveWeeklyHours(scope: PracticeScope, memberId: string, input: unknown, now: Date = new Date()): Promise<AvailabilityResult> {
  if (!isUuid(memberId)) return fieldError("form", MEMBER_NOT_FOUND);
  if (!mayManageHoursOf(scope, memberId)) return fieldError("form", OWN_HOURS_ONLY);
  const parsed = weeklyHoursSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { rows, timeZone: ownTimeZone } = parsed.data;
  const practiceId = scope.practice.id;
  // Openings this change wrote: only then is the waitlist worth running now.
  let opened = 0;
  const result = await db.transaction(async (tx) => {
    // Locks the member: two saves for one person take turns instead of interleaving deletes and inserts.
    const [member] = await tx
      .select({ id: members.id, timeZone: members.timeZone })
      .from(members)
      .where(and(eq(members.id, memberId), eq(members.practiceId, practiceId)))
      .for("update");
    if (!member) return fieldError("form", MEMBER_NOT_FOUND);
    const foreign = await foreignLocations(
      tx,
      practiceId,
      rows.map((r) => r.locationId),
    );
    if (foreign.size > 0) {
      const errors: FieldErrors = {};
      rows.forEach((r, i) => {
        if (r.locationId && foreign.has(r.locationId)) errors[`rows.${i}.locationId`] = ["Choose a location of this practice"];
      });
      return { ok: false, errors } as const;
    }
    const zone = ownTimeZone ?? scope.practice.timeZone;
    const previousZone = member.timeZone ?? scope.practice.timeZone;
    if (member.timeZone !== ownTimeZone) {
      await tx.update(members).set({ timeZone: ownTimeZone }).where(eq(members.id, memberId));
    }
    if (zone !== previousZone) {
      await tx.update(availabilityOverrides).set({ timeZone: zone }).where(eq(availabilityOverrides.memberId, memberId));
    }
    const before = await tx.delete(availabilityRules).where(eq(availabilityRules.memberId, memberId)).returning();
    if (rows.length > 0) {
      await tx.insert(availabilityRules).values(rows.map((r) => ({ ...r, practiceId, memberId, timeZone: zone })));
    }
    // Hours the change added may be what someone on the waitlist waits for (decision 0057).
    const added = addedWeeklyRanges(before, rows, zone !== previousZone);
    opened = await writeAvailabilityOpenings(tx, { practiceId, memberIds: [memberId], ranges: projectWeekly(added, zone, now), now });
    await recordAudit(
      byMember(scope, "availability.update", { type: "member", id: memberId }, { rows: rows.length, timeZone: zone, timeZoneChanged: zone !== previousZone }),
      tx,
    );
    return { ok: true } as const;
  });
  if (result.ok && opened > 0) kickWaitlist();
  return result;
}

/** Adds a day off, time off or extra hours on one date for a member. */
export async function addOverride(scope: PracticeScope, memberId: string, input: unknown, now: Date = new Date()): Promise<AvailabilityResult> {
  if (!isUuid(memberId)) return fieldError("form", MEMBER_NOT_FOUND);
  if (!mayManageHoursOf(scope, memberId)) return fieldError("form", OWN_HOURS_ONLY);
  const parsed = overrideSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const v = parsed.data;
  const practiceId = scope.practice.id;
  // Openings this change wrote: only then is the waitlist worth running now.
  let opened = 0;
  const result = await db.transaction(async (tx) => {
    const member = await findAvailabilityMember(scope, memberId, tx);
    if (!member) return fieldError("form", MEMBER_NOT_FOUND);
    if ((await foreignLocations(tx, practiceId, [v.locationId])).size > 0) return fieldError("locationId", "Choose a location of this practice");
    const [row] = await tx
      .insert(availabilityOverrides)
      .values({ ...v, practiceId, memberId, timeZone: member.timeZone })
      .returning({ id: availabilityOverrides.id });
    await recordAudit(
      byMember(scope, "availability.override_add", { type: "availability_override", id: row!.id }, { memberId, date: v.date, kind: v.kind }),
      tx,
    );
    if (v.kind === "available") {
      const range = dateRange(v.date, member.timeZone, v.startMinute, v.endMinute, now);
      opened = await writeAvailabilityOpenings(tx, { practiceId, memberIds: [memberId], ranges: range ? [range] : [], now });
    }
    return { ok: true } as const;
  });
  if (result.ok && opened > 0) kickWaitlist();
  return result;
}

export async function deleteOverride(scope: PracticeScope, input: unknown, now: Date = new Date()): Promise<AvailabilityResult> {
  const parsed = deleteByIdSchema.safeParse(input);
  if (!parsed.success) return fieldError("form", "That change was not found");
  // Openings this change wrote: only then is the waitlist worth running now.
  let opened = 0;
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: availabilityOverrides.id,
        memberId: availabilityOverrides.memberId,
        date: availabilityOverrides.date,
        kind: availabilityOverrides.kind,
        startMinute: availabilityOverrides.startMinute,
        endMinute: availabilityOverrides.endMinute,
        timeZone: availabilityOverrides.timeZone,
      })
      .from(availabilityOverrides)
      .where(and(eq(availabilityOverrides.id, parsed.data.id), eq(availabilityOverrides.practiceId, scope.practice.id)))
      .for("update");
    if (!row) return fieldError("form", "That change was not found");
    if (!mayManageHoursOf(scope, row.memberId)) return fieldError("form", OWN_HOURS_ONLY);
    await tx.delete(availabilityOverrides).where(eq(availabilityOverrides.id, row.id));
    await recordAudit(
      byMember(scope, "availability.override_delete", { type: "availability_override", id: row.id }, { memberId: row.memberId, date: row.date }),
      tx,
    );
    // Time off taken back: those hours are open again.
    if (row.kind === "unavailable") {
      const range = dateRange(row.date, row.timeZone, row.startMinute, row.endMinute, now);
      opened = await writeAvailabilityOpenings(tx, { practiceId: scope.practice.id, memberIds: [row.memberId], ranges: range ? [range] : [], now });
    }
    return { ok: true } as const;
  });
  if (result.ok && opened > 0) kickWaitlist();
  return result;
}

/** The practice's closures that have not ended yet, soonest first. */
export async function listClosures(scope: Pick<PracticeScope, "practice">, now: Date = new Date()) {
  return db
    .select({ id: closures.id, startsAt: closures.startsAt, endsAt: closures.endsAt, reason: closures.reason })
    .from(closures)
    .where(and(eq(closures.practiceId, scope.practice.id), gt(closures.endsAt, now)))
    .orderBy(asc(closures.startsAt));
}

/** A practice-wide closure, entered as local date-times in the practice's zone. Owners and admins. */
export async function addClosure(scope: PracticeScope, input: unknown): Promise<AvailabilityResult> {
  if (!can(scope.role, "settings.manage")) return fieldError("form", MANAGERS_ONLY);
  const parsed = closureSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const zone = scope.practice.timeZone;
  const startsAt = DateTime.fromISO(parsed.data.startsAt, { zone });
  const endsAt = DateTime.fromISO(parsed.data.endsAt, { zone });
  if (!startsAt.isValid) return fieldError("startsAt", "Enter when the closure starts");
  if (!endsAt.isValid) return fieldError("endsAt", "Enter when the closure ends");
  // Local times that fall in a daylight-saving gap can collapse the range.
  if (endsAt.toMillis() <= startsAt.toMillis()) return fieldError("endsAt", "The closure must end after it starts");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(closures)
      .values({ practiceId: scope.practice.id, startsAt: startsAt.toJSDate(), endsAt: endsAt.toJSDate(), reason: parsed.data.reason })
      .returning({ id: closures.id });
    await recordAudit(byMember(scope, "closure.create", { type: "closure", id: row!.id }, { startsAt: startsAt.toISO(), endsAt: endsAt.toISO() }), tx);
    return { ok: true } as const;
  });
}

export async function deleteClosure(scope: PracticeScope, input: unknown, now: Date = new Date()): Promise<AvailabilityResult> {
  if (!can(scope.role, "settings.manage")) return fieldError("form", MANAGERS_ONLY);
  const parsed = deleteByIdSchema.safeParse(input);
  if (!parsed.success) return fieldError("form", "That closure was not found");
  // Openings this change wrote: only then is the waitlist worth running now.
  let opened = 0;
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(closures)
      .where(and(eq(closures.id, parsed.data.id), eq(closures.practiceId, scope.practice.id)))
      .returning({ id: closures.id, startsAt: closures.startsAt, endsAt: closures.endsAt });
    if (!row) return fieldError("form", "That closure was not found");
    await recordAudit(byMember(scope, "closure.delete", { type: "closure", id: row.id }), tx);
    // The practice reopens: for everyone with weekly hours, the closed span (the part still ahead, as far as
    // new hours are searched) may hold what someone waits for.
    const startsAt = new Date(Math.max(row.startsAt.getTime(), now.getTime()));
    const endsAt = new Date(Math.min(row.endsAt.getTime(), now.getTime() + WEEKLY_LOOKAHEAD_DAYS * 86_400_000));
    if (endsAt > startsAt) {
      const staff = await tx.selectDistinct({ memberId: availabilityRules.memberId }).from(availabilityRules).where(eq(availabilityRules.practiceId, scope.practice.id));
      opened = await writeAvailabilityOpenings(tx, { practiceId: scope.practice.id, memberIds: staff.map((m) => m.memberId), ranges: [{ startsAt, endsAt }], now });
    }
    return { ok: true } as const;
  });
  if (result.ok && opened > 0) kickWaitlist();
  return result;
}
