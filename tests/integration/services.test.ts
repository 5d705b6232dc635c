import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { availabilityOverrides, availabilityRules, closures, locations, members, serviceClinicians, services, type Practice } from "@/db/schema";
import { getService, listClinicianOptions, listServices, loadBookingRules } from "@/lib/booking/list-services";
import { saveService, setServiceArchived } from "@/lib/booking/save-service";
import { newServiceFormValues } from "@/lib/booking/service-schema";
import { slotRulesOf } from "@/lib/booking/slot-interval";
import { auditEventsFor, countRows, createMember, createPractice, createPracticeWithOwner, scopeFor } from "./helpers/factories";

async function createLocation(practice: Practice, name = "Main office") {
  const [row] = await db
    .insert(locations)
    .values({ practiceId: practice.id, name, addressLine1: "1 Test Street", city: "Testville", timeZone: practice.timeZone })
    .returning();
  return row!;
}

/** The service form as the browser sends it. */
function form(overrides: Record<string, unknown> = {}) {
  return { ...newServiceFormValues("USD"), name: "Couples session", price: "190", ...overrides };
}

async function serviceRow(id: string) {
  const [row] = await db.select().from(services).where(eq(services.id, id));
  return row;
}

async function linkedMembers(serviceId: string) {
  const rows = await db.select({ memberId: serviceClinicians.memberId }).from(serviceClinicians).where(eq(serviceClinicians.serviceId, serviceId));
  return rows.map((r) => r.memberId).sort();
}

describe("saveService: create", () => {
  test("stores the service in minor units and minutes, with its clinicians", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const clinician = await createMember(practice, { role: "clinician" });
    const result = await saveService(
      scope,
      null,
      form({
        description: "  Fifty minutes together.  ",
        durationMinutes: "50",
        price: "190.5",
        attendance: "couple",
        clinicianIds: [clinician.member.id, owner.member.id],
        bufferAfterMinutes: "10",
        minNoticeHours: "12",
        horizonDays: "60",
        slotStepMinutes: "15",
        cancellationWindowHours: "24",
        lateCancelFee: "95",
        noShowFee: "190",
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(await serviceRow(result.serviceId)).toMatchObject({
      practiceId: practice.id,
      name: "Couples session",
      description: "Fifty minutes together.",
      durationMinutes: 50,
      priceCents: 19050,
      currency: "USD",
      format: "online",
      attendance: "couple",
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 10,
      minNoticeMinutes: 720,
      horizonDays: 60,
      slotStepMinutes: 15,
      cancellationWindowHours: 24,
      lateCancelFeeCents: 9500,
      noShowFeeCents: 19000,
      archivedAt: null,
    });
    expect(await linkedMembers(result.serviceId)).toEqual([clinician.member.id, owner.member.id].sort());
    const events = await auditEventsFor(practice.id, "service.create");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorUserId: owner.user.id, subjectType: "service", subjectId: result.serviceId });
  });

  test("an admin may create services too", async () => {
    const { practice } = await createPracticeWithOwner();
    const admin = await createMember(practice, { role: "admin" });
    const result = await saveService(scopeFor(admin), null, form());
    expect(result.ok).toBe(true);
  });

  test("invalid input is a field error per field and saves nothing", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const result = await saveService(scope, null, form({ name: "", durationMinutes: "481", price: "abc", slotStepMinutes: "2" }));
    expect(result).toEqual({
      ok: false,
      errors: {
        name: ["Name is required"],
        durationMinutes: ["Duration must be between 5 and 480 minutes"],
        price: ["Price must be an amount like 190 or 190.50"],
        slotStepMinutes: ["Slot step must be between 5 and 240 minutes"],
      },
    });
    expect(await countRows(services, eq(services.practiceId, practice.id))).toBe(0);
  });

  test("a clinician from another practice is a field error and nothing is saved", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const elsewhere = await createMember(await createPractice(), { role: "clinician" });
    const result = await saveService(scope, null, form({ clinicianIds: [owner.member.id, elsewhere.member.id] }));
    expect(result).toEqual({ ok: false, errors: { clinicianIds: ["Choose clinicians from this practice's team"] } });
    expect(await countRows(services, eq(services.practiceId, practice.id))).toBe(0);
    expect(await countRows(serviceClinicians, eq(serviceClinicians.practiceId, practice.id))).toBe(0);
  });

  test("a made-up member id and a front-desk member cannot offer a service", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const frontDesk = await createMember(practice, { role: "front_desk" });
    for (const id of [randomUUID(), frontDesk.member.id]) {
      const result = await saveService(scope, null, form({ clinicianIds: [id] }));
      expect(result.ok ? null : result.errors).toEqual({ clinicianIds: ["Choose clinicians from this practice's team"] });
    }
    expect(await countRows(services, eq(services.practiceId, practice.id))).toBe(0);
  });

  test("in person needs a location in the practice", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    // Another practice's location does not count.
    await createLocation(await createPractice());
    const refused = await saveService(scope, null, form({ format: "in_person" }));
    expect(refused.ok ? null : Object.keys(refused.errors)).toEqual(["format"]);
    expect(await countRows(services, eq(services.practiceId, practice.id))).toBe(0);

    await createLocation(practice);
    const saved = await saveService(scope, null, form({ format: "in_person" }));
    expect(saved.ok).toBe(true);
  });

  test("clinicians and front desk cannot save or archive services", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const created = await saveService(scope, null, form());
    if (!created.ok) throw new Error("setup");
    for (const role of ["clinician", "front_desk"] as const) {
      const member = await createMember(practice, { role });
      expect(await saveService(scopeFor(member), null, form({ name: "Sneaky" }))).toEqual({
        ok: false,
        errors: { form: ["Only an owner or admin can change services"] },
      });
      expect(await saveService(scopeFor(member), created.serviceId, form({ name: "Sneaky" }))).toMatchObject({ ok: false });
      expect(await setServiceArchived(scopeFor(member), { serviceId: created.serviceId, archived: true })).toMatchObject({ ok: false });
    }
    expect(await serviceRow(created.serviceId)).toMatchObject({ name: "Couples session", archivedAt: null });
    expect(await countRows(services, eq(services.practiceId, practice.id))).toBe(1);
  });
});

describe("saveService: update and archive", () => {
  test("updates the fields and replaces the clinicians", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const a = await createMember(practice, { role: "clinician" });
    const b = await createMember(practice, { role: "clinician" });
    const created = await saveService(scope, null, form({ clinicianIds: [owner.member.id, a.member.id] }));
    if (!created.ok) throw new Error("setup");
    const updated = await saveService(scope, created.serviceId, form({ name: "Couples session (long)", durationMinutes: "80", price: "250", clinicianIds: [b.member.id] }));
    expect(updated).toEqual({ ok: true, serviceId: created.serviceId });
    expect(await serviceRow(created.serviceId)).toMatchObject({ name: "Couples session (long)", durationMinutes: 80, priceCents: 25000 });
    expect(await linkedMembers(created.serviceId)).toEqual([b.member.id]);
    expect(await auditEventsFor(practice.id, "service.update")).toHaveLength(1);
  });

  test("another practice's service (or a malformed id) is not found and unchanged", async () => {
    const other = await createPracticeWithOwner();
    const theirs = await saveService(other.scope, null, form({ name: "Theirs" }));
    if (!theirs.ok) throw new Error("setup");
    const { scope } = await createPracticeWithOwner();
    const notFound = { ok: false, errors: { form: ["That service was not found in this practice"] } };
    expect(await saveService(scope, theirs.serviceId, form({ name: "Mine now" }))).toEqual(notFound);
    expect(await saveService(scope, "nope", form())).toEqual(notFound);
    expect(await setServiceArchived(scope, { serviceId: theirs.serviceId, archived: true })).toEqual(notFound);
    expect(await serviceRow(theirs.serviceId)).toMatchObject({ name: "Theirs", archivedAt: null });
  });

  test("archive and unarchive keep the service, audit each change, and the list shows both", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const kept = await saveService(scope, null, form({ name: "Active one" }));
    const gone = await saveService(scope, null, form({ name: "Archived one" }));
    if (!kept.ok || !gone.ok) throw new Error("setup");
    expect(await setServiceArchived(scope, { serviceId: gone.serviceId, archived: true })).toEqual({ ok: true, serviceId: gone.serviceId });
    // Archiving twice changes nothing and is not audited again.
    await setServiceArchived(scope, { serviceId: gone.serviceId, archived: true });
    expect((await serviceRow(gone.serviceId))?.archivedAt).toBeInstanceOf(Date);
    expect(await auditEventsFor(practice.id, "service.archive")).toHaveLength(1);

    const list = await listServices(scope);
    expect(list.map((r) => [r.service.name, r.service.archivedAt !== null])).toEqual([
      ["Active one", false],
      ["Archived one", true],
    ]);
    // No booking-payment setting yet: the list says so rather than guess.
    expect(list.map((r) => r.billing)).toEqual([null, null]);

    await setServiceArchived(scope, { serviceId: gone.serviceId, archived: false });
    expect((await serviceRow(gone.serviceId))?.archivedAt).toBeNull();
    expect(await auditEventsFor(practice.id, "service.unarchive")).toHaveLength(1);
  });

  test("unticking Active in the form archives the service", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const created = await saveService(scope, null, form());
    if (!created.ok) throw new Error("setup");
    await saveService(scope, created.serviceId, form({ active: false }));
    expect((await serviceRow(created.serviceId))?.archivedAt).toBeInstanceOf(Date);
    expect(await auditEventsFor(practice.id, "service.archive")).toHaveLength(1);
  });
});

describe("reading services", () => {
  test("the list names who offers each service and shows only this practice's", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const clinician = await createMember(practice, { role: "clinician", displayName: "Aaron Able" });
    const saved = await saveService(scope, null, form({ clinicianIds: [clinician.member.id, owner.member.id] }));
    if (!saved.ok) throw new Error("setup");
    const other = await createPracticeWithOwner();
    await saveService(other.scope, null, form({ name: "Not ours" }));

    const list = await listServices(scope);
    expect(list).toHaveLength(1);
    expect(list[0]!.clinicians.map((c) => c.displayName)).toEqual(["Aaron Able", owner.member.displayName].sort());
    expect((await getService(scope, saved.serviceId))?.clinicianIds.sort()).toEqual([clinician.member.id, owner.member.id].sort());
    expect(await getService(other.scope, saved.serviceId)).toBeNull();
  });

  test("clinician options are the practice's owners and clinicians", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const clinician = await createMember(practice, { role: "clinician" });
    await createMember(practice, { role: "front_desk" });
    await createMember(practice, { role: "admin" });
    await createMember(await createPractice(), { role: "clinician" });
    const options = await listClinicianOptions(scope);
    expect(options.map((o) => o.id).sort()).toEqual([owner.member.id, clinician.member.id].sort());
  });
});

describe("loadBookingRules", () => {
  const NOW = new Date("2030-03-10T12:00:00Z");

  async function setup(format: "online" | "in_person") {
    const practice = await createPractice({ timeZone: "America/Los_Angeles" });
    const owner = await createMember(practice, { role: "owner", displayName: "Zoe Owner" });
    const clinician = await createMember(practice, { role: "clinician", displayName: "Ann Clinician" });
    await db.update(members).set({ timeZone: "America/Denver", videoUrl: "https://video.example.test/ann" }).where(eq(members.id, clinician.member.id));
    const location = await createLocation(practice);
    const saved = await saveService(scopeFor(owner), null, form({ format, horizonDays: "30", clinicianIds: [owner.member.id, clinician.member.id] }));
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const base = { practiceId: practice.id };
    await db.insert(availabilityRules).values([
      { ...base, memberId: owner.member.id, weekday: 1, startMinute: 540, endMinute: 1020, timeZone: "America/Los_Angeles", locationId: null },
      { ...base, memberId: owner.member.id, weekday: 3, startMinute: 540, endMinute: 780, timeZone: "America/Los_Angeles", locationId: location.id },
      { ...base, memberId: clinician.member.id, weekday: 2, startMinute: 600, endMinute: 960, timeZone: "America/Denver", locationId: null },
    ]);
    await db.insert(availabilityOverrides).values([
      // Before the window, inside it (both ends), after it.
      { ...base, memberId: owner.member.id, date: "2030-03-08", kind: "unavailable", timeZone: "America/Los_Angeles" },
      { ...base, memberId: owner.member.id, date: "2030-03-09", kind: "unavailable", timeZone: "America/Los_Angeles" },
      { ...base, memberId: owner.member.id, date: "2030-04-10", kind: "available", startMinute: 600, endMinute: 660, timeZone: "America/Los_Angeles", locationId: location.id },
      { ...base, memberId: clinician.member.id, date: "2030-03-20", kind: "available", startMinute: 1080, endMinute: 1200, timeZone: "America/Denver" },
      { ...base, memberId: clinician.member.id, date: "2030-04-11", kind: "unavailable", timeZone: "America/Denver" },
    ]);
    await db.insert(closures).values([
      { practiceId: practice.id, startsAt: new Date("2030-03-15T08:00:00Z"), endsAt: new Date("2030-03-16T08:00:00Z"), reason: "Training" },
      { practiceId: practice.id, startsAt: new Date("2029-12-24T08:00:00Z"), endsAt: new Date("2029-12-26T08:00:00Z"), reason: "Past" },
    ]);
    // Another practice's closure never leaks in.
    await db.insert(closures).values({ practiceId: (await createPractice()).id, startsAt: new Date("2030-03-12T00:00:00Z"), endsAt: new Date("2030-03-13T00:00:00Z") });
    return { practice, owner, clinician, location, serviceId: saved.serviceId };
  }

  test("an online service: its clinicians, their online hours, overrides in range, the practice's closures", async () => {
    const { practice, owner, clinician, serviceId } = await setup("online");
    const rules = await loadBookingRules(practice.id, serviceId, NOW);
    expect(rules).not.toBeNull();
    expect(rules!.service).toMatchObject({ id: serviceId, horizonDays: 30, priceCents: 19000 });
    expect(rules!.practiceTimeZone).toBe("America/Los_Angeles");
    expect(rules!.clinicians.map((c) => [c.displayName, c.timeZone, c.videoUrl])).toEqual([
      ["Ann Clinician", "America/Denver", "https://video.example.test/ann"],
      ["Zoe Owner", "America/Los_Angeles", null],
    ]);
    const [ann, zoe] = rules!.clinicians as [NonNullable<typeof rules>["clinicians"][number], NonNullable<typeof rules>["clinicians"][number]];
    expect(ann.memberId).toBe(clinician.member.id);
    expect(zoe.memberId).toBe(owner.member.id);
    // The Wednesday in-person hours are not for an online service.
    expect(zoe.weekly).toEqual([{ weekday: 1, startMinute: 540, endMinute: 1020, timeZone: "America/Los_Angeles", locationId: null }]);
    expect(ann.weekly).toEqual([{ weekday: 2, startMinute: 600, endMinute: 960, timeZone: "America/Denver", locationId: null }]);
    // Dates from the day before today (UTC) to horizon + 1 day: 2030-03-09 .. 2030-04-10.
    expect(zoe.overrides).toEqual([{ date: "2030-03-09", kind: "unavailable", startMinute: null, endMinute: null, timeZone: "America/Los_Angeles", locationId: null }]);
    expect(ann.overrides.map((o) => o.date)).toEqual(["2030-03-20"]);
    expect(rules!.closures).toEqual([{ start: Date.parse("2030-03-15T08:00:00Z"), end: Date.parse("2030-03-16T08:00:00Z") }]);
  });

  test("an in-person service only uses hours at a location", async () => {
    const { practice, location, serviceId } = await setup("in_person");
    const rules = await loadBookingRules(practice.id, serviceId, NOW);
    const zoe = rules!.clinicians.find((c) => c.displayName === "Zoe Owner")!;
    const ann = rules!.clinicians.find((c) => c.displayName === "Ann Clinician")!;
    expect(zoe.weekly).toEqual([{ weekday: 3, startMinute: 540, endMinute: 780, timeZone: "America/Los_Angeles", locationId: location.id }]);
    expect(zoe.overrides.map((o) => [o.date, o.kind])).toEqual([
      ["2030-03-09", "unavailable"],
      ["2030-04-10", "available"],
    ]);
    expect(ann.weekly).toEqual([]);
    expect(ann.overrides).toEqual([]);
  });

  test("another practice's service, an unknown id or a malformed id is null; archived services are returned", async () => {
    const { practice, owner, serviceId } = await setup("online");
    const other = await createPractice();
    expect(await loadBookingRules(other.id, serviceId, NOW)).toBeNull();
    expect(await loadBookingRules(practice.id, randomUUID(), NOW)).toBeNull();
    expect(await loadBookingRules(practice.id, "not-a-uuid", NOW)).toBeNull();
    await setServiceArchived(scopeFor(owner), { serviceId, archived: true });
    expect((await loadBookingRules(practice.id, serviceId, NOW))?.service.archivedAt).toBeInstanceOf(Date);
  });

  test("a service nobody offers has no clinicians, and closures still load", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const saved = await saveService(scope, null, form({ clinicianIds: [] }));
    if (!saved.ok) throw new Error("setup");
    const rules = await loadBookingRules(practice.id, saved.serviceId, NOW);
    expect(rules).toMatchObject({ clinicians: [], closures: [] });
    expect(await countRows(serviceClinicians, and(eq(serviceClinicians.serviceId, saved.serviceId)))).toBe(0);
  });
});

describe("the slot step setting (decision 0041)", () => {
  test("left empty it is stored as null and the engine steps by the duration; set, it is stored and used", async () => {
    const { practice, owner, scope } = await createPracticeWithOwner();
    const empty = await saveService(scope, null, form({ durationMinutes: "50", slotStepMinutes: "", clinicianIds: [owner.member.id] }));
    if (!empty.ok) throw new Error(JSON.stringify(empty.errors));
    expect((await serviceRow(empty.serviceId))?.slotStepMinutes).toBeNull();
    const rules = await loadBookingRules(practice.id, empty.serviceId);
    expect(rules && slotRulesOf(rules.service).slotStepMinutes).toBe(50);

    const updated = await saveService(scope, empty.serviceId, form({ durationMinutes: "50", slotStepMinutes: "60", clinicianIds: [owner.member.id] }));
    if (!updated.ok) throw new Error(JSON.stringify(updated.errors));
    expect((await serviceRow(empty.serviceId))?.slotStepMinutes).toBe(60);
    const again = await loadBookingRules(practice.id, empty.serviceId);
    expect(again && slotRulesOf(again.service).slotStepMinutes).toBe(60);
  });

  test("an out-of-range step is refused by field and changes nothing", async () => {
    const { owner, scope } = await createPracticeWithOwner();
    const saved = await saveService(scope, null, form({ slotStepMinutes: "", clinicianIds: [owner.member.id] }));
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    const refused = await saveService(scope, saved.serviceId, form({ slotStepMinutes: "3", clinicianIds: [owner.member.id] }));
    expect(refused).toMatchObject({ ok: false, errors: { slotStepMinutes: ["Slot step must be between 5 and 240 minutes"] } });
    expect((await serviceRow(saved.serviceId))?.slotStepMinutes).toBeNull();
  });

  test("the database refuses a step outside 5–240 and accepts null", async () => {
    const { practice } = await createPracticeWithOwner();
    const base = { practiceId: practice.id, name: "S", durationMinutes: 50, format: "online" as const, attendance: "individual" as const };
    await expect(db.insert(services).values({ ...base, slotStepMinutes: 4 })).rejects.toThrow();
    const [row] = await db.insert(services).values(base).returning();
    expect(row?.slotStepMinutes).toBeNull();
  });
});
