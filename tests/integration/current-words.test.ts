import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointments, clients, emailMessages, payments, stripeCustomers } from "@/db/schema";
import { rescheduleAppointment, recordOutcome } from "@/lib/appointments/change-appointment";
import { appointmentFeeDue } from "@/lib/billing/fee-due";
import { chargeFee } from "@/lib/billing/fees";
import { sendBillingNotifications } from "@/lib/billing/notifications";
import { paymentLabels } from "@/lib/billing/payment-label";
import { clientBilling } from "@/lib/billing/portal-billing";
import { refundPayment } from "@/lib/billing/refunds";
import { formatDateTime } from "@/lib/dates";
import { bookPaid, freeSlots, paidPractice } from "./helpers/billing-fixture";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

// Issue 11, problem 7 (decision 0034): every email and page says what is true now.

let stripe: TestStandIn;
beforeAll(async () => {
  stripe = await startTestStandIn();
});
afterAll(async () => {
  await stripe.close();
});

const ZONE = "America/New_York";

async function paidBooking(card: "4242" | "0341" = "4242") {
  const fixture = await paidPractice({ attendance: "individual" });
  const booked = await bookPaid(fixture.practice, fixture.service.id, { daysAhead: 3, people: [{ firstName: "Gus", lastName: "Ode", email: `gus-${fixture.practice.slug}@example.test` }] });
  const [payment] = await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId));
  await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay", card);
  await stripe.settled();
  const [paid] = await db.select().from(payments).where(eq(payments.id, payment!.id));
  return { ...fixture, booked, payment: paid!, email: booked.people[0]!.email };
}

const member = (m: { user: { id: string } }) => ({ kind: "member" as const, userId: m.user.id });

async function mailsTo(to: string, template: string) {
  return db.select().from(emailMessages).where(and(eq(emailMessages.to, to), eq(emailMessages.template, template)));
}

/** The session moves into the past and is marked a no-show; the prepayment is returned so the fee is chargeable. */
async function noShow(f: Awaited<ReturnType<typeof paidBooking>>) {
  await refundPayment({ practiceId: f.practice.id, paymentId: f.payment.id, actor: member(f.owner), values: { amount: "190.01", reason: "Prepayment returned" } }, new Date());
  const start = new Date(Date.now() - 3_600_000);
  await db.update(appointments).set({ startsAt: start, endsAt: new Date(start.getTime() + 50 * 60_000), blockedFrom: start, blockedTo: new Date(start.getTime() + 50 * 60_000) }).where(eq(appointments.id, f.booked.appointmentId));
  expect(await recordOutcome({ practiceId: f.practice.id, appointmentId: f.booked.appointmentId, actorUserId: f.owner.user.id, outcome: "no_show" }, new Date())).toEqual({ ok: true });
  return start;
}

describe("after a reschedule", () => {
  it("the refund email and the portal's payment list name the new date, not the one the payment was made for", async () => {
    const f = await paidBooking();
    const [before] = await db.select().from(appointments).where(eq(appointments.id, f.booked.appointmentId));
    const target = new Date((await freeSlots(f.practice, f.service.id, 6))[0]!.start);
    expect(await rescheduleAppointment({ practiceId: f.practice.id, appointmentId: f.booked.appointmentId, actor: { kind: "system" }, byStaff: true, values: { start: target.toISOString() } }, new Date())).toEqual({ ok: true });
    const oldWhen = formatDateTime(before!.startsAt, ZONE);
    const newWhen = formatDateTime(target, ZONE);
    expect(newWhen).not.toBe(oldWhen);
    // The stored copy still has the old date: the words must not come from it.
    expect(f.payment.description).toContain(oldWhen);

    expect(await refundPayment({ practiceId: f.practice.id, paymentId: f.payment.id, actor: member(f.owner), values: { amount: "20", reason: "Goodwill" } }, new Date())).toMatchObject({ ok: true, status: "succeeded" });
    await stripe.settled();
    await sendBillingNotifications(new Date());
    const [refund] = await mailsTo(f.email, "billing-refund");
    expect(refund!.text).toContain(`$20.00 for Couples session, ${newWhen}`);
    expect(refund!.text).not.toContain(oldWhen);

    const [client] = await db.select().from(clients).where(eq(clients.email, f.email));
    const billing = await clientBilling(client!, new Date());
    const labels = await paymentLabels(f.practice.id, ZONE, billing.payments);
    expect(labels.get(f.payment.id)).toBe(`Couples session, ${newWhen}`);
  });
});

describe("the no-show fee email says what really happened", () => {
  it("no card on file: nothing was charged and the fee is recorded as owed (no word of a decline)", async () => {
    const f = await paidBooking();
    const start = await noShow(f);
    await db.delete(stripeCustomers).where(eq(stripeCustomers.practiceId, f.practice.id));
    const result = await chargeFee({ practiceId: f.practice.id, appointmentId: f.booked.appointmentId, kind: "no_show", actorUserId: f.owner.user.id }, new Date());
    expect(result).toMatchObject({ ok: true, outcome: "no_card" });
    await sendBillingNotifications(new Date());
    const [due] = await mailsTo(f.email, "billing-fee-due");
    expect(due!.text).toContain(`recorded $120.00 as owed (No-show fee: Couples session, ${formatDateTime(start, ZONE)}). There is no card on file, so nothing was charged`);
    expect(due!.text).not.toMatch(/declined|could not charge/i);
    expect(await mailsTo(f.email, "billing-fee-failed")).toEqual([]);
    // Still owed: the appointment page may not say "nothing more to do".
    expect(await appointmentFeeDue(f.practice.id, f.booked.appointmentId, "no_show", { lateCancelFeeCents: 9500, noShowFeeCents: 12000, currency: "USD" })).toMatchObject({ kind: "no_show", amountCents: 12000 });
  });

  it("a charge tried and declined: the email says the card was declined", async () => {
    const f = await paidBooking("0341");
    await noShow(f);
    const result = await chargeFee({ practiceId: f.practice.id, appointmentId: f.booked.appointmentId, kind: "no_show", actorUserId: f.owner.user.id }, new Date());
    expect(result).toMatchObject({ ok: true, outcome: "declined" });
    await sendBillingNotifications(new Date());
    const [failed] = await mailsTo(f.email, "billing-fee-failed");
    expect(failed!.text).toContain("tried to charge $120.00 (No-show fee: Couples session,");
    expect(failed!.text).toContain("the card was declined");
    expect(await mailsTo(f.email, "billing-fee-due")).toEqual([]);
  });

  it("once the fee is charged, nothing is left to do", async () => {
    const f = await paidBooking();
    await noShow(f);
    expect(await chargeFee({ practiceId: f.practice.id, appointmentId: f.booked.appointmentId, kind: "no_show", actorUserId: f.owner.user.id }, new Date())).toMatchObject({ outcome: "charged" });
    expect(await appointmentFeeDue(f.practice.id, f.booked.appointmentId, "no_show", { lateCancelFeeCents: 9500, noShowFeeCents: 12000, currency: "USD" })).toBeNull();
  });
});
