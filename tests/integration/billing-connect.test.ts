import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointments, billingNotifications, fees, payments, practiceBilling, type Practice } from "@/db/schema";
import { connectionState, startOnboarding } from "@/lib/billing/connect";
import { practiceStripe } from "@/lib/billing/practice-billing";
import { refundPayment } from "@/lib/billing/refunds";
import { signPayload } from "@/dev/stripe-standin/server";
import { STANDIN_WEBHOOK_SECRET, stripe as stripeSdk } from "@/lib/billing/stripe-client";
import { POST as webhookRoute } from "@/app/api/stripe/webhook/route";
import { env } from "@/lib/env";
import { bookPaid, paidPractice } from "./helpers/billing-fixture";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

let stripe: TestStandIn;
beforeAll(async () => {
  stripe = await startTestStandIn();
  // This file runs the deployment as a Connect platform (the setting is read per call).
  env.STRIPE_CONNECT = "on";
});
afterAll(async () => {
  env.STRIPE_CONNECT = "off";
  await stripe.close();
});

describe("Stripe Connect", () => {
  it("a practice connects by account link, then its bookings are paid and refunded on its own account", async () => {
    const { practice, owner, service } = await paidPractice({ attendance: "individual" });
    expect(await practiceStripe(practice.id)).toEqual({ stripeAccountId: null, canTakePayments: false });
    // Not connected: the priced service books without an online payment.
    const unpaid = await bookPaid(practice, service.id, { people: [{ firstName: "Mo", lastName: "Ng", email: `mo-${practice.slug}@example.test` }] });
    expect(unpaid.payment).toBeUndefined();

    const started = await startOnboarding(practice.id, { kind: "member", userId: owner.user.id }, new Date());
    if (!started.ok) throw new Error(started.message);
    const link = new URL(started.url);
    expect(link.origin).toBe(stripe.url);
    const page = await fetch(link);
    expect(await page.text()).toContain("Complete onboarding");
    const accountId = link.pathname.split("/").pop()!;
    expect((await connectionState(practice.id)).chargesEnabled).toBe(false);
    const back = await fetch(`${stripe.url}/connect/${accountId}/complete`, { method: "POST", body: new URLSearchParams({ return_url: link.searchParams.get("return_url")! }), redirect: "manual" });
    expect(back.headers.get("location")).toContain(`/clinic/${practice.slug}/settings/billing?connected=1`);
    await stripe.settled();
    expect(await connectionState(practice.id)).toMatchObject({ mode: "connect", stripeAccountId: accountId, chargesEnabled: true });

    const booked = await bookPaid(practice, service.id, { daysAhead: 5, people: [{ firstName: "Nia", lastName: "Oh", email: `nia-${practice.slug}@example.test` }] });
    const [payment] = await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId));
    expect(payment!.stripeAccountId).toBe(accountId);
    expect(stripe.state.owners[payment!.stripeCheckoutSessionId!]).toBe(accountId);
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    const [paid] = await db.select().from(payments).where(eq(payments.id, payment!.id));
    expect(paid!.status).toBe("succeeded");
    expect(stripe.responses.every((r) => r.status === 200)).toBe(true);

    const refund = await refundPayment({ practiceId: practice.id, paymentId: payment!.id, actor: { kind: "member", userId: owner.user.id }, values: { amount: "10", reason: "Goodwill" } }, new Date());
    expect(refund).toMatchObject({ ok: true, status: "succeeded" });
    const made = Object.values(stripe.state.refunds).find((r) => r.payment_intent === paid!.stripePaymentIntentId)!;
    expect(stripe.state.owners[made.id]).toBe(accountId);
    const [row] = await db.select().from(practiceBilling).where(eq(practiceBilling.practiceId, practice.id));
    expect(row!.detailsSubmitted).toBe(true);
  });
});

/** Connects a practice through the stand-in's onboarding, as its owner would; returns the account id. */
async function connect(practice: Practice, ownerUserId: string): Promise<string> {
  const started = await startOnboarding(practice.id, { kind: "member", userId: ownerUserId }, new Date());
  if (!started.ok) throw new Error(started.message);
  const link = new URL(started.url);
  const accountId = link.pathname.split("/").pop()!;
  await fetch(`${stripe.url}/connect/${accountId}/complete`, { method: "POST", body: new URLSearchParams({ return_url: link.searchParams.get("return_url")! }), redirect: "manual" });
  await stripe.settled();
  expect((await connectionState(practice.id)).chargesEnabled).toBe(true);
  return accountId;
}

/** An event signed with the endpoint's secret, as any connected account's events are (Connect webhooks share the platform endpoint). */
function sendEvent(event: { id: string; type: string; account: string; data: { object: { id: string } } }) {
  const payload = JSON.stringify({ object: "event", api_version: "2025-01-01", created: Math.floor(Date.now() / 1000), livemode: false, ...event });
  return webhookRoute(
    new Request("http://localhost/api/stripe/webhook", {
      method: "POST",
      headers: { "stripe-signature": signPayload(payload, STANDIN_WEBHOOK_SECRET, Math.floor(Date.now() / 1000)), "content-type": "application/json" },
      body: payload,
    }),
  );
}

const statusOf = async (paymentId: string) => (await db.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId)))[0]!.status;

describe("Stripe Connect: a connected account settles only its own payments", () => {
  it("a checkout paid in another practice's account, naming our payment in its metadata, settles nothing", async () => {
    const victim = await paidPractice({ attendance: "individual" });
    const attacker = await paidPractice({ attendance: "individual" });
    const victimAccount = await connect(victim.practice, victim.owner.user.id);
    const attackerAccount = await connect(attacker.practice, attacker.owner.user.id);
    const booked = await bookPaid(victim.practice, victim.service.id, { daysAhead: 6, people: [{ firstName: "Ola", lastName: "Berg", email: `ola-${victim.practice.slug}@example.test` }] });
    const [booking] = await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId));
    // A no-show fee of the victim's whose payment has no Stripe object recorded yet (between our row and Stripe's answer).
    const [openFee] = await db
      .insert(fees)
      .values({ practiceId: victim.practice.id, appointmentId: booked.appointmentId, clientId: booking!.clientId, kind: "no_show", amountCents: 9500, currency: booking!.currency })
      .returning();
    const [fee] = await db
      .insert(payments)
      .values({ practiceId: victim.practice.id, kind: "fee", feeId: openFee!.id, amountCents: 9500, currency: booking!.currency, clientId: booking!.clientId, description: "No-show fee", stripeAccountId: victimAccount })
      .returning();

    // The attacker pays themselves, in their own account, with the victim's payment id as metadata.
    const session = await stripeSdk().checkout.sessions.create(
      {
        mode: "payment",
        line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 9500, product_data: { name: "Anything" } } }],
        success_url: "https://attacker.example/done",
        metadata: { paymentId: fee!.id },
        payment_intent_data: { metadata: { paymentId: fee!.id } },
      },
      { stripeAccount: attackerAccount },
    );
    await stripe.checkout(session.id, "pay");
    await stripe.settled();
    expect(stripe.responses.filter((r) => r.status !== 200)).toEqual([]);
    expect(await statusOf(fee!.id)).toBe("pending");
    const receipts = await db.select().from(billingNotifications).where(and(eq(billingNotifications.practiceId, victim.practice.id), eq(billingNotifications.key, `receipt:${fee!.id}`)));
    expect(receipts).toEqual([]);
    expect((await db.select({ status: fees.status }).from(fees).where(eq(fees.id, openFee!.id)))[0]!.status).toBe("open");
  });

  it("an event from another account about our checkout is acknowledged and changes nothing; the owner's own event settles it", async () => {
    const victim = await paidPractice({ attendance: "individual" });
    const attacker = await paidPractice({ attendance: "individual" });
    await connect(victim.practice, victim.owner.user.id);
    const attackerAccount = await connect(attacker.practice, attacker.owner.user.id);
    const booked = await bookPaid(victim.practice, victim.service.id, { daysAhead: 7, people: [{ firstName: "Pia", lastName: "Lund", email: `pia-${victim.practice.slug}@example.test` }] });
    const [payment] = await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId));

    // The client pays; the practice's own webhooks are held back for a moment.
    stripe.paused = true;
    const held = stripe.deliveries.length;
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    const genuine = stripe.deliveries.slice(held);
    stripe.paused = false;

    const forged = await sendEvent({ id: `evt_forged_${payment!.id.slice(0, 8)}`, type: "checkout.session.completed", account: attackerAccount, data: { object: { id: payment!.stripeCheckoutSessionId! } } });
    expect(forged.status).toBe(200);
    expect(await statusOf(payment!.id)).toBe("pending");
    const [appt] = await db.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, booked.appointmentId));
    expect(appt!.status).toBe("pending_payment");

    for (const d of genuine) expect((await stripe.redeliver(d)).status).toBe(200);
    expect(await statusOf(payment!.id)).toBe("succeeded");
  });
});

