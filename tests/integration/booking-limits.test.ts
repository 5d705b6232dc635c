import { randomInt } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, availabilityRules, holdClaims, rateLimits, serviceClinicians, services } from "@/db/schema";
import { BOOKING_LIMITS, checkConfirmationLimits, holdSlotWithinLimits } from "@/lib/booking/booking-limits";
import { findSlots } from "@/lib/booking/find-slots";
import { HOLD_MINUTES, holdSlot } from "@/lib/booking/hold-slot";
import { awaitPayment } from "@/lib/booking/lifecycle";
import { sweepLimits } from "@/lib/jobs/sweep-limits";
import { createClient, createMember, createPractice, uniqueEmail } from "./helpers/factories";

const DAY = 86_400_000;
const NOW = new Date("2031-03-01T12:00:00Z");

/** A documentation-range IPv6 address no other test shares. */
function uniqueIp(): string {
  return `2001:db8:1::${[0, 0, 0].map(() => randomInt(0, 0xffff).toString(16)).join(":")}`;
}

async function bookablePractice() {
  const practice = await createPractice({ timeZone: "America/New_York" });
  const clinician = await createMember(practice, { role: "clinician" });
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Session", durationMinutes: 50, priceCents: 0, format: "online", attendance: "individual", minNoticeMinutes: 60, horizonDays: 60, slotStepMinutes: 60 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 0, endMinute: 1440, timeZone: "America/New_York" })),
  );
  const found = await findSlots({ practiceId: practice.id, serviceId: service!.id, clinicianId: "any", from: new Date(NOW.getTime() + DAY), to: new Date(NOW.getTime() + 8 * DAY), now: NOW });
  const starts = found!.slots.map((s) => new Date(s.start).toISOString());
  const input = (i: number) => ({ serviceId: service!.id, clinicianId: "any", start: starts[i]! });
  return { practice, service: service!, input };
}

const details = (email: string) => ({
  holdToken: "not-a-real-hold-token",
  attendees: [{ firstName: "Ana", lastName: "Reyes", email, phone: "" }],
  agreePolicy: true,
  payer: "me",
});

describe("holds", () => {
  it(`one IP holds at most ${BOOKING_LIMITS.liveHoldsPerIp} times at once; another IP is unaffected; expired holds stop counting`, async () => {
    const { practice, input } = await bookablePractice();
    const ip = uniqueIp();
    for (let i = 0; i < 3; i++) expect(await holdSlotWithinLimits(practice.id, input(i), NOW, ip)).toMatchObject({ ok: true });
    const fourth = await holdSlotWithinLimits(practice.id, input(3), NOW, ip);
    expect(fourth).toMatchObject({ ok: false, code: "rate_limited" });
    if (!fourth.ok && "retryAfterSeconds" in fourth) {
      expect(fourth.message).toMatch(/already holding 3 times/);
      expect(fourth.retryAfterSeconds).toBeLessThanOrEqual(HOLD_MINUTES * 60);
    }
    // The refused time was not held: someone else can have it.
    expect(await holdSlotWithinLimits(practice.id, input(3), NOW, uniqueIp())).toMatchObject({ ok: true });
    // Once the first three ran out, the same IP may hold again.
    const later = new Date(NOW.getTime() + (HOLD_MINUTES + 1) * 60_000);
    expect(await holdSlotWithinLimits(practice.id, input(4), later, ip)).toMatchObject({ ok: true });
  });

  it("racing holds from one IP: exactly the cap succeeds, and the others hold nothing", async () => {
    const { practice, input } = await bookablePractice();
    const ip = uniqueIp();
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => holdSlotWithinLimits(practice.id, input(i), NOW, ip)));
    expect(results.filter((r) => r.ok)).toHaveLength(BOOKING_LIMITS.liveHoldsPerIp);
    expect(results.filter((r) => !r.ok && r.code === "rate_limited")).toHaveLength(6 - BOOKING_LIMITS.liveHoldsPerIp);
    const held = await db.select().from(appointments).where(and(eq(appointments.practiceId, practice.id), eq(appointments.status, "held")));
    expect(held).toHaveLength(BOOKING_LIMITS.liveHoldsPerIp);
  });

  it(`one IP may try at most ${BOOKING_LIMITS.holdsPerIp.points} holds in ten minutes, whatever they were`, async () => {
    const { practice } = await bookablePractice();
    const ip = uniqueIp();
    for (let i = 0; i < BOOKING_LIMITS.holdsPerIp.points; i++) {
      expect(await holdSlotWithinLimits(practice.id, { serviceId: "nope" }, NOW, ip)).toMatchObject({ ok: false, code: "invalid" });
    }
    const next = await holdSlotWithinLimits(practice.id, { serviceId: "nope" }, NOW, ip);
    expect(next).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/^Too many times were held from your connection\. Please wait \d+ minutes? and try again\.$/) });
  });

  it(`a practice takes at most ${BOOKING_LIMITS.holdsPerPractice.points} hold attempts in ten minutes from all IPs together`, async () => {
    const { practice } = await bookablePractice();
    for (let i = 0; i < BOOKING_LIMITS.holdsPerPractice.points; i++) await holdSlotWithinLimits(practice.id, {}, NOW, uniqueIp());
    expect(await holdSlotWithinLimits(practice.id, {}, NOW, uniqueIp())).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/very busy/) });
  });

  it(`a practice has at most ${BOOKING_LIMITS.liveHoldsPerPractice} live holds, however many IPs ask`, async () => {
    const { practice, input } = await bookablePractice();
    // Holds already live at the practice (made from many IPs).
    for (let i = 0; i < BOOKING_LIMITS.liveHoldsPerPractice; i++) expect(await holdSlot(practice.id, input(i), NOW)).toMatchObject({ ok: true });
    const next = await holdSlotWithinLimits(practice.id, input(BOOKING_LIMITS.liveHoldsPerPractice), NOW, uniqueIp());
    expect(next).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/very busy/) });
  });
});

describe("confirmations", () => {
  it(`one IP may try at most ${BOOKING_LIMITS.confirmationsPerIp.points} confirmations an hour`, async () => {
    const practice = await createPractice();
    const ip = uniqueIp();
    for (let i = 0; i < BOOKING_LIMITS.confirmationsPerIp.points; i++) expect(await checkConfirmationLimits(practice.id, null, NOW, ip)).toEqual({ ok: true });
    expect(await checkConfirmationLimits(practice.id, null, NOW, ip)).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/from your connection/) });
  });

  it(`a practice takes at most ${BOOKING_LIMITS.confirmationsPerPractice.points} confirmations an hour`, async () => {
    const practice = await createPractice();
    for (let i = 0; i < BOOKING_LIMITS.confirmationsPerPractice.points; i++) await checkConfirmationLimits(practice.id, null, NOW, uniqueIp());
    expect(await checkConfirmationLimits(practice.id, null, NOW, uniqueIp())).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/very busy/) });
  });

  it(`one address is sent at most ${BOOKING_LIMITS.confirmationsPerEmail.points} booking emails an hour, from any IP and any practice`, async () => {
    const email = uniqueEmail("target");
    for (let i = 0; i < BOOKING_LIMITS.confirmationsPerEmail.points; i++) {
      const practice = await createPractice();
      expect(await checkConfirmationLimits(practice.id, details(email), NOW, uniqueIp())).toEqual({ ok: true });
    }
    const practice = await createPractice();
    const next = await checkConfirmationLimits(practice.id, details(email.toUpperCase()), NOW, uniqueIp());
    expect(next).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/sent to this email address/) });
    // Someone else's address is unaffected.
    expect(await checkConfirmationLimits(practice.id, details(uniqueEmail("other")), NOW, uniqueIp())).toEqual({ ok: true });
  });

  it(`one address may have at most ${BOOKING_LIMITS.awaitingPaymentPerEmail} bookings awaiting payment (each holds a time)`, async () => {
    const { practice, input } = await bookablePractice();
    const email = uniqueEmail("payer");
    const client = await createClient(practice, { email });
    for (let i = 0; i < BOOKING_LIMITS.awaitingPaymentPerEmail; i++) {
      const held = await holdSlot(practice.id, input(i), NOW);
      if (!held.ok) throw new Error("hold failed");
      await db.insert(appointmentAttendees).values({ practiceId: practice.id, appointmentId: held.appointmentId, clientId: client.id });
      expect(await awaitPayment(db, { practiceId: practice.id, appointmentId: held.appointmentId, now: NOW })).toBe(true);
    }
    const next = await checkConfirmationLimits(practice.id, details(email), NOW, uniqueIp());
    expect(next).toMatchObject({ ok: false, code: "rate_limited", message: `${email} already has bookings waiting for payment. Pay for one of them (see the email we sent), or try again once they are released.` });
  });
});

describe("the limits-sweep job", () => {
  it("deletes ended windows and claims of holds no longer live, and keeps the rest", async () => {
    const { practice, input } = await bookablePractice();
    const ip = uniqueIp();
    const live = await holdSlotWithinLimits(practice.id, input(0), NOW, ip);
    const ending = await holdSlotWithinLimits(practice.id, input(1), new Date(NOW.getTime() - HOLD_MINUTES * 60_000), ip);
    if (!live.ok || !ending.ok) throw new Error("holds failed");
    const tag = `sweep-test:${ip}`;
    await db.insert(rateLimits).values([
      { key: `${tag}:old`, points: 3, expire: new Date(Date.now() - 1000) },
      { key: `${tag}:current`, points: 3, expire: new Date(Date.now() + 60_000) },
    ]);
    const swept = await sweepLimits(new Date());
    expect(swept.windows).toBeGreaterThanOrEqual(1);
    expect((await db.select({ key: rateLimits.key }).from(rateLimits).where(like(rateLimits.key, `${tag}:%`))).map((r) => r.key)).toEqual([`${tag}:current`]);
    // NOW is in 2031: at the real clock both holds are live, so a sweep "at NOW + 1 minute" decides.
    await sweepLimits(new Date(NOW.getTime() + 60_000));
    const claims = await db.select({ id: holdClaims.appointmentId }).from(holdClaims).where(eq(holdClaims.ip, ip));
    expect(claims.map((c) => c.id)).toEqual([live.appointmentId]);
  });
});
