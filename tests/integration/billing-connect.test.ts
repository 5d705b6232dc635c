import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { payments, practiceBilling } from "@/db/schema";
import { connectionState, startOnboarding } from "@/lib/billing/connect";
import { practiceStripe } from "@/lib/billing/practice-billing";
import { refundPayment } from "@/lib/billing/refunds";
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
