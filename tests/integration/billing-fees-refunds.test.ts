import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointments, billingNotifications, clients, emailMessages, fees, payments, refunds, serviceBilling } from "@/db/schema";
import { applyCancellationPolicy } from "@/lib/billing/cancellation-policy";
import { chargeFee } from "@/lib/billing/fees";
import { reconcilePayments } from "@/lib/billing/jobs";
import { sendBillingNotifications } from "@/lib/billing/notifications";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { clientBilling, payBalance } from "@/lib/billing/portal-billing";
import { refundPayment } from "@/lib/billing/refunds";
import { cancelAppointment, recordOutcome } from "@/lib/appointments/change-appointment";
import { bookPaid, paidPractice } from "./helpers/billing-fixture";
import { proveByEmail } from "./helpers/proof";
import { auditEventsFor, createMember } from "./helpers/factories";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

let stripe: TestStandIn;
beforeAll(async () => {
  stripe = await startTestStandIn();
});
afterAll(async () => {
  await stripe.close();
});

async function paidBooking(options: { card?: "4242" | "0341"; daysAhead?: number; individual?: boolean } = {}) {
  const fixture = await paidPractice({ attendance: options.individual ? "individual" : "couple" });
  const booked = await bookPaid(fixture.practice, fixture.service.id, {
    daysAhead: options.daysAhead ?? 3,
    ...(options.individual ? { people: [{ firstName: "Gus", lastName: "Ode", email: `gus-${fixture.practice.slug}@example.test` }] } : {}),
  });
  const [payment] = await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId));
  await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay", options.card ?? "4242");
  await stripe.settled();
  const [paid] = await db.select().from(payments).where(eq(payments.id, payment!.id));
  expect(paid!.status).toBe("succeeded");
  return { ...fixture, booked, payment: paid! };
}

const member = (m: { user: { id: string } }) => ({ kind: "member" as const, userId: m.user.id });

describe("refunds", () => {
  it("refunds part of a payment with a reason, never more than what is left, and emails the client once", async () => {
    const { practice, owner, payment, booked } = await paidBooking();
    const tooMuch = await refundPayment({ practiceId: practice.id, paymentId: payment.id, actor: member(owner), values: { amount: "190.02", reason: "Session shortened" } }, new Date());
    expect(tooMuch).toMatchObject({ ok: false, errors: { amount: ["At most $190.01 can still be refunded"] } });
    const noReason = await refundPayment({ practiceId: practice.id, paymentId: payment.id, actor: member(owner), values: { amount: "50", reason: "" } }, new Date());
    expect(noReason).toMatchObject({ ok: false, errors: { reason: ["Say why (at least 3 characters)"] } });

    const partial = await refundPayment({ practiceId: practice.id, paymentId: payment.id, actor: member(owner), values: { amount: "50", reason: "Session shortened" } }, new Date());
    expect(partial).toMatchObject({ ok: true, status: "succeeded" });
    await stripe.settled();
    const [after] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(after!.refundedCents).toBe(5000);
    const rest = await refundPayment({ practiceId: practice.id, paymentId: payment.id, actor: member(owner), values: { amount: "140.02", reason: "More" } }, new Date());
    expect(rest).toMatchObject({ ok: false, errors: { amount: ["At most $140.01 can still be refunded"] } });
    // Two refunds at once cannot together exceed what was paid.
    const both = await Promise.all(
      [1, 2].map(() => refundPayment({ practiceId: practice.id, paymentId: payment.id, actor: member(owner), values: { amount: "100", reason: "Double click" } }, new Date())),
    );
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    await stripe.settled();
    const [final] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(final!.refundedCents).toBe(15000);
    expect(Object.values(stripe.state.charges).find((c) => c.payment_intent === final!.stripePaymentIntentId)!.amount_refunded).toBe(15000);

    await sendBillingNotifications(new Date());

    // Booking confirmations travel through the appointment outbox, billing's emails through billing's.

    await runAppointmentEvents(new Date());
    const payerEmail = booked.people[0]!.email;
    const mails = await db.select().from(emailMessages).where(and(eq(emailMessages.to, payerEmail), eq(emailMessages.template, "billing-refund")));
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.text).join("\n")).toContain("Reason: Session shortened");
    expect(await auditEventsFor(practice.id, "payment.refund")).toHaveLength(2);
  });

  it("another practice's staff cannot refund a payment (it is not found for them)", async () => {
    const { payment } = await paidBooking({ individual: true });
    const other = await paidPractice();
    const result = await refundPayment({ practiceId: other.practice.id, paymentId: payment.id, actor: member(other.owner), values: { amount: "10", reason: "Not mine" } }, new Date());
    expect(result).toMatchObject({ ok: false, errors: { amount: ["That payment was not found"] } });
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toEqual([]);
  });

  it("a Stripe outage leaves the refund pending; the retry under the same key refunds exactly once", async () => {
    const { practice, owner, payment } = await paidBooking({ individual: true });
    stripe.injectFault({ pathPrefix: "/v1/refunds", count: 3, status: 500 });
    const result = await refundPayment({ practiceId: practice.id, paymentId: payment.id, actor: member(owner), values: { amount: "20", reason: "Goodwill" } }, new Date());
    expect(result).toMatchObject({ ok: true, status: "pending" });
    const [pending] = await db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(pending).toMatchObject({ status: "pending", stripeRefundId: null });
    await reconcilePayments(new Date(Date.now() + 5 * 60_000));
    await stripe.settled();
    const [done] = await db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(done!.status).toBe("succeeded");
    expect(Object.values(stripe.state.refunds).filter((r) => r.payment_intent === payment.stripePaymentIntentId)).toHaveLength(1);
  });
});

describe("fees", () => {
  it("staff charge a no-show fee to the saved card with one click; a second click charges nothing more", async () => {
    const { practice, owner, booked, service } = await paidBooking({ individual: true });
    // A session paid ahead covers a no-show: return the prepayment to see the fee charged.
    await refundPayment({ practiceId: practice.id, paymentId: (await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId)))[0]!.id, actor: member(owner), values: { amount: "190.01", reason: "Prepayment returned" } }, new Date());
    await db.update(appointments).set({ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() - 600_000), blockedFrom: new Date(Date.now() - 3_600_000), blockedTo: new Date(Date.now() - 600_000) }).where(eq(appointments.id, booked.appointmentId));
    expect(await recordOutcome({ practiceId: practice.id, appointmentId: booked.appointmentId, actorUserId: owner.user.id, outcome: "no_show" }, new Date())).toEqual({ ok: true });

    const first = await chargeFee({ practiceId: practice.id, appointmentId: booked.appointmentId, kind: "no_show", actorUserId: owner.user.id }, new Date());
    expect(first).toMatchObject({ ok: true, outcome: "charged", message: "$120 charged to the card on file." });
    const second = await chargeFee({ practiceId: practice.id, appointmentId: booked.appointmentId, kind: "no_show", actorUserId: owner.user.id }, new Date());
    expect(second).toEqual({ ok: false, message: "This fee is already paid." });
    const [fee] = await db.select().from(fees).where(eq(fees.appointmentId, booked.appointmentId));
    expect(fee).toMatchObject({ kind: "no_show", status: "paid", amountCents: service.noShowFeeCents });
    const feePayments = await db.select().from(payments).where(eq(payments.feeId, fee!.id));
    expect(feePayments.map((p) => [p.status, p.amountCents])).toEqual([["succeeded", 12000]]);
    expect(await auditEventsFor(practice.id, "fee.charge")).toHaveLength(1);
  });

  it("a declined off-session charge leaves an outstanding balance and emails the client to pay it from the portal", async () => {
    const { practice, owner, booked } = await paidBooking({ individual: true, card: "0341" });
    // Paying from the portal needs portal access: the client confirmed their address from the confirmation (decision 0012).
    await sendBillingNotifications(new Date());
    // Booking confirmations travel through the appointment outbox, billing's emails through billing's.
    await runAppointmentEvents(new Date());
    await proveByEmail(booked.people[0]!.email);
    const [p] = await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId));
    await refundPayment({ practiceId: practice.id, paymentId: p!.id, actor: member(owner), values: { amount: "190.01", reason: "Prepayment returned" } }, new Date());
    await db.update(appointments).set({ status: "no_show" }).where(eq(appointments.id, booked.appointmentId));
    const result = await chargeFee({ practiceId: practice.id, appointmentId: booked.appointmentId, kind: "no_show", actorUserId: owner.user.id }, new Date());
    expect(result).toMatchObject({ ok: true, outcome: "declined" });
    const [fee] = await db.select().from(fees).where(eq(fees.appointmentId, booked.appointmentId));
    expect(fee!.status).toBe("open");
    const [failed] = await db.select().from(payments).where(eq(payments.feeId, fee!.id));
    expect(failed).toMatchObject({ status: "failed", failureMessage: "Your card was declined." });
    const notes = await db.select().from(billingNotifications).where(and(eq(billingNotifications.practiceId, practice.id), eq(billingNotifications.kind, "fee-failed")));
    expect(notes).toHaveLength(1);
    expect(String(notes[0]!.data.actionUrl)).toContain(`/portal/${fee!.clientId}/billing`);

    // The client pays the balance from the portal, through Checkout; a second click reuses the open checkout.
    const [client] = await db.select().from(clients).where(eq(clients.id, fee!.clientId));
    expect((await clientBilling(client!, new Date())).balances.map((b) => b.amountCents)).toEqual([12000]);
    const pay = await payBalance(client!, fee!.id, new Date());
    const again = await payBalance(client!, fee!.id, new Date());
    if (!pay.ok || !again.ok) throw new Error("payBalance failed");
    expect(again.url).toBe(pay.url);
    await stripe.checkout(pay.url.split("/").pop()!, "pay");
    await stripe.settled();
    const [settled] = await db.select().from(fees).where(eq(fees.id, fee!.id));
    expect(settled!.status).toBe("paid");
    expect((await clientBilling(client!, new Date())).balances).toEqual([]);
    expect(await payBalance(client!, fee!.id, new Date())).toEqual({ ok: false, message: "There is nothing to pay for that." });
  });

  it("Stripe times out on a fee charge: staff hear so plainly, and reconciliation settles it under the same key, charging once", async () => {
    const { practice, owner, booked } = await paidBooking({ individual: true });
    const [p] = await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId));
    await refundPayment({ practiceId: practice.id, paymentId: p!.id, actor: member(owner), values: { amount: "190.01", reason: "Prepayment returned" } }, new Date());
    await db.update(appointments).set({ status: "no_show" }).where(eq(appointments.id, booked.appointmentId));
    await stripe.settled();
    // Every attempt (the SDK's retries included) outlives the 2 s timeout, but Stripe does the work;
    // its webhooks are lost too, so only reconciliation can find out.
    stripe.injectFault({ pathPrefix: "/v1/payment_intents", method: "POST", count: 3, delayMs: 2600 });
    stripe.paused = true;
    let result;
    try {
      result = await chargeFee({ practiceId: practice.id, appointmentId: booked.appointmentId, kind: "no_show", actorUserId: owner.user.id }, new Date());
    } finally {
      stripe.paused = false;
    }
    expect(result).toEqual({ ok: false, message: "Stripe did not answer. The charge will be checked and retried automatically; it will not be charged twice." });
    const [fee] = await db.select().from(fees).where(eq(fees.appointmentId, booked.appointmentId));
    const [pending] = await db.select().from(payments).where(eq(payments.feeId, fee!.id));
    expect(pending).toMatchObject({ status: "pending", stripePaymentIntentId: null });
    await reconcilePayments(new Date(pending!.createdAt.getTime() + 61 * 60_000));
    await stripe.settled();
    const [settled] = await db.select().from(payments).where(eq(payments.feeId, fee!.id));
    expect(settled!.status).toBe("succeeded");
    const intents = Object.values(stripe.state.payment_intents).filter((pi) => pi.metadata?.paymentId === pending!.id);
    expect(intents).toHaveLength(1);
    expect(Object.values(stripe.state.charges).filter((c) => c.payment_intent === intents[0]!.id)).toHaveLength(1);
  }, 30_000);

  it("a front-desk member may charge; the fee needs the session marked first", async () => {
    const { practice, booked } = await paidBooking({ individual: true });
    const desk = await createMember(practice, { role: "front_desk" });
    const result = await chargeFee({ practiceId: practice.id, appointmentId: booked.appointmentId, kind: "no_show", actorUserId: desk.user.id }, new Date());
    expect(result).toEqual({ ok: false, message: "Mark the session as a no-show first." });
  });
});

describe("cancelling a paid booking", () => {
  it("outside the window: the payment is refunded in full automatically", async () => {
    const { practice, booked, payment } = await paidBooking({ individual: true, daysAhead: 5 });
    const [client] = await db.select().from(clients).where(eq(clients.id, payment.clientId));
    const result = await cancelAppointment({ practiceId: practice.id, appointmentId: booked.appointmentId, actor: { kind: "client", userId: client!.userId! } }, new Date());
    expect(result).toEqual({ ok: true, late: false });
    const [after] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(after!.refundedCents).toBe(19001);
    expect(await db.select().from(fees).where(eq(fees.appointmentId, booked.appointmentId))).toEqual([]);
  });

  it("inside the window: the late-cancel fee is kept and the rest refunded", async () => {
    const { practice, booked, payment, service } = await paidBooking({ individual: true, daysAhead: 0.2 });
    const [client] = await db.select().from(clients).where(eq(clients.id, payment.clientId));
    const result = await cancelAppointment({ practiceId: practice.id, appointmentId: booked.appointmentId, actor: { kind: "client", userId: client!.userId! } }, new Date());
    expect(result).toEqual({ ok: true, late: true });
    const [after] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(after!.refundedCents).toBe(19001 - service.lateCancelFeeCents);
    // Running the policy again changes nothing.
    await applyCancellationPolicy(booked.appointmentId, new Date());
    const [again] = await db.select().from(payments).where(eq(payments.id, payment.id));
    expect(again!.refundedCents).toBe(19001 - service.lateCancelFeeCents);
  });

  it("inside the window with nothing paid ahead: the fee is opened for staff to charge", async () => {
    const { practice, owner, service } = await paidPractice({ attendance: "individual" });
    await db.update(serviceBilling).set({ paymentMode: "none" }).where(eq(serviceBilling.serviceId, service.id));
    const booked = await bookPaid(practice, service.id, { daysAhead: 0.2, people: [{ firstName: "Hal", lastName: "Ive", email: `hal-${practice.slug}@example.test` }] });
    expect(booked.payment).toBeUndefined();
    await cancelAppointment({ practiceId: practice.id, appointmentId: booked.appointmentId, actor: member(owner) }, new Date());
    const [fee] = await db.select().from(fees).where(eq(fees.appointmentId, booked.appointmentId));
    expect(fee).toMatchObject({ kind: "late_cancel", status: "open", amountCents: 9500 });
    // No card on file: charging leaves it as the client's balance.
    const result = await chargeFee({ practiceId: practice.id, appointmentId: booked.appointmentId, kind: "late_cancel", actorUserId: owner.user.id }, new Date());
    expect(result).toMatchObject({ ok: true, outcome: "no_card" });
  });
});
