import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, payments, type Payment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { TOKEN_PURPOSES, signToken } from "@/lib/tokens";
import { expire } from "@/lib/booking/lifecycle";
import { env } from "@/lib/env";
import { ensureStripeCustomer } from "./customers";
import { kickNotifications, queueNotification } from "./notifications";
import { expireCheckout } from "./sync-payments";
import { accountOptions, stripe, stripeErrorMessage } from "./stripe-client";
import { logError } from "@/lib/db/pg-error";

/** What the payment page says about keeping the card (shown on our page and on Stripe's). */
export function cardConsentText(practiceName: string): string {
  // Since decision 0038 the consent also covers what the front desk charges (sessions, packages, balances).
  return `By paying, you allow ${practiceName} to keep this card on file with Stripe and charge it for your sessions, packages and balances, and for late-cancellation or no-show fees under the cancellation policy you agreed to.`;
}

export function payLinkUrl(paymentId: string, expiresAt: Date): string {
  return new URL(`/pay/${paymentId}?t=${encodeURIComponent(signToken(TOKEN_PURPOSES.pay, { paymentId }, expiresAt))}`, env.APP_URL).toString();
}

/**
 * Opens a Stripe Checkout for a pending payment we recorded (never inside a
 * transaction): the customer first, then the session, each under a key
 * derived from our ids so a retry returns the same objects.
 */
export async function openCheckout(
  payment: Payment,
  input: { practiceName: string; expiresAt: Date; successPath: string; cancelPath: string },
): Promise<{ url: string; sessionId: string; expiresAt: Date }> {
  const customer = await ensureStripeCustomer(payment.practiceId, payment.clientId, payment.stripeAccountId);
  const cancelToken = signToken(TOKEN_PURPOSES.payCancel, { paymentId: payment.id }, new Date(input.expiresAt.getTime() + 86_400_000));
  const session = await stripe().checkout.sessions.create(
    {
      mode: "payment",
      customer,
      client_reference_id: payment.id,
      line_items: [{ quantity: 1, price_data: { currency: payment.currency.toLowerCase(), unit_amount: payment.amountCents, product_data: { name: payment.description } } }],
      payment_intent_data: {
        description: payment.description,
        metadata: { paymentId: payment.id, practiceId: payment.practiceId },
        ...(payment.saveCard ? { setup_future_usage: "off_session" as const } : {}),
      },
      metadata: { paymentId: payment.id, practiceId: payment.practiceId },
      expires_at: Math.floor(input.expiresAt.getTime() / 1000),
      success_url: new URL(`${input.successPath}?session_id={CHECKOUT_SESSION_ID}`, env.APP_URL).toString().replace("%7BCHECKOUT_SESSION_ID%7D", "{CHECKOUT_SESSION_ID}"),
      cancel_url: new URL(`${input.cancelPath}?t=${encodeURIComponent(cancelToken)}`, env.APP_URL).toString(),
      ...(payment.saveCard ? { custom_text: { submit: { message: cardConsentText(input.practiceName) } } } : {}),
    },
    { idempotencyKey: `checkout:${payment.id}`, ...accountOptions(payment.stripeAccountId) },
  );
  const expiresAt = new Date(session.expires_at * 1000);
  await db
    .update(payments)
    .set({ stripeCheckoutSessionId: session.id, checkoutUrl: session.url, checkoutExpiresAt: expiresAt, updatedAt: new Date() })
    .where(and(eq(payments.id, payment.id), isNull(payments.stripeCheckoutSessionId)));
  return { url: session.url!, sessionId: session.id, expiresAt };
}

export type BookingCheckoutResult = { ok: true; checkoutUrl: string | null; partnerEmailed: boolean } | { ok: false; message: string };

/**
 * After a booking moved to pending_payment with its payments recorded:
 * opens a checkout per payment, holds the time as long as the checkouts can
 * be paid, and emails a partner their own link. If Stripe fails, the
 * booking is released and nothing was charged.
 */
export async function openBookingCheckouts(input: { appointmentId: string; practiceName: string; bookerClientId: string; expiresAt: Date; now: Date }): Promise<BookingCheckoutResult> {
  const parts = await db
    .select()
    .from(payments)
    .where(and(eq(payments.appointmentId, input.appointmentId), inArray(payments.kind, ["session", "deposit"]), eq(payments.status, "pending")));
  const opened: { payment: Payment; url: string; sessionId: string; expiresAt: Date }[] = [];
  try {
    for (const payment of parts) {
      const result = await openCheckout(payment, { practiceName: input.practiceName, expiresAt: input.expiresAt, successPath: "/pay/return", cancelPath: `/pay/${payment.id}/cancel` });
      opened.push({ payment, url: result.url, sessionId: result.sessionId, expiresAt: result.expiresAt });
    }
  } catch (error) {
    logError("billing", `checkout for appointment ${input.appointmentId} failed`, error);
    await db.transaction(async (tx) => {
      await tx.update(payments).set({ status: "cancelled", failureMessage: "Checkout could not be opened", updatedAt: input.now }).where(and(eq(payments.appointmentId, input.appointmentId), eq(payments.status, "pending"), isNull(payments.stripeCheckoutSessionId)));
      const [appt] = await tx.select({ practiceId: appointments.practiceId }).from(appointments).where(eq(appointments.id, input.appointmentId));
      if (appt && (await expire(tx, { practiceId: appt.practiceId, appointmentId: input.appointmentId, now: input.now }))) {
        await recordAudit({ practiceId: appt.practiceId, actor: { kind: "system" }, action: "appointment.checkout_failed", subjectType: "appointment", subjectId: input.appointmentId }, tx);
      }
    });
    for (const o of opened) await expireCheckout(o.sessionId, o.payment.stripeAccountId, input.now).catch(() => {});
    return { ok: false, message: `${stripeErrorMessage(error)} The time was released.` };
  }
  const holdUntil = new Date(Math.max(...opened.map((o) => o.expiresAt.getTime())));
  let partnerEmailed = false;
  await db.transaction(async (tx) => {
    await tx.update(appointments).set({ holdExpiresAt: holdUntil, updatedAt: input.now }).where(and(eq(appointments.id, input.appointmentId), eq(appointments.status, "pending_payment")));
    for (const o of opened) {
      if (o.payment.clientId === input.bookerClientId) continue;
      partnerEmailed = true;
      await queueNotification(tx, o.payment.practiceId, `payment-link:${o.payment.id}`, {
        kind: "payment-link",
        clientId: o.payment.clientId,
        amountCents: o.payment.amountCents,
        currency: o.payment.currency,
        description: o.payment.description,
        // Named again from the appointment when the email goes (notifications.ts), in the partner's zone.
        paymentId: o.payment.id,
        actionUrl: payLinkUrl(o.payment.id, o.expiresAt),
      });
    }
  });
  kickNotifications();
  return { ok: true, checkoutUrl: opened.find((o) => o.payment.clientId === input.bookerClientId)?.url ?? null, partnerEmailed };
}
