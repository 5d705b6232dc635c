import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointmentEvents, appointments, clients, emailMessages, payments, stripeCustomers, stripeEvents } from "@/db/schema";
import { releasePaymentHolds, reconcilePayments } from "@/lib/billing/jobs";
import { sendBillingNotifications } from "@/lib/billing/notifications";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { expireCheckout, syncCheckoutSession } from "@/lib/billing/sync-payments";
import { signPayload } from "@/dev/stripe-standin/server";
import { holdSlot } from "@/lib/booking/hold-slot";
import { POST as webhookRoute } from "@/app/api/stripe/webhook/route";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { confirmWithoutPayment } from "@/lib/billing/staff-confirm";
import { bookPaid, freeSlots, paidPractice } from "./helpers/billing-fixture";
import { auditEventsFor } from "./helpers/factories";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

let stripe: TestStandIn;
beforeAll(async () => {
  stripe = await startTestStandIn();
});
afterAll(async () => {
  await stripe.close();
});

const paymentsOf = (appointmentId: string) => db.select().from(payments).where(eq(payments.appointmentId, appointmentId)).orderBy(asc(payments.splitPart));
const appointmentStatus = async (id: string) => (await db.select({ s: appointments.status }).from(appointments).where(eq(appointments.id, id)))[0]!.s;
const mailTo = (to: string) => db.select().from(emailMessages).where(eq(emailMessages.to, to));

describe("paying at booking", () => {
  it("a couple splits the price: the booking waits for both halves, then confirms once and emails each partner", async () => {
    const { practice, service } = await paidPractice();
    const booked = await bookPaid(practice, service.id, { payer: "split" });
    expect(booked.payment?.checkoutUrl).toMatch(new RegExp(`^${stripe.url}/checkout/cs_test_`));
    expect(booked.payment?.partnerEmailed).toBe(true);
    expect(await appointmentStatus(booked.appointmentId)).toBe("pending_payment");

    const [first, second] = await paymentsOf(booked.appointmentId);
    // 19001 split: the odd cent goes to the first half; the halves add up.
    expect([first!.amountCents, second!.amountCents]).toEqual([9501, 9500]);
    expect(first!.stripeCheckoutSessionId).toBeTruthy();
    expect(second!.stripeCheckoutSessionId).toBeTruthy();
    // The hold lasts as long as the checkouts can be paid.
    const [appt] = await db.select().from(appointments).where(eq(appointments.id, booked.appointmentId));
    expect(appt!.holdExpiresAt!.getTime()).toBe(second!.checkoutExpiresAt!.getTime());

    await sendBillingNotifications(new Date());

    // Booking confirmations travel through the appointment outbox, billing's emails through billing's.

    await runAppointmentEvents(new Date());
    const [ana, ben] = booked.people;
    expect((await mailTo(ben!.email)).map((m) => m.template)).toEqual(["billing-payment-link"]);
    expect(await mailTo(ana!.email)).toEqual([]);

    const redirect = await stripe.checkout(first!.stripeCheckoutSessionId!, "pay");
    expect(redirect).toContain(`/pay/return?session_id=${first!.stripeCheckoutSessionId}`);
    await stripe.settled();
    expect((await paymentsOf(booked.appointmentId)).map((p) => p.status)).toEqual(["succeeded", "pending"]);
    expect(await appointmentStatus(booked.appointmentId)).toBe("pending_payment");

    await stripe.checkout(second!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    expect(await appointmentStatus(booked.appointmentId)).toBe("confirmed");
    expect(stripe.responses.every((r) => r.status === 200)).toBe(true);

    // Replayed deliveries change nothing and send nothing more.
    await sendBillingNotifications(new Date());
    // Booking confirmations travel through the appointment outbox, billing's emails through billing's.
    await runAppointmentEvents(new Date());
    const before = (await mailTo(ana!.email)).length + (await mailTo(ben!.email)).length;
    for (const d of [...stripe.deliveries]) expect((await stripe.redeliver(d)).status).toBe(200);
    await sendBillingNotifications(new Date());
    // Booking confirmations travel through the appointment outbox, billing's emails through billing's.
    await runAppointmentEvents(new Date());
    expect((await mailTo(ana!.email)).length + (await mailTo(ben!.email)).length).toBe(before);
    expect((await mailTo(ana!.email)).map((m) => m.template).sort()).toEqual(["billing-receipt", "booking-confirmation"]);
    expect((await mailTo(ben!.email)).map((m) => m.template).sort()).toEqual(["billing-payment-link", "billing-receipt", "booking-confirmation"]);

    // The card each paid with is kept (the page showed the consent) for policy fees.
    const cards = await db.select().from(stripeCustomers).where(inArray(stripeCustomers.clientId, [first!.clientId, second!.clientId]));
    expect(cards.map((c) => c.cardLast4)).toEqual(["4242", "4242"]);
    expect(cards.every((c) => c.consentAt && c.paymentMethodId)).toBe(true);
    expect(await auditEventsFor(practice.id, "appointment.paid")).toHaveLength(1);
  });

  it("staff may confirm a split booking before the second half is paid; the half paid later still counts", async () => {
    const { practice, owner, service } = await paidPractice();
    const booked = await bookPaid(practice, service.id, { payer: "split" });
    const [first, second] = await paymentsOf(booked.appointmentId);
    await stripe.checkout(first!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    expect(await confirmWithoutPayment({ practiceId: practice.id, appointmentId: booked.appointmentId, actorUserId: owner.user.id }, new Date())).toMatchObject({ ok: true });
    expect(await appointmentStatus(booked.appointmentId)).toBe("confirmed");
    expect(await confirmWithoutPayment({ practiceId: practice.id, appointmentId: booked.appointmentId, actorUserId: owner.user.id }, new Date())).toMatchObject({ ok: false });
    await stripe.checkout(second!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    expect((await paymentsOf(booked.appointmentId)).map((p) => p.status)).toEqual(["succeeded", "succeeded"]);
    expect(await appointmentStatus(booked.appointmentId)).toBe("confirmed");
    const confirmations = await db.select().from(appointmentEvents).where(and(eq(appointmentEvents.appointmentId, booked.appointmentId), eq(appointmentEvents.kind, "confirmed")));
    expect(confirmations).toHaveLength(1);
    expect(await auditEventsFor(practice.id, "appointment.confirm_unpaid")).toHaveLength(1);
  });

  it("one partner pays the whole: one payment, nothing for the other partner to pay", async () => {
    const { practice, service } = await paidPractice();
    const booked = await bookPaid(practice, service.id, { payer: "me" });
    const parts = await paymentsOf(booked.appointmentId);
    expect(parts.map((p) => [p.amountCents, p.splitPart])).toEqual([[19001, null]]);
    const [booker] = await db.select().from(clients).where(eq(clients.email, booked.people[0]!.email));
    expect(parts[0]!.clientId).toBe(booker!.id);
    expect(booked.payment?.partnerEmailed).toBe(false);
    // Held for Stripe's minimum checkout life when the booker pays now.
    const minutes = (parts[0]!.checkoutExpiresAt!.getTime() - parts[0]!.createdAt.getTime()) / 60_000;
    expect(Math.round(minutes)).toBe(30);
  });

  it("a declined card leaves the booking waiting; abandoning the checkout frees the time at once", async () => {
    const { practice, service } = await paidPractice({ attendance: "individual" });
    const person = [{ firstName: "Cal", lastName: "Ng", email: `cal-${practice.slug}@example.test` }];
    const booked = await bookPaid(practice, service.id, { people: person });
    const [payment] = await paymentsOf(booked.appointmentId);
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "decline");
    await stripe.settled();
    expect(await appointmentStatus(booked.appointmentId)).toBe("pending_payment");

    const back = await stripe.checkout(payment!.stripeCheckoutSessionId!, "abandon");
    expect(back).toContain(`/pay/${payment!.id}/cancel?t=`);
    // The cancel page expires the session in Stripe and converges.
    expect(await expireCheckout(payment!.stripeCheckoutSessionId!, null, new Date())).toBe("expired");
    await stripe.settled();
    expect(await appointmentStatus(booked.appointmentId)).toBe("expired");
    const again = await holdSlot(practice.id, { serviceId: service.id, clinicianId: "any", start: new Date(booked.slot.start).toISOString() }, new Date());
    expect(again.ok).toBe(true);
    // Never a confirmation for an unpaid booking.
    expect((await mailTo(person[0]!.email)).filter((m) => m.template === "booking-confirmation")).toEqual([]);
  });

  it("a hold past its checkout's life is released by the job: the session is expired in Stripe first", async () => {
    const { practice, service } = await paidPractice({ attendance: "individual" });
    const booked = await bookPaid(practice, service.id, { people: [{ firstName: "Dee", lastName: "Ho", email: `dee-${practice.slug}@example.test` }] });
    const [payment] = await paymentsOf(booked.appointmentId);
    expect(await releasePaymentHolds(new Date())).toBe(0);
    expect(await releasePaymentHolds(new Date(Date.now() + 31 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(stripe.state.checkout_sessions[payment!.stripeCheckoutSessionId!]!.status).toBe("expired");
    expect(await appointmentStatus(booked.appointmentId)).toBe("expired");
  });

  it("a checkout Stripe no longer knows does not keep the job from releasing the other holds", async () => {
    const { practice, service } = await paidPractice({ attendance: "individual" });
    const lost = await bookPaid(practice, service.id, { people: [{ firstName: "Lou", lastName: "Ng", email: `lou-${practice.slug}@example.test` }] });
    const kept = await bookPaid(practice, service.id, { slotIndex: 1, people: [{ firstName: "Kit", lastName: "Ray", email: `kit-${practice.slug}@example.test` }] });
    const [lostPayment] = await paymentsOf(lost.appointmentId);
    delete stripe.state.checkout_sessions[lostPayment!.stripeCheckoutSessionId!];
    await releasePaymentHolds(new Date(Date.now() + 31 * 60_000));
    expect(await appointmentStatus(kept.appointmentId)).toBe("expired");
    expect(await appointmentStatus(lost.appointmentId)).toBe("pending_payment");
  });

  it("paid after the hold was released: the booking does not come back, the payment is refunded in full", async () => {
    const { practice, service } = await paidPractice({ attendance: "individual" });
    const booked = await bookPaid(practice, service.id, { people: [{ firstName: "Eli", lastName: "Ro", email: `eli-${practice.slug}@example.test` }] });
    const [payment] = await paymentsOf(booked.appointmentId);
    // The time is released (say a member cancelled the pending booking) while the client still pays.
    await db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, booked.appointmentId));
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    const [after] = await paymentsOf(booked.appointmentId);
    expect(after).toMatchObject({ status: "succeeded", refundedCents: 19001 });
    expect(await appointmentStatus(booked.appointmentId)).toBe("cancelled");
  });
});

describe("faults", () => {
  it("Stripe failing when the checkout opens: a clear error, the time freed, nothing pending", async () => {
    const { practice, service } = await paidPractice({ attendance: "individual" });
    stripe.injectFault({ pathPrefix: "/v1/checkout/sessions", count: 3, status: 500 });
    const slots = await freeSlots(practice, service.id, 3);
    const now = new Date();
    const hold = await holdSlot(practice.id, { serviceId: service.id, clinicianId: "any", start: new Date(slots[0]!.start).toISOString() }, now);
    if (!hold.ok) throw new Error("hold failed");
    const result = await confirmBooking(practice.id, { holdToken: hold.holdToken, attendees: [{ firstName: "Jo", lastName: "Kay", email: `jo-${practice.slug}@example.test` }], agreePolicy: true }, now);
    expect(result).toMatchObject({ ok: false, code: "payment_failed", message: expect.stringContaining("The time was released.") });
    expect(await appointmentStatus(hold.appointmentId)).toBe("expired");
    const rows = await db.select().from(payments).where(eq(payments.appointmentId, hold.appointmentId));
    expect(rows.map((r) => r.status)).toEqual(["cancelled"]);
    expect(await auditEventsFor(practice.id, "appointment.checkout_failed")).toHaveLength(1);
  });

  it("a paid amount that does not match what we asked is never treated as paid, and is audited", async () => {
    const { practice, service } = await paidPractice({ attendance: "individual" });
    const booked = await bookPaid(practice, service.id, { people: [{ firstName: "Kim", lastName: "Lo", email: `kim-${practice.slug}@example.test` }] });
    const [payment] = await paymentsOf(booked.appointmentId);
    // Someone changed our record of the amount after the checkout was opened.
    await db.update(payments).set({ amountCents: 100 }).where(eq(payments.id, payment!.id));
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    const [after] = await paymentsOf(booked.appointmentId);
    expect(after).toMatchObject({ status: "failed", failureMessage: "The amount paid does not match the amount asked" });
    expect(await appointmentStatus(booked.appointmentId)).toBe("pending_payment");
    expect(await auditEventsFor(practice.id, "payment.amount_mismatch")).toHaveLength(1);
  });

  it("the booking API takes no price from the visitor: an amount in the request is ignored", async () => {
    const { practice, service } = await paidPractice({ attendance: "individual" });
    const slots = await freeSlots(practice, service.id, 3);
    const now = new Date();
    const hold = await holdSlot(practice.id, { serviceId: service.id, clinicianId: "any", start: new Date(slots[0]!.start).toISOString() }, now);
    if (!hold.ok) throw new Error("hold failed");
    await confirmBooking(practice.id, { holdToken: hold.holdToken, attendees: [{ firstName: "Lu", lastName: "Ma", email: `lu-${practice.slug}@example.test` }], agreePolicy: true, amountCents: 1, priceCents: 1 }, now);
    const [payment] = await paymentsOf(hold.appointmentId);
    expect(payment!.amountCents).toBe(19001);
    expect(stripe.state.checkout_sessions[payment!.stripeCheckoutSessionId!]!.amount_total).toBe(19001);
  });
});

describe("the webhook endpoint", () => {
  it("refuses a bad signature and a tampered body, and records nothing", async () => {
    const payload = JSON.stringify({ id: "evt_forged", object: "event", type: "checkout.session.completed", data: { object: { id: "cs_test_x" } } });
    const post = (body: string, signature: string) => webhookRoute(new Request("http://x/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": signature }, body }));
    const t = Math.floor(Date.now() / 1000);
    expect((await post(payload, signPayload(payload, "whsec_wrong", t))).status).toBe(400);
    expect((await post(payload.replace("cs_test_x", "cs_test_y"), signPayload(payload, "whsec_tandem_local_standin", t))).status).toBe(400);
    expect((await post(payload, "")).status).toBe(400);
    // Too old: a replay of a captured request outside Stripe's tolerance.
    expect((await post(payload, signPayload(payload, "whsec_tandem_local_standin", t - 3600))).status).toBe(400);
    expect(await db.select().from(stripeEvents).where(eq(stripeEvents.id, "evt_forged"))).toEqual([]);
  });

  it("a validly signed event about an unknown session is acknowledged and changes nothing", async () => {
    const payload = JSON.stringify({ id: "evt_other", object: "event", type: "customer.created", data: { object: { id: "cus_x" } } });
    const res = await webhookRoute(new Request("http://x", { method: "POST", headers: { "stripe-signature": signPayload(payload, "whsec_tandem_local_standin", Math.floor(Date.now() / 1000)) }, body: payload }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ handled: false });
  });
});

describe("reconciliation", () => {
  it("settles a payment left pending for over an hour from Stripe's state when its webhooks were lost", async () => {
    const { practice, service } = await paidPractice({ attendance: "individual" });
    const booked = await bookPaid(practice, service.id, { people: [{ firstName: "Fay", lastName: "Li", email: `fay-${practice.slug}@example.test` }] });
    const [payment] = await paymentsOf(booked.appointmentId);
    stripe.paused = true;
    try {
      await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    } finally {
      stripe.paused = false;
    }
    expect((await paymentsOf(booked.appointmentId))[0]!.status).toBe("pending");
    // Not yet an hour: left alone.
    const soon = await reconcilePayments(new Date(Date.now() + 30 * 60_000));
    expect((await paymentsOf(booked.appointmentId))[0]!.status).toBe("pending");
    expect(soon.checked).toBe(0);
    const later = await reconcilePayments(new Date(payment!.createdAt.getTime() + 61 * 60_000));
    expect(later.settled).toBeGreaterThanOrEqual(1);
    expect((await paymentsOf(booked.appointmentId))[0]!.status).toBe("succeeded");
    expect(await appointmentStatus(booked.appointmentId)).toBe("confirmed");
    const queued = await db.select().from(appointmentEvents).where(and(eq(appointmentEvents.appointmentId, booked.appointmentId), eq(appointmentEvents.kind, "confirmed")));
    expect(queued).toHaveLength(1);
    // The return page would have done the same, at once.
    expect(await syncCheckoutSession(payment!.stripeCheckoutSessionId!, new Date())).toBe("succeeded");
  });
});
