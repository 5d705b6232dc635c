import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import { db } from "@/db/client";
import { stripeEvents } from "@/db/schema";
import { syncAccount } from "./connect";
import { syncRefund, syncRefundsForPaymentIntent } from "./refunds";
import { stripe, webhookSecret } from "./stripe-client";
import { syncCheckoutSession, syncPaymentIntent } from "./sync-payments";
import { logError } from "@/lib/db/pg-error";
import { internal, invalid, type Internal, type Invalid } from "@/lib/errors/domain-error";

/** The events we act on; anything else is acknowledged and ignored. */
export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "checkout.session.expired",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "payment_intent.succeeded",
  "payment_intent.payment_failed",
  "payment_intent.canceled",
  "charge.refunded",
  "refund.created",
  "refund.updated",
  "refund.failed",
  "account.updated",
] as const;
const HANDLED = new Set<string>(HANDLED_EVENTS);

/** Domain codes, not statuses: the route maps them (lib/http/domain-error-response.ts). */
export type WebhookOutcome =
  | { ok: true; handled: boolean; duplicate?: true }
  | Invalid
  | Internal;

/**
 * A Stripe webhook, in layers: verify the signature on the raw body; skip
 * types we do not handle; skip an event id already handled; re-read the
 * object from Stripe and converge (never trusting the event's copy or its
 * order); record the event id. Emails are queued, not sent here.
 *
 * The id is recorded after the work succeeds, so a failure answers 500 and
 * Stripe's retry does the work; two deliveries racing both converge, which
 * is harmless because converging is idempotent.
 */
export async function handleWebhook(rawBody: string, signature: string | null, now: Date): Promise<WebhookOutcome> {
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(rawBody, signature ?? "", webhookSecret());
  } catch {
    return invalid({ signature: ["Invalid signature"] });
  }
  if (!HANDLED.has(event.type)) return { ok: true, handled: false };
  const [seen] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, event.id));
  if (seen) return { ok: true, handled: true, duplicate: true };

  const object = event.data.object as { id: string; payment_intent?: string | { id: string } | null };
  const account = event.account ?? null;
  try {
    switch (event.type) {
      case "checkout.session.completed":
      case "checkout.session.expired":
      case "checkout.session.async_payment_succeeded":
      case "checkout.session.async_payment_failed":
        await syncCheckoutSession(object.id, now, { stripeAccountId: account });
        break;
      case "payment_intent.succeeded":
      case "payment_intent.payment_failed":
      case "payment_intent.canceled":
        await syncPaymentIntent(object.id, now, { stripeAccountId: account });
        break;
      case "charge.refunded": {
        const pi = typeof object.payment_intent === "string" ? object.payment_intent : object.payment_intent?.id;
        if (pi) await syncRefundsForPaymentIntent(pi, account, now);
        break;
      }
      case "refund.created":
      case "refund.updated":
      case "refund.failed":
        await syncRefund(object.id, account, now);
        break;
      case "account.updated":
        // Only an account's own event speaks for it (any connected account can send one).
        if (!account || account === object.id) await syncAccount(object.id, now);
        break;
    }
  } catch (error) {
    // Ids and types only.
    logError("billing", `webhook ${event.type} ${event.id} failed`, error);
    return internal("Handling failed; Stripe will retry");
  }
  await db.insert(stripeEvents).values({ id: event.id, type: event.type, account, objectId: object.id, receivedAt: now }).onConflictDoNothing({ target: stripeEvents.id });
  return { ok: true, handled: true };
}
