import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import Stripe from "stripe";
import { db, type DbOrTx } from "@/db/client";
import { payments, refunds, type Refund } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { formatMoney, parseMoney } from "@/lib/money";
import { refundFormSchema } from "./refund-schema";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { kickNotifications, queueNotification } from "./notifications";
import { accountOptions, sameAccount, stripe, stripeErrorMessage } from "./stripe-client";
import { revokeForRefund } from "@/lib/products/settle";

export type RefundResult = { ok: true; refundId: string; status: Refund["status"] } | { ok: false; errors: FieldErrors; message?: string };

/** Refunds and pending refunds count against what can still be refunded. */
export async function recomputeRefunded(tx: DbOrTx, paymentId: string): Promise<void> {
  await tx
    .update(payments)
    .set({
      refundedCents: sql`(select coalesce(sum(${refunds.amountCents}), 0)::int from ${refunds} where ${refunds.paymentId} = ${paymentId} and ${refunds.status} in ('pending', 'succeeded'))`,
      updatedAt: new Date(),
    })
    .where(eq(payments.id, paymentId));
  // A workbook refunded (any amount, pending or made) loses its download at once (decision 0056).
  await revokeForRefund(tx, paymentId, new Date());
}

/**
 * Staff refund part or all of a payment, with a reason. The refund row is
 * written first (reserving the amount, so two refunds at once can never
 * exceed what was paid), then Stripe is asked under a key derived from it.
 */
export async function refundPayment(
  input: { practiceId: string; paymentId: string; actor: AuditActor & { kind: "member" }; values: unknown },
  now: Date,
): Promise<RefundResult> {
  const parsed = refundFormSchema.safeParse(input.values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const amountCents = (parseMoney(parsed.data.amount) as { cents: number }).cents;
  const created = await db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.id, input.paymentId), eq(payments.practiceId, input.practiceId)))
      .for("update");
    if (!payment) return fieldError("amount", "That payment was not found");
    if (payment.status !== "succeeded") return fieldError("amount", "Only a payment that succeeded can be refunded");
    const remaining = payment.amountCents - payment.refundedCents;
    if (amountCents > remaining) {
      return fieldError("amount", remaining > 0 ? `At most ${formatMoney(remaining, payment.currency)} can still be refunded` : "This payment is already fully refunded");
    }
    // Money taken at the desk goes back at the desk: the refund is recorded as made, and Stripe is never asked.
    const offline = payment.method !== "stripe";
    const [refund] = await tx
      .insert(refunds)
      .values({ practiceId: payment.practiceId, paymentId: payment.id, amountCents, currency: payment.currency, reason: parsed.data.reason, status: offline ? "succeeded" : "pending", createdByUserId: input.actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: refunds.id });
    await recomputeRefunded(tx, payment.id);
    await recordAudit(
      { practiceId: payment.practiceId, actor: input.actor, action: "payment.refund", subjectType: "payment", subjectId: payment.id, detail: { refundId: refund!.id, amountCents, ...(offline ? { offline: true } : {}) } },
      tx,
    );
    if (offline) {
      await queueNotification(tx, payment.practiceId, `refund:${refund!.id}`, {
        kind: "refund",
        clientId: payment.clientId,
        amountCents,
        currency: payment.currency,
        description: payment.description,
        reason: parsed.data.reason,
        paymentId: payment.id,
      });
    }
    return { ok: true as const, refundId: refund!.id, offline };
  });
  if (!created.ok) return created;
  if (created.offline) {
    kickNotifications();
    return { ok: true, refundId: created.refundId, status: "succeeded" };
  }
  const submitted = await submitRefund(created.refundId, now);
  if (submitted.status === "failed") return { ok: false, errors: { amount: [submitted.message] }, message: submitted.message };
  return { ok: true, refundId: created.refundId, status: submitted.status };
}

/** A refund the system makes by policy (cancelled in time, a payment that arrived after its hold ended). */
export async function queueSystemRefund(tx: DbOrTx, paymentId: string, amountCents: number, reason: string, now: Date): Promise<string | null> {
  if (amountCents <= 0) return null;
  const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
  if (!payment || payment.status !== "succeeded") return null;
  // Cash or a cheque cannot be handed back by the system: the desk refunds it (refundPayment records it).
  if (payment.method !== "stripe") return null;
  const amount = Math.min(amountCents, payment.amountCents - payment.refundedCents);
  if (amount <= 0) return null;
  const [refund] = await tx
    .insert(refunds)
    .values({ practiceId: payment.practiceId, paymentId, amountCents: amount, currency: payment.currency, reason, createdAt: now, updatedAt: now })
    .returning({ id: refunds.id });
  await recomputeRefunded(tx, paymentId);
  await recordAudit({ practiceId: payment.practiceId, actor: { kind: "system" }, action: "payment.refund", subjectType: "payment", subjectId: paymentId, detail: { refundId: refund!.id, amountCents: amount, automatic: true } }, tx);
  return refund!.id;
}

type SubmitOutcome = { status: "succeeded" | "pending" } | { status: "failed"; message: string };

/**
 * Asks Stripe for a refund we recorded. Idempotent by the refund's id: a
 * retry after a timeout returns the refund Stripe already made.
 */
export async function submitRefund(refundId: string, now: Date): Promise<SubmitOutcome> {
  const [row] = await db
    .select({ refund: refunds, paymentIntent: payments.stripePaymentIntentId, account: payments.stripeAccountId })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(refunds.id, refundId));
  if (!row) return { status: "failed", message: "Refund not found" };
  if (row.refund.status !== "pending" || row.refund.stripeRefundId) return row.refund.status === "failed" ? { status: "failed", message: row.refund.failureMessage ?? "Refund failed" } : { status: row.refund.status === "succeeded" ? "succeeded" : "pending" };
  if (!row.paymentIntent) return markFailed(row.refund, "This payment has no Stripe charge to refund", now);
  try {
    const refund = await stripe().refunds.create(
      { payment_intent: row.paymentIntent, amount: row.refund.amountCents, reason: "requested_by_customer", metadata: { refundId, paymentId: row.refund.paymentId } },
      { idempotencyKey: `refund:${refundId}`, ...accountOptions(row.account) },
    );
    const status = await applyStripeRefund(refund, now);
    return status === "failed" ? { status: "failed", message: refund.failure_reason ?? "Stripe could not make the refund" } : { status: status === "succeeded" ? "succeeded" : "pending" };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError || error instanceof Stripe.errors.StripeRateLimitError) {
      // Outcome unknown: the refund stays pending and reconciliation retries it under the same key.
      console.warn(`[billing] refund ${refundId}: Stripe unavailable, will retry`);
      return { status: "pending" };
    }
    return markFailed(row.refund, stripeErrorMessage(error), now);
  }
}

async function markFailed(refund: Refund, message: string, now: Date): Promise<SubmitOutcome> {
  await db.transaction(async (tx) => {
    await tx.update(refunds).set({ status: "failed", failureMessage: message, updatedAt: now }).where(and(eq(refunds.id, refund.id), eq(refunds.status, "pending")));
    await recomputeRefunded(tx, refund.paymentId);
    await recordAudit({ practiceId: refund.practiceId, actor: { kind: "system" }, action: "payment.refund_failed", subjectType: "payment", subjectId: refund.paymentId, detail: { refundId: refund.id } }, tx);
  });
  return { status: "failed", message };
}

const STATUS: Record<string, Refund["status"]> = { succeeded: "succeeded", pending: "pending", requires_action: "pending", failed: "failed", canceled: "cancelled" };

/**
 * Converges our refund row with Stripe's refund object (from a create
 * response, a webhook's re-read, or reconciliation). A refund made in
 * Stripe's dashboard gets a row of its own. Emails the client once when it
 * first succeeds.
 */
/** `fromAccount`: the account the refund was read from (a webhook's); it must own the payment. */
export async function applyStripeRefund(refund: Stripe.Refund, now: Date, fromAccount?: string | null): Promise<Refund["status"] | null> {
  const piId = typeof refund.payment_intent === "string" ? refund.payment_intent : refund.payment_intent?.id;
  if (!piId) return null;
  const status = STATUS[refund.status ?? "pending"] ?? "pending";
  const result = await db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.stripePaymentIntentId, piId)).for("update");
    if (!payment) return null;
    if (fromAccount !== undefined && !sameAccount(payment.stripeAccountId, fromAccount)) return null;
    const ourId = refund.metadata?.refundId;
    let [row] = await tx
      .select()
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), ourId ? eq(refunds.id, ourId) : eq(refunds.stripeRefundId, refund.id)));
    if (!row) [row] = await tx.select().from(refunds).where(eq(refunds.stripeRefundId, refund.id));
    if (!row) {
      [row] = await tx
        .insert(refunds)
        .values({ practiceId: payment.practiceId, paymentId: payment.id, amountCents: refund.amount, currency: payment.currency, reason: "Refunded in Stripe", stripeRefundId: refund.id, status: "pending", createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: refunds.stripeRefundId })
        .returning();
      if (!row) [row] = await tx.select().from(refunds).where(eq(refunds.stripeRefundId, refund.id));
    }
    if (!row) return null;
    const firstSuccess = status === "succeeded" && row.status !== "succeeded";
    // Final states stay final; a stale "pending" read never undoes "succeeded".
    const next = row.status === "succeeded" || row.status === "failed" || row.status === "cancelled" ? row.status : status;
    await tx
      .update(refunds)
      .set({ stripeRefundId: refund.id, status: next, failureMessage: next === "failed" ? (refund.failure_reason ?? "failed") : row.failureMessage, updatedAt: now })
      .where(eq(refunds.id, row.id));
    await recomputeRefunded(tx, payment.id);
    if (firstSuccess && next === "succeeded") {
      await queueNotification(tx, payment.practiceId, `refund:${row.id}`, {
        kind: "refund",
        clientId: payment.clientId,
        amountCents: row.amountCents,
        currency: payment.currency,
        description: payment.description,
        reason: row.reason,
        paymentId: payment.id,
      });
    }
    return next;
  });
  kickNotifications();
  return result;
}

/** Every refund Stripe has for a payment intent (after `charge.refunded`). */
export async function syncRefundsForPaymentIntent(paymentIntentId: string, stripeAccountId: string | null, now: Date): Promise<void> {
  const list = await stripe().refunds.list({ payment_intent: paymentIntentId, limit: 100 }, accountOptions(stripeAccountId));
  for (const refund of list.data) await applyStripeRefund(refund, now, stripeAccountId);
}

export async function syncRefund(refundId: string, stripeAccountId: string | null, now: Date): Promise<void> {
  const refund = await stripe().refunds.retrieve(refundId, {}, accountOptions(stripeAccountId));
  await applyStripeRefund(refund, now, stripeAccountId);
}

/** Refunds we recorded but Stripe never confirmed (a timeout): asked again under the same key. */
export async function retryPendingRefunds(now: Date, olderThanMs = 60_000): Promise<number> {
  const rows = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.status, "pending"), isNull(refunds.stripeRefundId), lte(refunds.createdAt, new Date(now.getTime() - olderThanMs))))
    .limit(100);
  for (const r of rows) await submitRefund(r.id, now);
  return rows.length;
}

export async function refundsForPayments(paymentIds: string[]) {
  if (paymentIds.length === 0) return [];
  return db.select().from(refunds).where(inArray(refunds.paymentId, paymentIds)).orderBy(refunds.createdAt);
}
