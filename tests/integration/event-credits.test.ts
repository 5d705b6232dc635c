import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { clients, creditUses, eventNotices, eventRegistrations, eventWaitlist, groupEvents, packagePurchases, packages, payments, services, type Practice } from "@/db/schema";
import { eventCreditsLeft } from "@/lib/billing/event-credits";
import { createEvent, loadEventRoster } from "@/lib/events/manage-events";
import { loadPublicEvent } from "@/lib/events/public-events";
import { acceptOffer, cancelEventSeats, cancelRegistration, cancelRegistrationById, signUp } from "@/lib/events/seats";
import { createClient, createPracticeWithOwner, createUser, uniqueEmail } from "./helpers/factories";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

/**
 * Group events paid with package credits (decision 0060): one credit a seat,
 * spent in the sign-up's transaction, given back within the policy or when
 * the event is cancelled, never spent twice.
 */

let stripe: TestStandIn;
beforeAll(async () => {
  stripe = await startTestStandIn();
});
afterAll(async () => {
  await stripe.close();
});

function local(daysAhead: number): string {
  const d = new Date(Date.now() + daysAhead * 86_400_000);
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).format(d).replace(" ", "T");
}

async function creditPractice() {
  const { practice, owner, scope } = await createPracticeWithOwner();
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Couples session", durationMinutes: 50, priceCents: 15000, format: "online", attendance: "couple", minNoticeMinutes: 60, horizonDays: 30, slotStepMinutes: 60 })
    .returning();
  const [pkg] = await db.insert(packages).values({ practiceId: practice.id, name: "Five-class pass", sessionCount: 5, priceCents: 20000, currency: "USD", validMonths: 6, serviceIds: [service!.id] }).returning();
  return { practice, owner, scope, packageId: pkg!.id };
}

async function newEvent(ctx: Awaited<ReturnType<typeof creditPractice>>, options: { capacity: number; price?: string; creditPackageId?: string }) {
  const created = await createEvent(
    ctx.scope,
    {
      title: "Reconnecting after a baby: a class",
      description: "",
      format: "online",
      joinUrl: "https://meet.example/class",
      capacity: options.capacity,
      price: options.price ?? "",
      creditPackageId: options.creditPackageId ?? ctx.packageId,
      signupCutoff: local(4),
      cancellationHours: 24,
      cancellationPolicy: "",
      sessions: [{ startsAt: local(5), durationMinutes: 60 }],
      hostIds: [ctx.owner.member.id],
    },
    new Date(),
  );
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.eventId;
}

/** A client signed in to their portal (a verified record with a user), holding `credits` of the package. */
async function holder(practice: Practice, packageId: string, credits: number, label: string) {
  const email = uniqueEmail(label);
  const user = await createUser({ email });
  const client = await createClient(practice, { firstName: label, lastName: "Holder", email, userId: user.id });
  if (credits > 0) {
    await db.insert(packagePurchases).values({ practiceId: practice.id, packageId, clientId: client.id, credits, activatedAt: new Date(), expiresAt: new Date(Date.now() + 180 * 86_400_000) });
  }
  return { user, client, email, me: { firstName: label, lastName: "Holder", email } };
}

const partner = (label: string) => ({ firstName: label, lastName: "Partner", email: uniqueEmail(label) });
const left = (practiceId: string, packageId: string, clientId: string) => eventCreditsLeft({ practiceId, packageId, clientId, now: new Date() });
const seatsTaken = async (eventId: string) => (await db.select({ n: groupEvents.seatsTaken }).from(groupEvents).where(eq(groupEvents.id, eventId)))[0]!.n;
const clientCount = async (practiceId: string) => (await db.select({ n: sql<number>`count(*)::int` }).from(clients).where(eq(clients.practiceId, practiceId)))[0]!.n;

describe("an event paid with package credits", () => {
  it("a signed-in holder signs up with one credit a seat, confirmed at once, no payment; the public page names the package", async () => {
    const ctx = await creditPractice();
    const eventId = await newEvent(ctx, { capacity: 5 });
    const ana = await holder(ctx.practice, ctx.packageId, 3, "ana");
    const shown = await loadPublicEvent(ctx.practice.id, eventId, new Date());
    expect(shown!.creditPackage).toEqual({ id: ctx.packageId, name: "Five-class pass" });
    expect(shown!.priceCents).toBeNull();

    const result = await signUp(ctx.practice.id, eventId, { kind: "couple", attendees: [ana.me, partner("ben")], agreePolicy: true, useCredit: true }, new Date(), { userId: ana.user.id });
    expect(result.ok && result.status).toBe("confirmed");
    expect(result.ok && result.status === "confirmed" && result.credits).toBe(2);
    expect(await seatsTaken(eventId)).toBe(2);
    expect(await left(ctx.practice.id, ctx.packageId, ana.client.id)).toBe(1);
    const [reg] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId));
    // The registration is Ana's own record, not a copy made from what was typed.
    expect(reg!.clientId).toBe(ana.client.id);
    const uses = await db.select().from(creditUses).where(eq(creditUses.eventRegistrationId, reg!.id));
    expect(uses.map((u) => u.seat).sort()).toEqual([1, 2]);
    expect(await db.select().from(payments).where(eq(payments.eventRegistrationId, reg!.id))).toHaveLength(0);
    const roster = await loadEventRoster(ctx.scope, eventId);
    expect(roster!.registrations[0]!.creditsUsed).toBe(2);
    expect(roster!.creditPackageName).toBe("Five-class pass");
  });

  it("is refused with a named field, writing nothing: without a portal session, without enough credits, or for an event that takes none", async () => {
    const ctx = await creditPractice();
    const eventId = await newEvent(ctx, { capacity: 5 });
    const before = await clientCount(ctx.practice.id);
    const anonymous = await signUp(ctx.practice.id, eventId, { kind: "individual", attendees: [partner("anon")], agreePolicy: true }, new Date());
    expect(anonymous).toMatchObject({ ok: false, code: "invalid", errors: { useCredit: [expect.stringMatching(/sign in/i)] } });
    const typedCredit = await signUp(ctx.practice.id, eventId, { kind: "individual", attendees: [partner("anon2")], agreePolicy: true, useCredit: true }, new Date());
    expect(typedCredit).toMatchObject({ ok: false, errors: { useCredit: [expect.stringMatching(/sign in/i)] } });

    const cy = await holder(ctx.practice, ctx.packageId, 1, "cy");
    const pair = await signUp(ctx.practice.id, eventId, { kind: "couple", attendees: [cy.me, partner("dee")], agreePolicy: true, useCredit: true }, new Date(), { userId: cy.user.id });
    expect(pair).toMatchObject({ ok: false, errors: { useCredit: ["Two seats need two package credits, and you have fewer left"] } });

    const free = await newEvent(ctx, { capacity: 5, creditPackageId: "" });
    const notTaken = await signUp(ctx.practice.id, free, { kind: "individual", attendees: [cy.me], agreePolicy: true, useCredit: true }, new Date(), { userId: cy.user.id });
    expect(notTaken).toMatchObject({ ok: false, errors: { useCredit: ["This event does not take package credits"] } });

    expect(await seatsTaken(eventId)).toBe(0);
    expect(await clientCount(ctx.practice.id)).toBe(before + 1); // Cy's own record, made by the test
    expect(await left(ctx.practice.id, ctx.packageId, cy.client.id)).toBe(1);
  });

  it("two sign-ups at once by one holder with one credit left: exactly one seat, one credit spent", async () => {
    const ctx = await creditPractice();
    const eventId = await newEvent(ctx, { capacity: 10 });
    const eve = await holder(ctx.practice, ctx.packageId, 1, "eve");
    const body = { kind: "individual", attendees: [eve.me], agreePolicy: true, useCredit: true };
    const results = await Promise.all(Array.from({ length: 4 }, () => signUp(ctx.practice.id, eventId, body, new Date(), { userId: eve.user.id })));
    expect(results.filter((r) => r.ok && r.status === "confirmed")).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "invalid")).toHaveLength(3);
    expect(await seatsTaken(eventId)).toBe(1);
    expect(await db.select().from(creditUses).where(and(eq(creditUses.practiceId, ctx.practice.id), isNull(creditUses.returnedAt)))).toHaveLength(1);
  });

  it("cancelling within the policy returns the credits; after it they stay spent; a cancelled event returns them once", async () => {
    const ctx = await creditPractice();
    const eventId = await newEvent(ctx, { capacity: 5 });
    const fay = await holder(ctx.practice, ctx.packageId, 4, "fay");
    const gus = await holder(ctx.practice, ctx.packageId, 2, "gus");
    const hal = await holder(ctx.practice, ctx.packageId, 2, "hal");
    const sign = (h: typeof fay) => signUp(ctx.practice.id, eventId, { kind: "individual", attendees: [h.me], agreePolicy: true, useCredit: true }, new Date(), { userId: h.user.id });
    const f = await sign(fay);
    const g = await sign(gus);
    const h = await sign(hal);
    expect([f, g, h].map((r) => r.ok && r.status)).toEqual(["confirmed", "confirmed", "confirmed"]);

    // Fay cancels from her email's link in time: her credit comes back, and her email says so.
    const tokenOf = async (registrationId: string) => {
      const [n] = await db.select().from(eventNotices).where(and(eq(eventNotices.registrationId, registrationId), eq(eventNotices.kind, "confirmed")));
      return new URL(String(n!.data.actionUrl)).searchParams.get("t")!;
    };
    const fReg = (f as { registrationId: string }).registrationId;
    expect(await cancelRegistration(ctx.practice.id, await tokenOf(fReg), new Date())).toEqual({ ok: true, refunded: false, creditsReturned: 1 });
    expect(await left(ctx.practice.id, ctx.packageId, fay.client.id)).toBe(4);
    const [notice] = await db.select().from(eventNotices).where(and(eq(eventNotices.registrationId, fReg), eq(eventNotices.kind, "registration-cancelled")));
    expect(notice!.data.creditsReturned).toBe(1);

    // Gus cancels inside the 24 hours before the date: the seat frees, the credit stays spent.
    const late = new Date(Date.now() + 4.5 * 86_400_000);
    const gReg = (g as { registrationId: string }).registrationId;
    expect(await cancelRegistration(ctx.practice.id, await tokenOf(gReg), late)).toEqual({ ok: true, refunded: false, creditsReturned: 0 });
    expect(await left(ctx.practice.id, ctx.packageId, gus.client.id)).toBe(1);
    expect(await seatsTaken(eventId)).toBe(1);

    // The practice cancels the event: Hal's credit comes back; cancelling again returns nothing more.
    const first = await cancelEventSeats(ctx.practice.id, eventId, { userId: ctx.scope.user.id }, new Date());
    expect(first).toMatchObject({ ok: true, alreadyCancelled: false, refunded: 0, creditsReturned: 1, notified: 1 });
    const again = await cancelEventSeats(ctx.practice.id, eventId, { userId: ctx.scope.user.id }, new Date());
    expect(again).toMatchObject({ ok: true, alreadyCancelled: true, creditsReturned: 0 });
    expect(await left(ctx.practice.id, ctx.packageId, hal.client.id)).toBe(2);
    expect(await left(ctx.practice.id, ctx.packageId, gus.client.id)).toBe(1);
  });

  it("a paid event that also takes credits: a holder may use a credit instead of paying; without it they go to Checkout", async () => {
    const ctx = await creditPractice();
    const eventId = await newEvent(ctx, { capacity: 5, price: "45" });
    const ivy = await holder(ctx.practice, ctx.packageId, 2, "ivy");
    const byCredit = await signUp(ctx.practice.id, eventId, { kind: "individual", attendees: [ivy.me], agreePolicy: true, useCredit: true }, new Date(), { userId: ivy.user.id });
    expect(byCredit.ok && byCredit.status).toBe("confirmed");
    const byCard = await signUp(ctx.practice.id, eventId, { kind: "individual", attendees: [ivy.me], agreePolicy: true }, new Date(), { userId: ivy.user.id });
    expect(byCard.ok && byCard.status).toBe("awaiting_payment");
    expect(await left(ctx.practice.id, ctx.packageId, ivy.client.id)).toBe(1);
  });

  it("a waitlist offer on a credit event spends the credits when taken; with none left it is refused and the place stays held", async () => {
    const ctx = await creditPractice();
    const eventId = await newEvent(ctx, { capacity: 1 });
    const jo = await holder(ctx.practice, ctx.packageId, 1, "jo");
    const kim = await holder(ctx.practice, ctx.packageId, 1, "kim");
    const sign = (h: typeof jo, ev = eventId) => signUp(ctx.practice.id, ev, { kind: "individual", attendees: [h.me], agreePolicy: true, useCredit: true }, new Date(), { userId: h.user.id });
    const j = await sign(jo);
    const k = await sign(kim);
    expect([j.ok && j.status, k.ok && k.status]).toEqual(["confirmed", "waitlisted"]);
    // Kim spends her only credit elsewhere while she waits.
    const other = await newEvent(ctx, { capacity: 5 });
    expect((await sign(kim, other)).ok).toBe(true);

    await cancelRegistrationById(ctx.practice.id, (j as { registrationId: string }).registrationId, { kind: "member", userId: ctx.scope.user.id }, new Date());
    const [offer] = await db.select().from(eventNotices).where(and(eq(eventNotices.practiceId, ctx.practice.id), eq(eventNotices.kind, "offer")));
    const token = new URL(String(offer!.data.actionUrl)).searchParams.get("t")!;
    const refused = await acceptOffer(ctx.practice.id, token, new Date());
    expect(refused).toMatchObject({ ok: false, code: "conflict", reason: "no_credit" });
    const [held] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, offer!.registrationId!));
    expect(held!.status).toBe("held");

    // She cancels the other place in time (the credit comes back) and takes the offer with it.
    const [otherReg] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, other));
    await cancelRegistrationById(ctx.practice.id, otherReg!.id, { kind: "member", userId: ctx.scope.user.id }, new Date());
    const taken = await acceptOffer(ctx.practice.id, token, new Date());
    expect(taken.ok && taken.status).toBe("confirmed");
    expect(await left(ctx.practice.id, ctx.packageId, kim.client.id)).toBe(0);
    const [wl] = await db.select().from(eventWaitlist).where(eq(eventWaitlist.eventId, eventId));
    expect(wl!.status).toBe("accepted");
  });

  it("the database keeps one subject per credit and one live credit per seat", async () => {
    const ctx = await creditPractice();
    const eventId = await newEvent(ctx, { capacity: 5 });
    const lu = await holder(ctx.practice, ctx.packageId, 5, "lu");
    const r = await signUp(ctx.practice.id, eventId, { kind: "individual", attendees: [lu.me], agreePolicy: true, useCredit: true }, new Date(), { userId: lu.user.id });
    const regId = (r as { registrationId: string }).registrationId;
    const [purchase] = await db.select().from(packagePurchases).where(eq(packagePurchases.clientId, lu.client.id));
    await expect(db.insert(creditUses).values({ practiceId: ctx.practice.id, purchaseId: purchase!.id, eventRegistrationId: regId, seat: 1 })).rejects.toMatchObject({
      cause: { constraint_name: "credit_uses_event_seat_live_key" },
    });
    await expect(db.insert(creditUses).values({ practiceId: ctx.practice.id, purchaseId: purchase!.id })).rejects.toMatchObject({ cause: { constraint_name: "credit_uses_subject" } });
    await expect(db.insert(creditUses).values({ practiceId: ctx.practice.id, purchaseId: purchase!.id, eventRegistrationId: regId, seat: 3 })).rejects.toMatchObject({ cause: { constraint_name: "credit_uses_subject" } });
  });

  it("staff can only take credits from their own practice's packages", async () => {
    const ctx = await creditPractice();
    const elsewhere = await creditPractice();
    const created = await createEvent(
      ctx.scope,
      {
        title: "Class",
        format: "online",
        capacity: 5,
        price: "",
        creditPackageId: elsewhere.packageId,
        signupCutoff: local(4),
        cancellationHours: 24,
        sessions: [{ startsAt: local(5), durationMinutes: 60 }],
        hostIds: [ctx.owner.member.id],
      },
      new Date(),
    );
    expect(created).toMatchObject({ ok: false, errors: { creditPackageId: ["Choose one of your practice's packages"] } });
    expect(await db.select().from(groupEvents).where(eq(groupEvents.practiceId, ctx.practice.id))).toHaveLength(0);
  });
});
