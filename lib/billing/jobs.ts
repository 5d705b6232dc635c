import { and, eq, inArray, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, payments, stripeCustomers } from "@/db/schema";
import { submitFeeCharge } from "./fees";
import { retryPendingRefunds } from "./refunds";
import { expireCheckout, syncCheckoutSession, syncPaymentIntent } from "./sync-payments";
import { logError } from "@/lib/db/pg-error";

/**
 * Releases times held for payment whose checkout has run out: each open
 * checkout is expired in Stripe first (it may have been paid a moment ago,
 * in which case the booking is confirmed instead), then the sync frees the
 * time. Safe to run anywhere, any number of times.
 */
export async function releasePaymentHolds(now: Date): Promise<number> {
  const due = await db
    .select({ sessionId: payments.stripeCheckoutSessionId, account: payments.stripeAccountId })
    .from(payments)
    .innerJoin(appointments, eq(appointments.id, payments.appointmentId))
    .where(and(eq(appointments.status, "pending_payment"), lte(appointments.holdExpiresAt, now), eq(payments.status, "pending"), inArray(payments.kind, ["session", "deposit"])))
    .limit(100);
  let released = 0;
  for (const d of due) {
    if (!d.sessionId) continue;
    // One checkout Stripe will not answer for (deleted, an account disconnected) must not keep
    // every later hold from being released: it is logged and tried again on the next run.
    try {
      if ((await expireCheckout(d.sessionId, d.account, now)) === "expired") released++;
    } catch (error) {
      logError("billing", `release hold ${d.sessionId}`, error);
    }
  }
  return released;
}

/** Payments still pending after this long are settled from Stripe's state. */
export const RECONCILE_AFTER_MS = 60 * 60_000;

/**
 * Finds payments left pending for over an hour (a webhook lost, a timeout
 * after Stripe took the money) and settles each from what Stripe says; also
 * retries refunds Stripe never confirmed. Returns how many payments changed.
 */
export async function reconcilePayments(now: Date): Promise<{ checked: number; settled: number }> {
  const stale = await db
    .select()
    .from(payments)
    .where(and(eq(payments.status, "pending"), lte(payments.createdAt, new Date(now.getTime() - RECONCILE_AFTER_MS))))
    .orderBy(payments.createdAt)
    .limit(200);
  let settled = 0;
  for (const p of stale) {
    try {
      const outcome = p.stripeCheckoutSessionId
        ? await syncCheckoutSession(p.stripeCheckoutSessionId, now)
        : p.stripePaymentIntentId
          ? await syncPaymentIntent(p.stripePaymentIntentId, now)
          : // Off-session charges: a fee, or anything the desk charged to the card on file (it has a request key).
            p.kind === "fee" || p.requestKey !== null
            ? await retryFeeCharge(p.id, p.clientId, now)
            : await cancelUnsent(p.id, now);
      if (outcome !== "pending" && outcome !== "unknown") settled++;
    } catch (error) {
      logError("billing", `reconcile ${p.id}`, error);
    }
  }
  await retryPendingRefunds(now);
  return { checked: stale.length, settled };
}

/** A fee charge whose answer never came: asked again under the same key, so Stripe returns the first attempt's result. */
async function retryFeeCharge(paymentId: string, clientId: string, now: Date): Promise<string> {
  const [card] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.clientId, clientId));
  if (!card?.paymentMethodId) return cancelUnsent(paymentId, now);
  await submitFeeCharge(paymentId, card.stripeCustomerId, card.paymentMethodId, now);
  const [row] = await db.select({ status: payments.status }).from(payments).where(eq(payments.id, paymentId));
  return row?.status ?? "unknown";
}

/** A payment we recorded but never sent to Stripe (the process died in between) can no longer be paid. */
async function cancelUnsent(paymentId: string, now: Date): Promise<"cancelled"> {
  await db
    .update(payments)
    .set({ status: "cancelled", failureMessage: "Never reached Stripe", updatedAt: now })
    .where(and(eq(payments.id, paymentId), eq(payments.status, "pending")));
  return "cancelled";
}
