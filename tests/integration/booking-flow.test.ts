import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, availabilityRules, clients, couples, emailMessages, serviceClinicians, services, type Practice } from "@/db/schema";
import { cancelAppointment, rescheduleAppointment } from "@/lib/appointments/change-appointment";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { findSlots } from "@/lib/booking/find-slots";
import { HOLD_MINUTES, holdSlot } from "@/lib/booking/hold-slot";
import { complete, confirm, expire, sourcesOf } from "@/lib/booking/lifecycle";
import { auditEventsFor, createClient, createMember, createPractice, uniqueEmail } from "./helpers/factories";
import { proveByEmail } from "./helpers/proof";

const HOUR = 3_600_000;
// A Monday, well in the future, so fixed instants are easy to read.
const MONDAY_9AM_NY = new Date("2031-03-03T14:00:00Z");
const NOW = new Date("2031-03-01T12:00:00Z");

async function bookablePractice(options: { attendance?: "individual" | "couple" | "either" } = {}) {
  const practice = await createPractice({ timeZone: "America/New_York" });
  const clinician = await createMember(practice, { role: "clinician" });
  const [service] = await db
    .insert(services)
    .values({
      practiceId: practice.id,
      name: "Couples session",
      durationMinutes: 50,
      priceCents: 19000,
      format: "online",
      attendance: options.attendance ?? "couple",
      bufferAfterMinutes: 10,
      minNoticeMinutes: 60,
      horizonDays: 60,
      slotStepMinutes: 30,
      cancellationWindowHours: 24,
      lateCancelFeeCents: 9500,
    })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 9 * 60, endMinute: 17 * 60, timeZone: "America/New_York" })),
  );
  return { practice, clinician, service: service! };
}

async function hold(practice: Practice, serviceId: string, start: Date, now = NOW) {
  const result = await holdSlot(practice.id, { serviceId, clinicianId: "any", start: start.toISOString() }, now);
  if (!result.ok) throw new Error(`hold failed: ${JSON.stringify(result)}`);
  return result;
}

const couple = () => [
  { firstName: "Ana", lastName: "Reyes", email: uniqueEmail("ana") },
  { firstName: "Ben", lastName: "Reyes", email: uniqueEmail("ben") },
];

describe("holding a time", () => {
  it("holds an offered time for ten minutes and the same search no longer offers it", async () => {
    const { practice, service, clinician } = await bookablePractice();
    const result = await hold(practice, service.id, MONDAY_9AM_NY);
    expect(result.expiresAt.getTime() - NOW.getTime()).toBe(HOLD_MINUTES * 60_000);
    const [row] = await db.select().from(appointments).where(eq(appointments.id, result.appointmentId));
    expect(row).toMatchObject({ status: "held", memberId: clinician.member.id, priceCents: 19000 });
    expect(row!.blockedTo.getTime() - row!.endsAt.getTime()).toBe(10 * 60_000);
    const after = await findSlots({ practiceId: practice.id, serviceId: service.id, clinicianId: "any", from: MONDAY_9AM_NY, to: new Date(MONDAY_9AM_NY.getTime() + 2 * HOUR), now: NOW });
    expect(after!.slots.map((s) => new Date(s.start).toISOString())).toEqual(["2031-03-03T15:00:00.000Z", "2031-03-03T15:30:00.000Z"]);
  });

  it("a second hold on the same time is 'just taken' with the next free times, and nothing is written", async () => {
    const { practice, service } = await bookablePractice();
    await hold(practice, service.id, MONDAY_9AM_NY);
    const second = await holdSlot(practice.id, { serviceId: service.id, clinicianId: "any", start: MONDAY_9AM_NY.toISOString() }, NOW);
    expect(second).toMatchObject({ ok: false, code: "conflict", reason: "taken" });
    if (second.ok || second.code !== "conflict") throw new Error("expected a conflict");
    expect(second.alternatives[0]?.start).toBe(new Date("2031-03-03T15:00:00Z").getTime());
    expect(await db.select().from(appointments).where(eq(appointments.practiceId, practice.id))).toHaveLength(1);
  });

  it("concurrent holds for one time: exactly one wins, the database decides", async () => {
    const { practice, service } = await bookablePractice();
    const results = await Promise.all(
      Array.from({ length: 12 }, () => holdSlot(practice.id, { serviceId: service.id, clinicianId: "any", start: MONDAY_9AM_NY.toISOString() }, NOW)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict" && r.reason === "taken")).toHaveLength(11);
  });

  it("an expired hold frees the time for the next visitor without any job running", async () => {
    const { practice, service } = await bookablePractice();
    const first = await hold(practice, service.id, MONDAY_9AM_NY);
    const later = new Date(NOW.getTime() + (HOLD_MINUTES + 1) * 60_000);
    const second = await hold(practice, service.id, MONDAY_9AM_NY, later);
    expect(second.appointmentId).not.toBe(first.appointmentId);
    const [old] = await db.select().from(appointments).where(eq(appointments.id, first.appointmentId));
    expect(old!.status).toBe("expired");
  });

  it("refuses a past time, a time outside the hours, an unknown clinician and malformed input", async () => {
    const { practice, service } = await bookablePractice();
    const other = await bookablePractice();
    const attempts = [
      { serviceId: service.id, clinicianId: "any", start: new Date(NOW.getTime() - HOUR).toISOString() },
      { serviceId: service.id, clinicianId: "any", start: "2031-03-03T03:00:00Z" },
      { serviceId: service.id, clinicianId: other.clinician.member.id, start: MONDAY_9AM_NY.toISOString() },
    ];
    for (const attempt of attempts) {
      expect(await holdSlot(practice.id, attempt, NOW)).toMatchObject({ ok: false, code: "conflict", reason: "unavailable" });
    }
    expect(await holdSlot(practice.id, { serviceId: other.service.id, clinicianId: "any", start: MONDAY_9AM_NY.toISOString() }, NOW)).toMatchObject({ ok: false, code: "not_found" });
    const bad = await holdSlot(practice.id, { serviceId: "nope", clinicianId: 7, start: "tomorrow" }, NOW);
    expect(bad.ok).toBe(false);
    if (!bad.ok && bad.code === "invalid") expect(Object.keys(bad.errors).sort()).toEqual(["clinicianId", "serviceId", "start"]);
    expect(await db.select().from(appointments).where(eq(appointments.practiceId, practice.id))).toHaveLength(0);
  });
});

describe("confirming a booking", () => {
  it("a couple gets two client records with portal access, a couple link, two attendees and two confirmations", async () => {
    const { practice, service } = await bookablePractice();
    const h = await hold(practice, service.id, MONDAY_9AM_NY);
    const people = couple();
    const result = await confirmBooking(practice.id, { holdToken: h.holdToken, agreePolicy: true, attendees: people }, NOW);
    expect(result).toMatchObject({ ok: true, appointmentId: h.appointmentId });
    // Portal access and the couple come once each partner confirmed their own address (decision 0012).
    for (const p of people) await proveByEmail(p.email, NOW);
    const [appt] = await db.select().from(appointments).where(eq(appointments.id, h.appointmentId));
    expect(appt!.status).toBe("confirmed");
    expect(appt!.holdExpiresAt).toBeNull();
    const made = await db.select().from(clients).where(eq(clients.practiceId, practice.id));
    expect(made.map((c) => c.email).sort()).toEqual(people.map((p) => p.email).sort());
    expect(made.every((c) => c.userId)).toBe(true);
    const [link] = await db.select().from(couples).where(eq(couples.practiceId, practice.id));
    expect(appt!.coupleId).toBe(link!.id);
    expect(await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, h.appointmentId))).toHaveLength(2);
    for (const p of people) {
      const mail = await db.select().from(emailMessages).where(eq(emailMessages.to, p.email));
      expect(mail.map((m) => m.template)).toEqual(["booking-confirmation"]);
      expect(mail[0]!.attachments?.[0]?.filename).toMatch(/\.ics$/);
    }
    expect(await auditEventsFor(practice.id, "appointment.book")).toHaveLength(1);
  });

  it("a returning client is matched by email within the practice, not duplicated", async () => {
    const { practice, service } = await bookablePractice({ attendance: "either" });
    const existing = await createClient(practice, { email: uniqueEmail("returning"), firstName: "Rae" });
    const h = await hold(practice, service.id, MONDAY_9AM_NY);
    const result = await confirmBooking(practice.id, { holdToken: h.holdToken, agreePolicy: true, attendees: [{ firstName: "Rae", lastName: "X", email: existing.email! }] }, NOW);
    expect(result.ok).toBe(true);
    // Matched once Rae proves the address with the link in her confirmation, never on the typed address alone (decision 0012).
    await proveByEmail(existing.email!, NOW);
    const rows = await db.select().from(clients).where(eq(clients.practiceId, practice.id));
    expect(rows).toHaveLength(1);
    const [attendee] = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, h.appointmentId));
    expect(attendee!.clientId).toBe(existing.id);
  });

  it("refuses one person for a couple service, the same email twice, no policy agreement, and a forged or expired hold — changing nothing", async () => {
    const { practice, service } = await bookablePractice();
    const h = await hold(practice, service.id, MONDAY_9AM_NY);
    const [ana] = couple();
    const cases: [unknown, string][] = [
      [{ holdToken: h.holdToken, agreePolicy: true, attendees: [ana] }, "attendees"],
      [{ holdToken: h.holdToken, agreePolicy: true, attendees: [ana, { ...ana, firstName: "Ben" }] }, "attendees.1.email"],
      [{ holdToken: h.holdToken, agreePolicy: false, attendees: couple() }, "agreePolicy"],
      [{ holdToken: h.holdToken, agreePolicy: true, attendees: [{ ...ana, email: "not-an-email" }, couple()[1]] }, "attendees.0.email"],
    ];
    for (const [input, field] of cases) {
      const result = await confirmBooking(practice.id, input, NOW);
      expect(result.ok).toBe(false);
      if (!result.ok && result.code === "invalid") expect(Object.keys(result.errors)).toContain(field);
    }
    const forged = await confirmBooking(practice.id, { holdToken: `${h.holdToken.slice(0, -2)}xx`, agreePolicy: true, attendees: couple() }, NOW);
    expect(forged).toMatchObject({ ok: false, code: "expired" });
    const late = await confirmBooking(practice.id, { holdToken: h.holdToken, agreePolicy: true, attendees: couple() }, new Date(NOW.getTime() + HOUR));
    expect(late).toMatchObject({ ok: false, code: "expired" });
    expect(await db.select().from(clients).where(eq(clients.practiceId, practice.id))).toHaveLength(0);
    const [appt] = await db.select().from(appointments).where(eq(appointments.id, h.appointmentId));
    expect(appt!.status).toBe("held");
  });

  it("a hold token from one practice cannot confirm in another", async () => {
    const a = await bookablePractice();
    const b = await bookablePractice();
    const h = await hold(a.practice, a.service.id, MONDAY_9AM_NY);
    expect(await confirmBooking(b.practice.id, { holdToken: h.holdToken, agreePolicy: true, attendees: couple() }, NOW)).toMatchObject({ ok: false, code: "expired" });
  });
});

describe("after booking", () => {
  async function confirmed(attendance: "couple" | "individual" = "couple") {
    const ctx = await bookablePractice({ attendance });
    const h = await hold(ctx.practice, ctx.service.id, MONDAY_9AM_NY);
    const people = attendance === "couple" ? couple() : [couple()[0]!];
    await confirmBooking(ctx.practice.id, { holdToken: h.holdToken, agreePolicy: true, attendees: people }, NOW);
    return { ...ctx, appointmentId: h.appointmentId, people };
  }

  it("cancelling outside the window is free; inside it is a late cancellation; either frees the time", async () => {
    const early = await confirmed();
    expect(await cancelAppointment({ practiceId: early.practice.id, appointmentId: early.appointmentId, actor: { kind: "system" } }, NOW)).toEqual({ ok: true, late: false });
    const late = await confirmed();
    const dayBefore = new Date(MONDAY_9AM_NY.getTime() - 2 * HOUR);
    expect(await cancelAppointment({ practiceId: late.practice.id, appointmentId: late.appointmentId, actor: { kind: "system" } }, dayBefore)).toEqual({ ok: true, late: true });
    const [row] = await db.select().from(appointments).where(eq(appointments.id, late.appointmentId));
    expect(row).toMatchObject({ status: "late_cancelled", sequence: 1 });
    const mails = await db.select().from(emailMessages).where(and(eq(emailMessages.to, late.people[0]!.email), eq(emailMessages.template, "booking-cancelled")));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("late");
    // The time is free again.
    const again = await holdSlot(late.practice.id, { serviceId: late.service.id, clinicianId: "any", start: MONDAY_9AM_NY.toISOString() }, NOW);
    expect(again.ok).toBe(true);
    // A second cancel changes nothing.
    expect(await cancelAppointment({ practiceId: late.practice.id, appointmentId: late.appointmentId, actor: { kind: "system" } }, dayBefore)).toMatchObject({ ok: false });
  });

  it("rescheduling moves the session to a free time, bumps the calendar sequence and emails both partners", async () => {
    const ctx = await confirmed();
    const target = new Date("2031-03-04T15:00:00Z");
    expect(await rescheduleAppointment({ practiceId: ctx.practice.id, appointmentId: ctx.appointmentId, actor: { kind: "system" }, values: { start: target.toISOString() } }, NOW)).toEqual({ ok: true });
    const [row] = await db.select().from(appointments).where(eq(appointments.id, ctx.appointmentId));
    expect(row!.startsAt.toISOString()).toBe(target.toISOString());
    expect(row!.sequence).toBe(1);
    for (const p of ctx.people) {
      const mails = await db.select().from(emailMessages).where(and(eq(emailMessages.to, p.email), eq(emailMessages.template, "booking-rescheduled")));
      expect(mails).toHaveLength(1);
    }
  });

  it("a client cannot move a session inside the window, nor onto a taken or unavailable time", async () => {
    const ctx = await confirmed("individual");
    const other = await hold(ctx.practice, ctx.service.id, new Date("2031-03-04T15:00:00Z"));
    expect(other.ok).toBe(true);
    const taken = await rescheduleAppointment({ practiceId: ctx.practice.id, appointmentId: ctx.appointmentId, actor: { kind: "system" }, values: { start: "2031-03-04T15:00:00Z" } }, NOW);
    expect(taken).toMatchObject({ ok: false });
    const night = await rescheduleAppointment({ practiceId: ctx.practice.id, appointmentId: ctx.appointmentId, actor: { kind: "system" }, values: { start: "2031-03-04T05:00:00Z" } }, NOW);
    expect(night).toMatchObject({ ok: false, message: "That time is not available. Please choose another time." });
    const inside = await rescheduleAppointment(
      { practiceId: ctx.practice.id, appointmentId: ctx.appointmentId, actor: { kind: "system" }, values: { start: "2031-03-05T15:00:00Z" } },
      new Date(MONDAY_9AM_NY.getTime() - 3 * HOUR),
    );
    expect(inside).toMatchObject({ ok: false });
    const [row] = await db.select().from(appointments).where(eq(appointments.id, ctx.appointmentId));
    expect(row!.startsAt.toISOString()).toBe(MONDAY_9AM_NY.toISOString());
  });

  it("only the transitions in the table happen", async () => {
    const ctx = await confirmed("individual");
    const ref = { practiceId: ctx.practice.id, appointmentId: ctx.appointmentId, now: NOW };
    // Nothing moves back to held: no transition reaches it.
    expect(sourcesOf("held")).toEqual([]);
    expect(await expire(db, ref)).toBe(false);
    const other = await bookablePractice();
    expect(await complete(db, { ...ref, practiceId: other.practice.id })).toBe(false);
    expect(await complete(db, ref)).toBe(true);
    expect(await confirm(db, ref)).toBe(false);
  });
});
