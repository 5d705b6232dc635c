import { and, eq, inArray, ne } from "drizzle-orm";
import type Stripe from "stripe";
import { db, type Tx } from "@/db/client";
import { appointments, creditUses, fees, packagePurchases, packages, payments, stripeCustomers, type Payment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { confirm, expire, kickAppointmentEvents } from "@/lib/booking/lifecycle";
import { portalBillingUrl } from "./links";
import { notifyPaymentFailed } from "@/lib/notifications/producers";
import { kickStaffNotifications } from "@/lib/notifications/record";
import { kickNotifications, queueNotification } from "./notifications";
import { queueSystemRefund, submitRefund } from "./refunds";
import { accountOptions, sameAccount, stripe } from "./stripe-client";
import { abandonProductOrder, kickProductLinks, settleProductPayment } from "@/lib/products/settle";
import { releaseEventSeat, settleEventSeat } from "@/lib/events/seats";
import { kickEventNotices } from "@/lib/events/kick";

/**
 * Converging our payments with Stripe. Every path (the return page, a
 * webhook, the reconciliation job) re-reads the object from Stripe and
 * applies it here, so events may arrive late, twice or out of order: a
 * payment only ever moves forward (pending → succeeded | failed | expired),
 * and each side effect (confirming the booking, an email, a refund) is
 * keyed so it happens once.
 */

interface FollowUps {
  refundIds: string[];
  expireSessions: { sessionId: string; account: string | null }[];
}

const none = (): FollowUps => ({ refundIds: [], expireSessions: [] });

export type SyncOutcome = "unknown" | Payment["status"];

/**
 * `hint.stripeAccountId` is the account the caller says the session lives in
 * (a webhook's `event.account`): for a session we know, it must be the
 * payment's own account, or nothing is read or changed.
 */
export async function syncCheckoutSession(sessionId: string, now: Date, hint: { stripeAccountId?: string | null } = {}): Promise<SyncOutcome> {
  const [known] = await db.select().from(payments).where(eq(payments.stripeCheckoutSessionId, sessionId));
  if (known && "stripeAccountId" in hint && !sameAccount(known.stripeAccountId, hint.stripeAccountId)) return "unknown";
  const account = known ? known.stripeAccountId : (hint.stripeAccountId ?? null);
  const session = await stripe().checkout.sessions.retrieve(sessionId, {}, accountOptions(account));
  const paymentId = known?.id ?? session.metadata?.paymentId;
  if (!paymentId) return "unknown";
  const piId = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  const pi = piId ? await stripe().paymentIntents.retrieve(piId, { expand: ["payment_method"] }, accountOptions(account)) : null;
  const result = await db.transaction((tx) => applySession(tx, paymentId, session, account, pi, now));
  await runFollowUps(result.followUps, now);
  kickNotifications();
  kickAppointmentEvents();
  kickProductLinks();
  kickEventNotices();
  if (result.status === "failed") kickStaffNotifications();
  return result.status;
}

async function applySession(
  tx: Tx,
  paymentId: string,
  session: Stripe.Checkout.Session,
  sessionAccount: string | null,
  pi: Stripe.PaymentIntent | null,
  now: Date,
): Promise<{ status: SyncOutcome; followUps: FollowUps }> {
  const followUps = none();
  const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
  // Metadata names a payment, but a session we did not create for it, or one in
  // another practice's Stripe account (anyone's metadata), is never applied to it.
  if (!payment || (payment.stripeCheckoutSessionId && payment.stripeCheckoutSessionId !== session.id)) return { status: "unknown", followUps };
  if (!sameAccount(payment.stripeAccountId, sessionAccount)) return { status: "unknown", followUps };
  if (!payment.stripeCheckoutSessionId) {
    await tx.update(payments).set({ stripeCheckoutSessionId: session.id, checkoutUrl: session.url, updatedAt: now }).where(eq(payments.id, payment.id));
  }
  const paid = session.status === "complete" && (session.payment_status === "paid" || session.payment_status === "no_payment_required");
  if (paid && payment.status === "pending") {
    if (session.amount_total !== payment.amountCents || (session.currency ?? "").toLowerCase() !== payment.currency.toLowerCase()) {
      // Never the case for sessions we created; refuse to treat it as paid and leave it to staff.
      await tx.update(payments).set({ status: "failed", failureMessage: "The amount paid does not match the amount asked", updatedAt: now }).where(eq(payments.id, payment.id));
      await recordAudit(
        { practiceId: payment.practiceId, actor: { kind: "system" }, action: "payment.amount_mismatch", subjectType: "payment", subjectId: payment.id, detail: { expected: payment.amountCents, paid: session.amount_total } },
        tx,
      );
      return { status: "failed", followUps };
    }
    await markSucceeded(tx, payment, pi, now, followUps);
    return { status: "succeeded", followUps };
  }
  if (session.status === "expired" && payment.status === "pending") {
    await tx.update(payments).set({ status: "expired", updatedAt: now }).where(eq(payments.id, payment.id));
    if (payment.appointmentId) await releaseAppointment(tx, payment, now, followUps);
    if (payment.purchaseId) await tx.delete(creditUses).where(eq(creditUses.purchaseId, payment.purchaseId));
    if (payment.eventRegistrationId) await releaseEventSeat(tx, payment, now);
    if (payment.productOrderId) await abandonProductOrder(tx, payment, now);
    return { status: "expired", followUps };
  }
  if (payment.status === "succeeded" && payment.appointmentId) await settleAppointment(tx, payment, now, followUps);
  if (payment.status === "succeeded" && payment.eventRegistrationId) await settleEventSeat(tx, payment, now, followUps.refundIds);
  return { status: payment.status, followUps };
}

async function markSucceeded(tx: Tx, payment: Payment, pi: Stripe.PaymentIntent | null, now: Date, followUps: FollowUps) {
  await tx
    .update(payments)
    .set({ status: "succeeded", paidAt: now, stripePaymentIntentId: pi?.id ?? payment.stripePaymentIntentId, failureMessage: null, updatedAt: now })
    .where(eq(payments.id, payment.id));
  const succeeded = { ...payment, status: "succeeded" as const, paidAt: now };
  await rememberCard(tx, payment, pi, now);
  await queueNotification(tx, payment.practiceId, `receipt:${payment.id}`, {
    kind: payment.kind === "fee" && payment.createdByUserId ? "fee-charged" : "receipt",
    clientId: payment.clientId,
    amountCents: payment.amountCents,
    currency: payment.currency,
    description: payment.description,
    paymentId: payment.id,
  });
  await recordAudit({ practiceId: payment.practiceId, actor: { kind: "system" }, action: "payment.succeeded", subjectType: "payment", subjectId: payment.id, detail: { amountCents: payment.amountCents, kind: payment.kind } }, tx);
  if (payment.feeId) await tx.update(fees).set({ status: "paid", updatedAt: now }).where(and(eq(fees.id, payment.feeId), eq(fees.status, "open")));
  if (payment.purchaseId) await activatePurchase(tx, payment.purchaseId, now);
  // A workbook: the order is paid and its download link owed (emailed by the product-links job).
  if (payment.productOrderId) await settleProductPayment(tx, payment, now);
  if (payment.appointmentId) await settleAppointment(tx, succeeded, now, followUps);
  // Group event seats (lib/events, decision 0055): confirmed, or refunded if their hold had ended.
  if (payment.eventRegistrationId) await settleEventSeat(tx, succeeded, now, followUps.refundIds);
}

/** Keeps the card the client agreed (on the booking page) to leave on file for policy fees. */
async function rememberCard(tx: Tx, payment: Payment, pi: Stripe.PaymentIntent | null, now: Date) {
  if (!payment.saveCard || !pi || pi.setup_future_usage !== "off_session") return;
  const pm = typeof pi.payment_method === "object" ? pi.payment_method : null;
  const customer = typeof pi.customer === "string" ? pi.customer : (pi.customer?.id ?? null);
  if (!pm || !customer) return;
  await tx
    .update(stripeCustomers)
    .set({ paymentMethodId: pm.id, cardBrand: pm.card?.brand ?? null, cardLast4: pm.card?.last4 ?? null, consentAt: now, consentCoversVisits: true, updatedAt: now })
    .where(and(eq(stripeCustomers.clientId, payment.clientId), eq(stripeCustomers.stripeCustomerId, customer)));
}

export async function activatePurchase(tx: Tx, purchaseId: string, now: Date) {
  const [row] = await tx
    .select({ validMonths: packages.validMonths, activatedAt: packagePurchases.activatedAt })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(eq(packagePurchases.id, purchaseId));
  if (!row || row.activatedAt) return;
  const expiresAt = new Date(now);
  expiresAt.setUTCMonth(expiresAt.getUTCMonth() + row.validMonths);
  await tx.update(packagePurchases).set({ activatedAt: now, expiresAt }).where(eq(packagePurchases.id, purchaseId));
}

/**
 * After a booking payment: confirm the appointment once every part is paid
 * (both halves of a split); if its hold had already ended, give the money back.
 */
async function settleAppointment(tx: Tx, payment: Payment, now: Date, followUps: FollowUps) {
  const [appt] = await tx.select({ status: appointments.status }).from(appointments).where(eq(appointments.id, payment.appointmentId!)).for("update");
  if (!appt) return;
  if (appt.status === "pending_payment") {
    const parts = await tx
      .select({ status: payments.status })
      .from(payments)
      .where(and(eq(payments.appointmentId, payment.appointmentId!), inArray(payments.kind, ["session", "deposit"]), ne(payments.status, "cancelled")));
    if (parts.length > 0 && parts.every((p) => p.status === "succeeded")) {
      // The lifecycle queues the confirmation and the forms in this transaction; billing knows nothing more of booking.
      if (await confirm(tx, { practiceId: payment.practiceId, appointmentId: payment.appointmentId!, now })) {
        await recordAudit({ practiceId: payment.practiceId, actor: { kind: "system" }, action: "appointment.paid", subjectType: "appointment", subjectId: payment.appointmentId! }, tx);
      }
    }
    return;
  }
  if (appt.status === "expired" || appt.status === "cancelled") {
    // Paid after the time was released: the booking cannot stand, the money goes back.
    const refundId = await queueSystemRefund(tx, payment.id, payment.amountCents, "The held time had been released before this payment arrived", now);
    if (refundId) followUps.refundIds.push(refundId);
  }
}

/** One part expired or was abandoned: the time is freed, the other part's checkout closed, anything paid refunded. */
async function releaseAppointment(tx: Tx, payment: Payment, now: Date, followUps: FollowUps) {
  if (await expire(tx, { practiceId: payment.practiceId, appointmentId: payment.appointmentId!, now })) {
    await recordAudit({ practiceId: payment.practiceId, actor: { kind: "system" }, action: "appointment.payment_expired", subjectType: "appointment", subjectId: payment.appointmentId! }, tx);
  }
  const siblings = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.appointmentId, payment.appointmentId!), ne(payments.id, payment.id), inArray(payments.kind, ["session", "deposit"])));
  for (const s of siblings) {
    if (s.status === "pending" && s.stripeCheckoutSessionId) followUps.expireSessions.push({ sessionId: s.stripeCheckoutSessionId, account: s.stripeAccountId });
    if (s.status === "succeeded") {
      const refundId = await queueSystemRefund(tx, s.id, s.amountCents, "Your partner's share was not paid in time, so the time was released", now);
      if (refundId) followUps.refundIds.push(refundId);
    }
  }
}

async function runFollowUps(followUps: FollowUps, now: Date) {
  for (const id of followUps.refundIds) await submitRefund(id, now);
  for (const s of followUps.expireSessions) await expireCheckout(s.sessionId, s.account, now);
}

/**
 * Closes an open checkout in Stripe, then converges from what Stripe says
 * (it may have been paid a moment ago, which the sync turns into a refund
 * if the time is gone).
 */
export async function expireCheckout(sessionId: string, account: string | null, now: Date): Promise<SyncOutcome> {
  try {
    await stripe().checkout.sessions.expire(sessionId, {}, { idempotencyKey: `expire:${sessionId}`, ...accountOptions(account) });
  } catch {
    // Already complete or expired: the sync below reads which.
  }
  return syncCheckoutSession(sessionId, now, { stripeAccountId: account });
}

/**
 * Off-session charges (fees) have no checkout: the payment intent is the
 * truth. Payment intents from a checkout defer to their session.
 */
export async function syncPaymentIntent(paymentIntentId: string, now: Date, hint: { stripeAccountId?: string | null } = {}): Promise<SyncOutcome> {
  const [known] = await db.select().from(payments).where(eq(payments.stripePaymentIntentId, paymentIntentId));
  if (known && "stripeAccountId" in hint && !sameAccount(known.stripeAccountId, hint.stripeAccountId)) return "unknown";
  const account = known ? known.stripeAccountId : (hint.stripeAccountId ?? null);
  const pi = await stripe().paymentIntents.retrieve(paymentIntentId, { expand: ["payment_method"] }, accountOptions(account));
  const paymentId = known?.id ?? pi.metadata?.paymentId;
  if (!paymentId) return "unknown";
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
  // A payment intent in another practice's account never settles this one (see sameAccount).
  if (!payment || !sameAccount(payment.stripeAccountId, account)) return "unknown";
  if (payment.stripeCheckoutSessionId) return syncCheckoutSession(payment.stripeCheckoutSessionId, now, { stripeAccountId: account });
  return applyPaymentIntent(payment.id, pi, now);
}

export async function applyPaymentIntent(paymentId: string, pi: Stripe.PaymentIntent, now: Date): Promise<SyncOutcome> {
  const result = await db.transaction(async (tx) => {
    const followUps = none();
    const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
    if (!payment || (payment.stripePaymentIntentId && payment.stripePaymentIntentId !== pi.id)) return { status: "unknown" as const, followUps };
    if (!payment.stripePaymentIntentId) await tx.update(payments).set({ stripePaymentIntentId: pi.id, updatedAt: now }).where(eq(payments.id, payment.id));
    if (pi.status === "succeeded" && payment.status !== "succeeded" && payment.status !== "expired" && payment.status !== "cancelled") {
      if (pi.amount !== payment.amountCents) {
        await recordAudit({ practiceId: payment.practiceId, actor: { kind: "system" }, action: "payment.amount_mismatch", subjectType: "payment", subjectId: payment.id }, tx);
        return { status: payment.status, followUps };
      }
      await markSucceeded(tx, payment, pi, now, followUps);
      return { status: "succeeded" as const, followUps };
    }
    const failed = (pi.status === "requires_payment_method" && pi.last_payment_error) || pi.status === "canceled";
    if (failed && payment.status === "pending") {
      await tx
        .update(payments)
        .set({ status: "failed", failureMessage: pi.last_payment_error?.message ?? "The charge was not completed", updatedAt: now })
        .where(eq(payments.id, payment.id));
      await recordAudit({ practiceId: payment.practiceId, actor: { kind: "system" }, action: "payment.failed", subjectType: "payment", subjectId: payment.id }, tx);
      await notifyPaymentFailed(tx, { practiceId: payment.practiceId, paymentId: payment.id, clientId: payment.clientId, appointmentId: payment.appointmentId, now });
      if (payment.feeId) {
        await queueNotification(tx, payment.practiceId, `fee-failed:${payment.id}`, {
          kind: "fee-failed",
          clientId: payment.clientId,
          amountCents: payment.amountCents,
          currency: payment.currency,
          description: payment.description,
          actionUrl: portalBillingUrl(payment.clientId),
          paymentId: payment.id,
        });
      }
      return { status: "failed" as const, followUps };
    }
    return { status: payment.status, followUps };
  });
  await runFollowUps(result.followUps, now);
  kickNotifications();
  kickAppointmentEvents();
  if (result.status === "failed") kickStaffNotifications();
  return result.status;
}
