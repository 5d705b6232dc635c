import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { availabilityOverrides, availabilityRules, closures, locations, members, type Practice } from "@/db/schema";
import {
  addClosure,
  addOverride,
  deleteClosure,
  deleteOverride,
  findAvailabilityMember,
  listClosures,
  listScheduleMembers,
  loadAvailability,
  saveWeeklyHours,
} from "@/lib/booking/manage-availability";
import { auditEventsFor, countRows, createMember, createPractice, createPracticeWithOwner, scopeFor } from "./helpers/factories";

async function createLocation(practice: Practice, name = "Main office") {
  const [row] = await db
    .insert(locations)
    .values({ practiceId: practice.id, name, addressLine1: "1 Test Street", city: "Testville", timeZone: practice.timeZone })
    .returning();
  return row!;
}

const row = (weekday: number, start: string, end: string, locationId = "") => ({ weekday: String(weekday), start, end, locationId });

async function rulesOf(memberId: string) {
  return db
    .select({ weekday: availabilityRules.weekday, startMinute: availabilityRules.startMinute, endMinute: availabilityRules.endMinute, locationId: availabilityRules.locationId, timeZone: availabilityRules.timeZone })
    .from(availabilityRules)
    .where(eq(availabilityRules.memberId, memberId))
    .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startMinute));
}

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe("weekly hours", () => {
  test("a clinician saves their own hours in the practice's zone; saving again replaces them", async () => {
    const practice = await createPractice({ timeZone: "America/Chicago" });
    const clinician = await createMember(practice, { role: "clinician" });
    const location = await createLocation(practice);
    const scope = scopeFor(clinician);
    const first = await saveWeeklyHours(scope, clinician.member.id, {
      timeZone: "",
      rows: [row(1, "08:00", "12:00", location.id), row(1, "13:00", "16:00", location.id), row(2, "19:00", "21:30")],
    });
    expect(first).toEqual({ ok: true });
    expect(await rulesOf(clinician.member.id)).toEqual([
      { weekday: 1, startMinute: 480, endMinute: 720, locationId: location.id, timeZone: "America/Chicago" },
      { weekday: 1, startMinute: 780, endMinute: 960, locationId: location.id, timeZone: "America/Chicago" },
      { weekday: 2, startMinute: 1140, endMinute: 1290, locationId: null, timeZone: "America/Chicago" },
    ]);

    expect(await saveWeeklyHours(scope, clinician.member.id, { timeZone: "", rows: [row(5, "10:00", "11:00")] })).toEqual({ ok: true });
    expect(await rulesOf(clinician.member.id)).toEqual([{ weekday: 5, startMinute: 600, endMinute: 660, locationId: null, timeZone: "America/Chicago" }]);
    const events = await auditEventsFor(practice.id, "availability.update");
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ actorUserId: clinician.user.id, subjectType: "member", subjectId: clinician.member.id });
  });

  test("an invalid row saves nothing: the previous hours stay", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    await saveWeeklyHours(scope, owner.member.id, { timeZone: "", rows: [row(1, "09:00", "17:00")] });
    const before = await rulesOf(owner.member.id);

    const overlapping = await saveWeeklyHours(scope, owner.member.id, { timeZone: "", rows: [row(2, "09:00", "12:00"), row(2, "11:00", "13:00")] });
    expect(overlapping).toEqual({ ok: false, errors: { "rows.1.start": ["Row 2 overlaps row 1 (Tuesday 09:00–12:00)"] } });
    const backwards = await saveWeeklyHours(scope, owner.member.id, { timeZone: "", rows: [row(3, "09:00", "12:00"), row(4, "12:00", "09:00")] });
    expect(backwards).toEqual({ ok: false, errors: { "rows.1.end": ["The end time must be after the start time"] } });

    // A location of another practice: found only by the database lookup, still nothing saved.
    const foreign = await createLocation(await createPractice());
    const forged = await saveWeeklyHours(scope, owner.member.id, { timeZone: "Europe/London", rows: [row(3, "09:00", "12:00"), row(4, "09:00", "12:00", foreign.id)] });
    expect(forged).toEqual({ ok: false, errors: { "rows.1.locationId": ["Choose a location of this practice"] } });

    expect(await rulesOf(owner.member.id)).toEqual(before);
    const [member] = await db.select({ timeZone: members.timeZone }).from(members).where(eq(members.id, owner.member.id));
    expect(member?.timeZone).toBeNull();
    expect(await auditEventsFor(practice.id, "availability.update")).toHaveLength(1);
  });

  test("setting a time zone stores it on the member, on the rules and on their date changes", async () => {
    const practice = await createPractice({ timeZone: "America/New_York" });
    const clinician = await createMember(practice, { role: "clinician" });
    const scope = scopeFor(clinician);
    await addOverride(scope, clinician.member.id, { date: tomorrow(), type: "day_off" });
    expect(await saveWeeklyHours(scope, clinician.member.id, { timeZone: "Europe/Berlin", rows: [row(1, "09:00", "17:00")] })).toEqual({ ok: true });
    const [member] = await db.select({ timeZone: members.timeZone }).from(members).where(eq(members.id, clinician.member.id));
    expect(member?.timeZone).toBe("Europe/Berlin");
    expect((await rulesOf(clinician.member.id))[0]?.timeZone).toBe("Europe/Berlin");
    const overrides = await db.select().from(availabilityOverrides).where(eq(availabilityOverrides.memberId, clinician.member.id));
    expect(overrides.map((o) => o.timeZone)).toEqual(["Europe/Berlin"]);
    expect((await findAvailabilityMember(scope))?.timeZone).toBe("Europe/Berlin");

    // Back to the practice's zone.
    await saveWeeklyHours(scope, clinician.member.id, { timeZone: "", rows: [row(1, "09:00", "17:00")] });
    expect((await rulesOf(clinician.member.id))[0]?.timeZone).toBe("America/New_York");
    expect((await findAvailabilityMember(scope))).toMatchObject({ ownTimeZone: null, timeZone: "America/New_York" });
  });

  test("owners and admins edit anyone's hours in the practice; clinicians only their own", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const admin = await createMember(practice, { role: "admin" });
    const a = await createMember(practice, { role: "clinician" });
    const b = await createMember(practice, { role: "clinician" });
    expect(await saveWeeklyHours(scope, a.member.id, { rows: [row(1, "09:00", "10:00")] })).toEqual({ ok: true });
    expect(await saveWeeklyHours(scopeFor(admin), a.member.id, { rows: [row(2, "09:00", "10:00")] })).toEqual({ ok: true });
    expect(await saveWeeklyHours(scopeFor(b), a.member.id, { rows: [row(3, "09:00", "10:00")] })).toEqual({
      ok: false,
      errors: { form: ["You can only change your own hours"] },
    });
    expect((await rulesOf(a.member.id)).map((r) => r.weekday)).toEqual([2]);

    expect(await findAvailabilityMember(scopeFor(b), a.member.id)).toBeNull();
    expect((await findAvailabilityMember(scopeFor(b)))?.id).toBe(b.member.id);
    expect((await findAvailabilityMember(scope, a.member.id))?.id).toBe(a.member.id);
    const team = await listScheduleMembers(scopeFor(admin));
    expect(team.map((m) => m.id).sort()).toEqual([owner.member.id, admin.member.id, a.member.id, b.member.id].sort());
  });

  test("another practice's member (or a malformed id) is an error, even for an owner", async () => {
    const { scope } = await createPracticeWithOwner();
    const stranger = await createMember(await createPractice(), { role: "clinician" });
    const notFound = { ok: false, errors: { form: ["That team member was not found in this practice"] } };
    expect(await saveWeeklyHours(scope, stranger.member.id, { rows: [row(1, "09:00", "10:00")] })).toEqual(notFound);
    expect(await saveWeeklyHours(scope, "nope", { rows: [] })).toEqual(notFound);
    expect(await rulesOf(stranger.member.id)).toEqual([]);
    expect(await findAvailabilityMember(scope, stranger.member.id)).toBeNull();
    expect(await findAvailabilityMember(scope, "nope")).toBeNull();
  });

  test("two saves at once leave exactly one of them, not both", async () => {
    const { owner, scope } = await createPracticeWithOwner();
    const inputs = [
      { rows: [row(1, "09:00", "12:00"), row(2, "09:00", "12:00")] },
      { rows: [row(3, "09:00", "12:00"), row(4, "09:00", "12:00"), row(5, "09:00", "12:00")] },
    ];
    const results = await Promise.all(inputs.map((input) => saveWeeklyHours(scope, owner.member.id, input)));
    expect(results).toEqual([{ ok: true }, { ok: true }]);
    const weekdays = (await rulesOf(owner.member.id)).map((r) => r.weekday);
    expect([[1, 2], [3, 4, 5]]).toContainEqual(weekdays);
  });
});

describe("date changes", () => {
  test("a day off, time off and extra hours at a location, listed from today on", async () => {
    const practice = await createPractice({ timeZone: "America/Los_Angeles" });
    const clinician = await createMember(practice, { role: "clinician" });
    const location = await createLocation(practice);
    const scope = scopeFor(clinician);
    const date = tomorrow();
    expect(await addOverride(scope, clinician.member.id, { date, type: "day_off" })).toEqual({ ok: true });
    expect(await addOverride(scope, clinician.member.id, { date, type: "unavailable", start: "12:00", end: "14:00" })).toEqual({ ok: true });
    expect(await addOverride(scope, clinician.member.id, { date, type: "extra", start: "18:00", end: "20:00", locationId: location.id })).toEqual({ ok: true });
    // Past rows are kept but not listed.
    await db.insert(availabilityOverrides).values({ practiceId: practice.id, memberId: clinician.member.id, date: "2020-01-01", kind: "unavailable", timeZone: "America/Los_Angeles" });

    const member = await findAvailabilityMember(scope);
    const { overrides } = await loadAvailability(scope, member!);
    expect(overrides.map((o) => [o.date, o.kind, o.startMinute, o.endMinute, o.locationId, o.timeZone])).toEqual([
      [date, "unavailable", null, null, null, "America/Los_Angeles"],
      [date, "unavailable", 720, 840, null, "America/Los_Angeles"],
      [date, "available", 1080, 1200, location.id, "America/Los_Angeles"],
    ]);
    expect(await auditEventsFor(practice.id, "availability.override_add")).toHaveLength(3);
  });

  test("another practice's member or location is an error and saves nothing", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const stranger = await createMember(await createPractice(), { role: "clinician" });
    const foreign = await createLocation(await createPractice());
    expect(await addOverride(scope, stranger.member.id, { date: tomorrow(), type: "day_off" })).toEqual({
      ok: false,
      errors: { form: ["That team member was not found in this practice"] },
    });
    expect(await addOverride(scope, owner.member.id, { date: tomorrow(), type: "extra", start: "09:00", end: "10:00", locationId: foreign.id })).toEqual({
      ok: false,
      errors: { locationId: ["Choose a location of this practice"] },
    });
    expect(await addOverride(scope, owner.member.id, { date: tomorrow(), type: "extra", start: "10:00", end: "09:00" })).toEqual({
      ok: false,
      errors: { end: ["The end time must be after the start time"] },
    });
    expect(await countRows(availabilityOverrides, eq(availabilityOverrides.practiceId, practice.id))).toBe(0);
    expect(await countRows(availabilityOverrides, eq(availabilityOverrides.memberId, stranger.member.id))).toBe(0);
  });

  test("deleting is scoped: not another practice's, not a colleague's unless you manage", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const a = await createMember(practice, { role: "clinician" });
    const b = await createMember(practice, { role: "clinician" });
    await addOverride(scopeFor(a), a.member.id, { date: tomorrow(), type: "day_off" });
    const [mine] = await db.select().from(availabilityOverrides).where(eq(availabilityOverrides.memberId, a.member.id));

    const other = await createPracticeWithOwner();
    expect(await deleteOverride(other.scope, { id: mine!.id })).toEqual({ ok: false, errors: { form: ["That change was not found"] } });
    expect(await deleteOverride(scopeFor(b), { id: mine!.id })).toEqual({ ok: false, errors: { form: ["You can only change your own hours"] } });
    expect(await deleteOverride(scope, { id: "nope" })).toMatchObject({ ok: false });
    expect(await countRows(availabilityOverrides, eq(availabilityOverrides.id, mine!.id))).toBe(1);

    expect(await deleteOverride(scope, { id: mine!.id })).toEqual({ ok: true });
    expect(await countRows(availabilityOverrides, eq(availabilityOverrides.id, mine!.id))).toBe(0);
    expect(await auditEventsFor(practice.id, "availability.override_delete")).toHaveLength(1);
  });
});

describe("practice closures", () => {
  test("times are read in the practice's zone and stored as instants", async () => {
    const practice = await createPractice({ timeZone: "America/New_York" });
    const owner = await createMember(practice, { role: "owner" });
    const scope = scopeFor(owner);
    expect(await addClosure(scope, { startsAt: "2030-12-24T12:00", endsAt: "2030-12-27T09:00", reason: "Holidays" })).toEqual({ ok: true });
    // Summer time: four hours behind UTC instead of five.
    expect(await addClosure(scope, { startsAt: "2030-07-04T00:00", endsAt: "2030-07-05T00:00", reason: "" })).toEqual({ ok: true });
    const rows = await listClosures(scope);
    expect(rows.map((c) => [c.startsAt.toISOString(), c.endsAt.toISOString(), c.reason])).toEqual([
      ["2030-07-04T04:00:00.000Z", "2030-07-05T04:00:00.000Z", null],
      ["2030-12-24T17:00:00.000Z", "2030-12-27T14:00:00.000Z", "Holidays"],
    ]);
    expect(await auditEventsFor(practice.id, "closure.create")).toHaveLength(2);
  });

  test("bad ranges are field errors; clinicians cannot add or delete", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const clinician = await createMember(practice, { role: "clinician" });
    expect(await addClosure(scope, { startsAt: "2030-12-24T12:00", endsAt: "2030-12-24T11:00" })).toEqual({
      ok: false,
      errors: { endsAt: ["The closure must end after it starts"] },
    });
    expect(await addClosure(scopeFor(clinician), { startsAt: "2030-12-24T12:00", endsAt: "2030-12-25T12:00" })).toEqual({
      ok: false,
      errors: { form: ["Only an owner or admin can change practice closures"] },
    });
    expect(await countRows(closures, eq(closures.practiceId, practice.id))).toBe(0);

    await addClosure(scope, { startsAt: "2030-12-24T12:00", endsAt: "2030-12-25T12:00" });
    const [closure] = await listClosures(scope);
    expect(await deleteClosure(scopeFor(clinician), { id: closure!.id })).toMatchObject({ ok: false });
    expect(await countRows(closures, eq(closures.practiceId, practice.id))).toBe(1);
  });

  test("each practice sees and deletes only its own closures; ended ones are not listed", async () => {
    const mine = await createPracticeWithOwner();
    const theirs = await createPracticeWithOwner();
    await addClosure(mine.scope, { startsAt: "2030-01-01T00:00", endsAt: "2030-01-02T00:00", reason: "Mine" });
    await addClosure(theirs.scope, { startsAt: "2030-01-01T00:00", endsAt: "2030-01-02T00:00", reason: "Theirs" });
    await db.insert(closures).values({ practiceId: mine.practice.id, startsAt: new Date("2020-01-01T00:00:00Z"), endsAt: new Date("2020-01-02T00:00:00Z"), reason: "Over" });
    const [own] = await listClosures(mine.scope);
    const [other] = await listClosures(theirs.scope);
    expect((await listClosures(mine.scope)).map((c) => c.reason)).toEqual(["Mine"]);

    expect(await deleteClosure(mine.scope, { id: other!.id })).toEqual({ ok: false, errors: { form: ["That closure was not found"] } });
    expect(await deleteClosure(mine.scope, { id: randomUUID() })).toMatchObject({ ok: false });
    expect((await listClosures(theirs.scope)).map((c) => c.reason)).toEqual(["Theirs"]);
    expect(await deleteClosure(mine.scope, { id: own!.id })).toEqual({ ok: true });
    expect(await listClosures(mine.scope)).toEqual([]);
    expect(await auditEventsFor(mine.practice.id, "closure.delete")).toHaveLength(1);
  });
});
