import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointments,
  availabilityRules,
  couples,
  emailMessages,
  serviceClinicians,
  services,
  type Practice,
  type ServiceAttendance,
} from "@/db/schema";
import { bookForClients } from "@/lib/appointments/staff-book";
import { rescheduleDaySlots, staffDaySlots } from "@/lib/booking/staff-book";
import { auditEventsFor, countRows, createClient, createMember, createPractice, scopeFor, uniqueEmail, type TestMember } from "./helpers/factories";

const ZONE = "America/New_York";
/** Monday 3 March 2031, 07:00 in New York. */
const NOW = new Date("2031-03-03T12:00:00Z");
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO()!;
const TAKEN = "That time was just taken. Choose one of the next free times.";

/** A practice in New York with an owner and a clinician who works 9:00–17:00 every weekday, online. */
async function bookingPractice() {
  const practice = await createPractice({ timeZone: ZONE });
  const owner = await createMember(practice, { role: "owner" });
  const clinician = await createMember(practice, { role: "clinician" });
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 540, endMinute: 1020, timeZone: ZONE })),
  );
  return { practice, owner, clinician, scope: scopeFor(owner) };
}

async function createService(practice: Practice, clinician: TestMember, attendance: ServiceAttendance = "individual") {
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: `Session ${attendance}`, durationMinutes: 50, format: "online", attendance, priceCents: 15000, bufferAfterMinutes: 10 , slotStepMinutes: 15 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  return service!;
}

async function createCouple(practice: Practice) {
  const x = await createClient(practice, { firstName: "Noor", email: uniqueEmail("noor") });
  const y = await createClient(practice, { firstName: "Sam", email: uniqueEmail("sam") });
  const [a, b] = [x.id, y.id].sort() as [string, string];
  const [couple] = await db.insert(couples).values({ practiceId: practice.id, clientAId: a, clientBId: b }).returning();
  return { x, y, couple: couple! };
}

function appointmentsOf(practiceId: string) {
  return db.select().from(appointments).where(eq(appointments.practiceId, practiceId));
}

describe("bookForClients", () => {
  test("books one client for an individual service: confirmed, by staff, audited, confirmation emailed", async () => {
    const { practice, owner, clinician, scope } = await bookingPractice();
    const service = await createService(practice, clinician);
    const client = await createClient(practice, { email: uniqueEmail("robin") });
    // 9:00 today is two hours away: inside the service's 24-hour notice, which staff may ignore.
    const result = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [client.id], start: at("2031-03-03T09:00") }, NOW);
    expect(result).toEqual({ ok: true, appointmentId: expect.any(String), startsAt: "2031-03-03T14:00:00.000Z" });
    if (!result.ok) return;

    const [row] = await appointmentsOf(practice.id);
    expect(row).toMatchObject({
      id: result.appointmentId,
      status: "confirmed",
      memberId: clinician.member.id,
      serviceId: service.id,
      coupleId: null,
      bookedByStaff: true,
      createdByUserId: owner.user.id,
      holdExpiresAt: null,
      priceCents: 15000,
      format: "online",
      startsAt: new Date("2031-03-03T14:00:00Z"),
      endsAt: new Date("2031-03-03T14:50:00Z"),
      blockedTo: new Date("2031-03-03T15:00:00Z"),
    });
    const attendees = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, result.appointmentId));
    expect(attendees.map((a) => a.clientId)).toEqual([client.id]);
    const events = await auditEventsFor(practice.id, "appointment.book");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorKind: "member", actorUserId: owner.user.id, subjectId: result.appointmentId, detail: { clientIds: [client.id], via: "staff" } });
    const mail = await db.select().from(emailMessages).where(and(eq(emailMessages.to, client.email!), eq(emailMessages.template, "booking-confirmation")));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.attachments?.[0]?.filename).toMatch(/\.ics$/);
    expect(mail[0]!.html).toContain("/manage/");
  });

  test("books a couple for a couple service: both attend, the couple is recorded, each is emailed", async () => {
    const { practice, clinician, scope } = await bookingPractice();
    const service = await createService(practice, clinician, "couple");
    const { x, y, couple } = await createCouple(practice);
    const result = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [x.id, y.id], start: at("2031-03-04T10:00") }, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [row] = await appointmentsOf(practice.id);
    expect(row).toMatchObject({ coupleId: couple.id, status: "confirmed" });
    const attendees = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, result.appointmentId));
    expect(attendees.map((a) => a.clientId).sort()).toEqual([x.id, y.id].sort());
    const mail = await db.select().from(emailMessages).where(and(inArray(emailMessages.to, [x.email!, y.email!]), eq(emailMessages.template, "booking-confirmation")));
    expect(mail.map((m) => m.to).sort()).toEqual([x.email, y.email].sort());
  });

  test("a couple service with one client is refused and saves nothing", async () => {
    const { practice, clinician, scope } = await bookingPractice();
    const service = await createService(practice, clinician, "couple");
    const { x } = await createCouple(practice);
    const result = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [x.id], start: at("2031-03-04T10:00") }, NOW);
    expect(result).toEqual({ ok: false, errors: { clientIds: ["This is a couple service: choose a client who is linked with their partner"] } });
    expect(await appointmentsOf(practice.id)).toEqual([]);
  });

  test("two clients who are not a couple, or two people for an individual service, are refused", async () => {
    const { practice, clinician, scope } = await bookingPractice();
    const coupleService = await createService(practice, clinician, "couple");
    const individual = await createService(practice, clinician, "individual");
    const a = await createClient(practice);
    const b = await createClient(practice);
    const start = at("2031-03-04T10:00");
    expect(await bookForClients(scope, { serviceId: coupleService.id, clinicianId: clinician.member.id, clientIds: [a.id, b.id], start }, NOW)).toEqual({
      ok: false,
      errors: { clientIds: ["These two clients are not linked as a couple. Link them on a client's page first."] },
    });
    const { x, y } = await createCouple(practice);
    expect(await bookForClients(scope, { serviceId: individual.id, clinicianId: clinician.member.id, clientIds: [x.id, y.id], start }, NOW)).toEqual({
      ok: false,
      errors: { clientIds: ["This service is for one person"] },
    });
    expect(await appointmentsOf(practice.id)).toEqual([]);
  });

  test("an 'either' service takes one client or a couple", async () => {
    const { practice, clinician, scope } = await bookingPractice();
    const service = await createService(practice, clinician, "either");
    const { x, y, couple } = await createCouple(practice);
    const alone = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [x.id], start: at("2031-03-04T10:00") }, NOW);
    const together = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [y.id, x.id], start: at("2031-03-04T13:00") }, NOW);
    expect(alone.ok && together.ok).toBe(true);
    const rows = await appointmentsOf(practice.id);
    expect(rows.map((r) => r.coupleId).sort()).toEqual([couple.id, null].sort());
  });

  test("forged ids from another practice are field errors and nothing is saved", async () => {
    const mine = await bookingPractice();
    const theirs = await bookingPractice();
    const myService = await createService(mine.practice, mine.clinician);
    const theirService = await createService(theirs.practice, theirs.clinician);
    const myClient = await createClient(mine.practice);
    const theirClient = await createClient(theirs.practice);
    const start = at("2031-03-04T10:00");
    const base = { serviceId: myService.id, clinicianId: mine.clinician.member.id, clientIds: [myClient.id], start };

    expect(await bookForClients(mine.scope, { ...base, serviceId: theirService.id }, NOW)).toEqual({
      ok: false,
      errors: { serviceId: ["Choose a service offered by this practice"] },
    });
    expect(await bookForClients(mine.scope, { ...base, clinicianId: theirs.clinician.member.id }, NOW)).toEqual({
      ok: false,
      errors: { clinicianId: ["Choose a clinician who offers this service"] },
    });
    expect(await bookForClients(mine.scope, { ...base, clientIds: [theirClient.id] }, NOW)).toEqual({
      ok: false,
      errors: { clientIds: ["Choose clients of this practice"] },
    });
    expect(await bookForClients(mine.scope, { ...base, clientIds: [myClient.id, theirClient.id] }, NOW)).toMatchObject({ ok: false });
    expect(await bookForClients(mine.scope, { ...base, clientIds: [randomUUID()] }, NOW)).toMatchObject({ ok: false, errors: { clientIds: expect.any(Array) } });

    for (const practiceId of [mine.practice.id, theirs.practice.id]) {
      expect(await countRows(appointments, eq(appointments.practiceId, practiceId))).toBe(0);
      expect(await countRows(appointmentAttendees, eq(appointmentAttendees.practiceId, practiceId))).toBe(0);
      expect(await auditEventsFor(practiceId, "appointment.book")).toEqual([]);
    }
  });

  test("a member who does not offer the service is refused", async () => {
    const { practice, owner, clinician, scope } = await bookingPractice();
    const service = await createService(practice, clinician);
    const client = await createClient(practice);
    expect(await bookForClients(scope, { serviceId: service.id, clinicianId: owner.member.id, clientIds: [client.id], start: at("2031-03-04T10:00") }, NOW)).toEqual({
      ok: false,
      errors: { clinicianId: ["Choose a clinician who offers this service"] },
    });
  });

  test("invalid input is reported per field", async () => {
    const { scope } = await bookingPractice();
    const result = await bookForClients(scope, { serviceId: "", clinicianId: "x", clientIds: [], start: "" }, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(["clientIds", "clinicianId", "serviceId", "start"]);
  });

  test("a time already booked is refused as just taken, with the next free times", async () => {
    const { practice, clinician, scope } = await bookingPractice();
    const service = await createService(practice, clinician);
    const first = await createClient(practice);
    const second = await createClient(practice);
    // Someone else's session already holds 10:00–10:50 (+10 min buffer).
    await db.insert(appointments).values({
      practiceId: practice.id,
      serviceId: service.id,
      memberId: clinician.member.id,
      format: "online",
      startsAt: new Date(at("2031-03-04T10:00")),
      endsAt: new Date(at("2031-03-04T10:50")),
      blockedFrom: new Date(at("2031-03-04T10:00")),
      blockedTo: new Date(at("2031-03-04T11:00")),
      status: "confirmed",
      priceCents: 0,
      currency: "USD",
    });
    await db.insert(appointmentAttendees).values({ practiceId: practice.id, appointmentId: (await appointmentsOf(practice.id))[0]!.id, clientId: first.id });

    const result = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [second.id], start: at("2031-03-04T10:15") }, NOW);
    expect(result).toEqual({ ok: false, errors: { start: [TAKEN] }, alternatives: expect.any(Array) });
    if (result.ok) return;
    expect(result.alternatives![0]).toBe(at("2031-03-04T11:00"));
    expect(await appointmentsOf(practice.id)).toHaveLength(1);
  });

  test("two staff booking the same time at once: one wins, the other hears it was just taken", async () => {
    const { practice, clinician, scope } = await bookingPractice();
    const service = await createService(practice, clinician);
    const a = await createClient(practice);
    const b = await createClient(practice);
    const start = at("2031-03-05T11:00");
    const results = await Promise.all(
      [a, b].map((c) => bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [c.id], start }, NOW)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, errors: { start: [TAKEN] } });
    expect(await appointmentsOf(practice.id)).toHaveLength(1);
  });

  test("a time outside the clinician's hours, or in the past, is not available", async () => {
    const { practice, clinician, scope } = await bookingPractice();
    const service = await createService(practice, clinician);
    const client = await createClient(practice);
    for (const start of [at("2031-03-04T20:00"), at("2031-03-01T10:00")]) {
      const result = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [client.id], start }, NOW);
      expect(result).toMatchObject({ ok: false, errors: { start: ["That time is not available with this clinician. Choose another time."] } });
    }
    expect(await appointmentsOf(practice.id)).toEqual([]);
  });
});

describe("staff day slots", () => {
  test("lists a local date's free times with the notice waived, scoped to the practice", async () => {
    const { practice, clinician, scope } = await bookingPractice();
    const service = await createService(practice, clinician);
    const other = await bookingPractice();
    const result = await staffDaySlots(scope, { serviceId: service.id, clinicianId: clinician.member.id, date: "2031-03-03" }, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // 9:00 is two hours away; a client could not book it (24 h notice), staff can.
    expect(result.slots[0]).toBe(at("2031-03-03T09:00"));
    expect(result.slots.at(-1)).toBe(at("2031-03-03T16:00"));
    expect(await staffDaySlots(other.scope, { serviceId: service.id, clinicianId: clinician.member.id, date: "2031-03-03" }, NOW)).toEqual({
      ok: false,
      message: "That service is not offered by this practice.",
    });
    expect(await staffDaySlots(scope, { serviceId: service.id, clinicianId: clinician.member.id, date: "2031-02-30" }, NOW)).toMatchObject({ ok: false });
  });

  test("rescheduling offers the appointment's own time back and refuses another practice's appointment", async () => {
    const { practice, clinician, scope } = await bookingPractice();
    const service = await createService(practice, clinician);
    const client = await createClient(practice);
    const booked = await bookForClients(scope, { serviceId: service.id, clinicianId: clinician.member.id, clientIds: [client.id], start: at("2031-03-04T10:00") }, NOW);
    if (!booked.ok) throw new Error("booking failed");
    const slots = await rescheduleDaySlots(scope, booked.appointmentId, "2031-03-04", NOW);
    expect(slots.ok && slots.slots).toContain(at("2031-03-04T10:00"));
    const other = await bookingPractice();
    expect(await rescheduleDaySlots(other.scope, booked.appointmentId, "2031-03-04", NOW)).toEqual({ ok: false, message: "That session was not found." });
  });
});
