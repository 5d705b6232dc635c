import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, clients, couples, creditUses, emailMessages, packagePurchases, packages, payments, serviceBilling, stripeCustomers, users, type Client, type Practice } from "@/db/schema";
import { listOwnClientRecords } from "@/lib/auth/guards";
import { sendBillingNotifications } from "@/lib/billing/notifications";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { holdSlot } from "@/lib/booking/hold-slot";
import { createManageToken } from "@/lib/booking/manage-token";
import { listClients } from "@/lib/clients/list-clients";
import { createProofToken } from "@/lib/clients/proof-link";
import { previewProof, proveAddress } from "@/lib/clients/prove-address";
import { saveClient } from "@/lib/clients/save-client";
import { freeSlots, paidPractice } from "./helpers/billing-fixture";
import { auditEventsFor, createClient, createMember, createUser, scopeFor, uniqueEmail } from "./helpers/factories";
import { proofTokenFor, proveByEmail } from "./helpers/proof";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

let stripe: TestStandIn;
beforeAll(async () => {
  stripe = await startTestStandIn();
});
afterAll(async () => {
  await stripe.close();
});

/**
 * Maya and Leo: a couple the practice linked, both with portal access, a
 * couple package with credits for the service, and Maya's card on file.
 */
async function establishedCouple() {
  const ctx = await paidPractice();
  const mayaUser = await createUser({ email: uniqueEmail("maya") });
  const leoUser = await createUser({ email: uniqueEmail("leo") });
  const maya = await createClient(ctx.practice, { firstName: "Maya", lastName: "Stone", email: mayaUser.email, userId: mayaUser.id });
  const leo = await createClient(ctx.practice, { firstName: "Leo", lastName: "Stone", email: leoUser.email, userId: leoUser.id });
  const [a, b] = [maya.id, leo.id].sort() as [string, string];
  const [couple] = await db.insert(couples).values({ practiceId: ctx.practice.id, clientAId: a, clientBId: b }).returning();
  const [pkg] = await db
    .insert(packages)
    .values({ practiceId: ctx.practice.id, name: "Six sessions", sessionCount: 6, priceCents: 99000, currency: "USD", validMonths: 6, serviceIds: [ctx.service.id] })
    .returning();
  const [purchase] = await db
    .insert(packagePurchases)
    .values({ practiceId: ctx.practice.id, packageId: pkg!.id, clientId: maya.id, coupleId: couple!.id, credits: 6, activatedAt: new Date(), expiresAt: new Date(Date.now() + 90 * 86_400_000) })
    .returning();
  await db.insert(stripeCustomers).values({ practiceId: ctx.practice.id, clientId: maya.id, stripeCustomerId: `cus_maya_${maya.id.slice(0, 8)}`, paymentMethodId: "pm_maya", cardBrand: "visa", cardLast4: "1111", consentAt: new Date() });
  return { ...ctx, maya, leo, mayaUser, leoUser, couple: couple!, purchase: purchase! };
}

/** Everything about Maya that a typed address must never change. */
async function snapshotOf(practice: Practice, maya: Client) {
  return {
    maya: (await db.select().from(clients).where(eq(clients.id, maya.id)))[0],
    couples: await db.select().from(couples).where(eq(couples.practiceId, practice.id)),
    creditUses: await db.select().from(creditUses).where(eq(creditUses.practiceId, practice.id)),
    card: (await db.select().from(stripeCustomers).where(eq(stripeCustomers.clientId, maya.id)))[0],
    mayaAttends: await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.clientId, maya.id)),
  };
}

async function holdFirst(practice: Practice, serviceId: string, daysAhead = 3, index = 0) {
  const slots = await freeSlots(practice, serviceId, daysAhead);
  const hold = await holdSlot(practice.id, { serviceId, clinicianId: "any", start: new Date(slots[index]!.start).toISOString() }, new Date());
  if (!hold.ok) throw new Error(JSON.stringify(hold));
  return hold;
}

/** Nothing to pay online: the booking confirms at once and the confirmation goes out. */
async function freePractice(attendance: "couple" | "individual") {
  const ctx = await paidPractice({ attendance });
  await db.update(serviceBilling).set({ paymentMode: "none" }).where(eq(serviceBilling.serviceId, ctx.service.id));
  return ctx;
}

const strangerEmail = () => uniqueEmail("stranger");

describe("a public booking with an existing client's email and a stranger as partner", () => {
  it("changes nothing about the client: her record, couple, credits, card and portal users; the booking stands on its own", async () => {
    const { practice, service, maya, leo, mayaUser } = await establishedCouple();
    const before = await snapshotOf(practice, maya);
    const usersBefore = await db.select({ id: users.id }).from(users);
    const stranger = strangerEmail();
    const hold = await holdFirst(practice, service.id);

    // Asking for her credits anonymously is refused, and changes nothing.
    const greedy = await confirmBooking(
      practice.id,
      { holdToken: hold.holdToken, agreePolicy: true, useCredit: true, attendees: [{ firstName: "Maya", lastName: "Stone", email: maya.email }, { firstName: "Sam", lastName: "Stranger", email: stranger }] },
      new Date(),
    );
    expect(greedy).toEqual({ ok: false, code: "invalid", errors: { useCredit: ["Sign in to your portal to use your session credits"] } });
    expect((await db.select().from(appointments).where(eq(appointments.id, hold.appointmentId)))[0]!.status).toBe("held");

    // The attack as it was seen live: one anonymous POST.
    const result = await confirmBooking(
      practice.id,
      { holdToken: hold.holdToken, agreePolicy: true, payer: "me", attendees: [{ firstName: "Maya", lastName: "Stone", email: maya.email }, { firstName: "Sam", lastName: "Stranger", email: stranger }] },
      new Date(),
    );
    expect(result).toMatchObject({ ok: true, signedIn: false });
    if (!result.ok) throw new Error("booking failed");
    // Payment at booking still works: Checkout with the payer's own card, now.
    expect(result.payment?.checkoutUrl).toMatch(new RegExp(`^${stripe.url}/checkout/`));
    const [payment] = await db.select().from(payments).where(eq(payments.appointmentId, hold.appointmentId));
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    await sendBillingNotifications(new Date());
    // Booking confirmations travel through the appointment outbox, billing's emails through billing's.
    await runAppointmentEvents(new Date());

    expect(await snapshotOf(practice, maya)).toEqual(before);
    expect((await db.select({ id: users.id }).from(users)).length).toBe(usersBefore.length);
    expect(await db.select().from(users).where(eq(users.email, stranger))).toEqual([]);
    expect(await listOwnClientRecords(mayaUser.id)).toHaveLength(1);

    // The booking has its own two unverified attendees, no couple, no portal.
    const [appt] = await db.select().from(appointments).where(eq(appointments.id, hold.appointmentId));
    expect(appt).toMatchObject({ status: "confirmed", coupleId: null });
    const attendees = await db
      .select({ id: clients.id, email: clients.email, userId: clients.userId, unverifiedSince: clients.unverifiedSince, provenAt: appointmentAttendees.provenAt })
      .from(appointmentAttendees)
      .innerJoin(clients, eq(clients.id, appointmentAttendees.clientId))
      .where(eq(appointmentAttendees.appointmentId, hold.appointmentId));
    expect(attendees.map((a) => a.email).sort()).toEqual([maya.email, stranger].sort());
    expect(attendees.every((a) => a.id !== maya.id && a.id !== leo.id && a.userId === null && a.unverifiedSince !== null && a.provenAt === null)).toBe(true);
    expect(payment!.clientId).not.toBe(maya.id);
    // The card paid with at booking is kept on the booking's own record, not on hers.
    const [bookingCard] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.clientId, payment!.clientId));
    expect(bookingCard!.cardLast4).toBe("4242");

    // Staff see the booking's records as unverified.
    const owner = await createMember(practice, { role: "owner" });
    const listed = (await listClients(scopeFor(owner))).rows;
    expect(listed.filter((r) => r.unverified).map((r) => r.email).sort()).toEqual([maya.email, stranger].sort());
    expect(listed.find((r) => r.id === maya.id)).toMatchObject({ unverified: false, hasPortal: true, partner: { id: leo.id } });

    // Each attendee got their own confirmation with their own proof link; no clinical detail.
    const mayaToken = await proofTokenFor(maya.email!);
    const strangerToken = await proofTokenFor(stranger);
    expect(mayaToken).not.toBe(strangerToken);
  });

  it("after the real client confirms her address, the booking joins her record; the stranger never gets into her couple or her portal", async () => {
    const { practice, service, maya, leo, mayaUser, couple } = await establishedCouple();
    const stranger = strangerEmail();
    const hold = await holdFirst(practice, service.id);
    const booked = await confirmBooking(
      practice.id,
      { holdToken: hold.holdToken, agreePolicy: true, payer: "partner", attendees: [{ firstName: "Maya", lastName: "Stone", email: maya.email }, { firstName: "Sam", lastName: "Stranger", email: stranger }] },
      new Date(),
    );
    if (!booked.ok) throw new Error("booking failed");
    // The stranger was the payer: their own checkout, their own link.
    const [payment] = await db.select().from(payments).where(eq(payments.appointmentId, hold.appointmentId));
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    await sendBillingNotifications(new Date());
    // Booking confirmations travel through the appointment outbox, billing's emails through billing's.
    await runAppointmentEvents(new Date());
    const mayaCardBefore = (await db.select().from(stripeCustomers).where(eq(stripeCustomers.clientId, maya.id)))[0];

    // Maya opens her own link and confirms.
    const token = await proofTokenFor(maya.email!);
    expect(await previewProof(token, new Date())).toMatchObject({ ok: true, firstName: "Maya", email: maya.email });
    const proven = await proveAddress(token, new Date());
    expect(proven).toMatchObject({ ok: true, clientId: maya.id, merged: true, portal: true, coupleLinked: false, waitingForPartner: true });
    const attendees = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, hold.appointmentId));
    expect(attendees.map((a) => a.clientId)).toContain(maya.id);
    expect(await db.select().from(clients).where(and(eq(clients.practiceId, practice.id), eq(clients.email, maya.email!)))).toHaveLength(1);
    expect((await db.select().from(stripeCustomers).where(eq(stripeCustomers.clientId, maya.id)))[0]).toEqual(mayaCardBefore);
    expect((await db.select().from(appointments).where(eq(appointments.id, hold.appointmentId)))[0]!.coupleId).toBeNull();
    expect(await auditEventsFor(practice.id, "client.address_proven")).toHaveLength(1);

    // The link works once.
    expect(await proveAddress(token, new Date())).toEqual({ ok: false, code: "used" });
    expect(await previewProof(token, new Date())).toEqual({ ok: false, code: "used" });

    // The stranger proves their own address: their own record and portal, never her couple.
    const strangerResult = await proveByEmail(stranger);
    expect(strangerResult).toMatchObject({ merged: false, portal: true, coupleLinked: false });
    const [strangerUser] = await db.select().from(users).where(eq(users.email, stranger));
    const theirs = await listOwnClientRecords(strangerUser!.id);
    expect(theirs.map((r) => r.client.id)).toEqual([strangerResult.clientId]);
    expect(await db.select().from(couples).where(eq(couples.practiceId, practice.id))).toEqual([couple]);
    expect(await db.select().from(couples).where(or(eq(couples.clientAId, strangerResult.clientId), eq(couples.clientBId, strangerResult.clientId)))).toEqual([]);
    expect((await db.select().from(appointments).where(eq(appointments.id, hold.appointmentId)))[0]!.coupleId).toBeNull();
    expect(await listOwnClientRecords(mayaUser.id)).toHaveLength(1);
    expect(leo.id).not.toBe(strangerResult.clientId);
  });

  it("a typed address of a staff member creates no account link and no client for that user", async () => {
    const ctx = await paidPractice({ attendance: "individual" });
    const clinician = await createMember(ctx.practice, { role: "clinician" });
    const hold = await holdFirst(ctx.practice, ctx.service.id);
    const result = await confirmBooking(ctx.practice.id, { holdToken: hold.holdToken, agreePolicy: true, attendees: [{ firstName: "X", lastName: "Y", email: clinician.user.email }] }, new Date());
    expect(result.ok).toBe(true);
    expect(await listOwnClientRecords(clinician.user.id)).toEqual([]);
    const [made] = await db.select().from(clients).where(eq(clients.practiceId, ctx.practice.id));
    expect(made).toMatchObject({ userId: null, email: clinician.user.email });
    expect(made!.unverifiedSince).not.toBeNull();
  });
});

describe("the proof link", () => {
  it("refuses a forged, expired or other-purpose token and an address that no longer matches, changing nothing", async () => {
    const ctx = await freePractice("individual");
    const email = uniqueEmail("jo");
    const hold = await holdFirst(ctx.practice, ctx.service.id);
    await confirmBooking(ctx.practice.id, { holdToken: hold.holdToken, agreePolicy: true, attendees: [{ firstName: "Jo", lastName: "Kay", email }] }, new Date());
    const [record] = await db.select().from(clients).where(eq(clients.practiceId, ctx.practice.id));
    const token = await proofTokenFor(email);
    expect(await proveAddress(`${token.slice(0, -2)}xx`, new Date())).toEqual({ ok: false, code: "invalid" });
    expect(await proveAddress(token, new Date(Date.now() + 8 * 86_400_000))).toEqual({ ok: false, code: "expired" });
    const manage = createManageToken({ appointmentId: hold.appointmentId, clientId: record!.id, expiresAt: new Date(Date.now() + 86_400_000) });
    expect(await proveAddress(manage, new Date())).toEqual({ ok: false, code: "invalid" });
    const otherAddress = createProofToken({ clientId: record!.id, email: uniqueEmail("other"), expiresAt: new Date(Date.now() + 86_400_000) });
    expect(await proveAddress(otherAddress, new Date())).toEqual({ ok: false, code: "invalid" });
    expect((await db.select().from(clients).where(eq(clients.id, record!.id)))[0]).toEqual(record);
    expect(await db.select().from(users).where(eq(users.email, email))).toEqual([]);
    // Staff cannot open a portal for the typed address either.
    const owner = await createMember(ctx.practice, { role: "owner" });
    expect(await saveClient(scopeFor(owner), record!.id, { firstName: "Jo", lastName: "Kay", email, portalAccess: true })).toMatchObject({ ok: false, errors: { portalAccess: [expect.stringContaining("not confirmed")] } });
    // The real link still works afterwards: a new client gets their portal.
    expect(await proveAddress(token, new Date())).toMatchObject({ ok: true, clientId: record!.id, merged: false, portal: true });
    const [after] = await db.select().from(clients).where(eq(clients.id, record!.id));
    expect(after!.unverifiedSince).toBeNull();
    expect(after!.userId).not.toBeNull();
  });

  it("a new couple is linked only once both partners have confirmed, each with their own link", async () => {
    const ctx = await freePractice("couple");
    const [ana, ben] = [uniqueEmail("ana"), uniqueEmail("ben")];
    const hold = await holdFirst(ctx.practice, ctx.service.id);
    await confirmBooking(ctx.practice.id, { holdToken: hold.holdToken, agreePolicy: true, attendees: [{ firstName: "Ana", lastName: "R", email: ana }, { firstName: "Ben", lastName: "R", email: ben }] }, new Date());
    expect(await db.select().from(couples).where(eq(couples.practiceId, ctx.practice.id))).toEqual([]);
    expect(await proveByEmail(ana)).toMatchObject({ coupleLinked: false, waitingForPartner: true });
    expect(await db.select().from(couples).where(eq(couples.practiceId, ctx.practice.id))).toEqual([]);
    expect(await proveByEmail(ben)).toMatchObject({ coupleLinked: true, waitingForPartner: false });
    const [couple] = await db.select().from(couples).where(eq(couples.practiceId, ctx.practice.id));
    expect((await db.select().from(appointments).where(eq(appointments.id, hold.appointmentId)))[0]!.coupleId).toBe(couple!.id);
    expect(await auditEventsFor(ctx.practice.id, "couple.create")).toHaveLength(1);
  });

  it("two partners confirming at the same moment still end up linked once", async () => {
    const ctx = await freePractice("couple");
    const [ana, ben] = [uniqueEmail("ana"), uniqueEmail("ben")];
    const hold = await holdFirst(ctx.practice, ctx.service.id);
    await confirmBooking(ctx.practice.id, { holdToken: hold.holdToken, agreePolicy: true, attendees: [{ firstName: "Ana", lastName: "R", email: ana }, { firstName: "Ben", lastName: "R", email: ben }] }, new Date());
    const tokens = await Promise.all([proofTokenFor(ana), proofTokenFor(ben)]);
    const results = await Promise.all(tokens.map((t) => proveAddress(t, new Date())));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.select().from(couples).where(eq(couples.practiceId, ctx.practice.id))).toHaveLength(1);
  });
});

describe("a signed-in returning client", () => {
  it("books from the portal with a couple credit; the partner confirms for themselves and the booking joins the couple", async () => {
    const { practice, service, maya, leo, mayaUser, couple, purchase } = await establishedCouple();
    const hold = await holdFirst(practice, service.id);
    const result = await confirmBooking(
      practice.id,
      // What was typed for "you" is ignored: the session says who books.
      { holdToken: hold.holdToken, agreePolicy: true, useCredit: true, attendees: [{ firstName: "Typed", lastName: "Over", email: uniqueEmail("typed") }, { firstName: "Leo", lastName: "Stone", email: leo.email }] },
      new Date(),
      { userId: mayaUser.id },
    );
    expect(result).toMatchObject({ ok: true, signedIn: true, credit: true });
    expect(result.ok && result.payment).toBeFalsy();
    expect(result.ok && result.attendeeEmails).toEqual([maya.email, leo.email]);
    const [appt] = await db.select().from(appointments).where(eq(appointments.id, hold.appointmentId));
    expect(appt!.status).toBe("confirmed");
    expect(await db.select().from(payments).where(eq(payments.appointmentId, hold.appointmentId))).toEqual([]);
    expect(await db.select().from(creditUses).where(and(eq(creditUses.purchaseId, purchase.id), isNull(creditUses.returnedAt)))).toHaveLength(1);
    const attendees = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, hold.appointmentId));
    expect(attendees.find((a) => a.clientId === maya.id)?.provenAt).not.toBeNull();
    // Leo is not attached until he confirms: a typed address, even his.
    expect(attendees.map((a) => a.clientId)).not.toContain(leo.id);
    expect(await db.select().from(emailMessages).where(and(eq(emailMessages.to, maya.email!), eq(emailMessages.template, "booking-confirmation")))).toHaveLength(1);
    expect((await db.select().from(emailMessages).where(eq(emailMessages.to, maya.email!)))[0]!.text).not.toContain("/confirm-email/");

    expect(await proveByEmail(leo.email!)).toMatchObject({ clientId: leo.id, merged: true, coupleLinked: true });
    const after = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, hold.appointmentId));
    expect(after.map((a) => a.clientId).sort()).toEqual([maya.id, leo.id].sort());
    expect((await db.select().from(appointments).where(eq(appointments.id, hold.appointmentId)))[0]!.coupleId).toBe(couple.id);
    expect(await db.select().from(couples).where(eq(couples.practiceId, practice.id))).toEqual([couple]);
  });

  it("a session of someone without a record here, or a credit that does not cover the service, spends nothing", async () => {
    const { practice, service, maya, purchase } = await establishedCouple();
    const outsider = await createUser({ email: uniqueEmail("outsider") });
    const hold = await holdFirst(practice, service.id);
    const people = [{ firstName: "Maya", lastName: "Stone", email: maya.email }, { firstName: "Sam", lastName: "S", email: strangerEmail() }];
    expect(await confirmBooking(practice.id, { holdToken: hold.holdToken, agreePolicy: true, useCredit: true, attendees: people }, new Date(), { userId: outsider.id })).toMatchObject({
      ok: false,
      code: "invalid",
      errors: { useCredit: [expect.any(String)] },
    });
    // Signed in as Maya but the credits are used up: refused, the hold stands.
    await db.update(packagePurchases).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(packagePurchases.id, purchase.id));
    const mayaUserId = maya.userId!;
    expect(await confirmBooking(practice.id, { holdToken: hold.holdToken, agreePolicy: true, useCredit: true, attendees: people }, new Date(), { userId: mayaUserId })).toEqual({
      ok: false,
      code: "invalid",
      errors: { useCredit: ["You have no session credit left for this service"] },
    });
    expect((await db.select().from(appointments).where(eq(appointments.id, hold.appointmentId)))[0]!.status).toBe("held");
    expect(await db.select().from(creditUses).where(eq(creditUses.practiceId, practice.id))).toEqual([]);
    expect(await db.select().from(appointmentAttendees).where(inArray(appointmentAttendees.appointmentId, [hold.appointmentId]))).toEqual([]);
  });
});
