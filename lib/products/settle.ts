import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { payments, productGrants, productOrders } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { runningBoss } from "@/lib/jobs/queue-handle";
import { DOWNLOAD_LINK_DAYS, DOWNLOAD_LINK_USES } from "./schemas";

/**
 * The order side of a workbook's payment, called by billing in the
 * transaction that changes the payment (lib/billing/sync-payments.ts,
 * lib/billing/refunds.ts), so the order and the payment never disagree.
 * Emails are not sent here: the grant row is the outbox, and the
 * "product-links" job (lib/products/deliver.ts) sends its link.
 */

/** A grant for an order: one per order (unique), so a repeated webhook changes nothing. */
export async function grantAccess(tx: DbOrTx, input: { practiceId: string; orderId: string; now: Date }): Promise<void> {
  await tx
    .insert(productGrants)
    .values({
      practiceId: input.practiceId,
      orderId: input.orderId,
      expiresAt: new Date(input.now.getTime() + DOWNLOAD_LINK_DAYS * 86_400_000),
      usesLeft: DOWNLOAD_LINK_USES,
      createdAt: input.now,
    })
    .onConflictDoNothing({ target: productGrants.orderId });
}

/** The payment succeeded: the order is paid (once) and its download link is owed. */
export async function settleProductPayment(tx: DbOrTx, payment: { id: string; practiceId: string; productOrderId: string | null }, now: Date): Promise<void> {
  if (!payment.productOrderId) return;
  const [paid] = await tx
    .update(productOrders)
    .set({ status: "paid", paidAt: now })
    .where(and(eq(productOrders.id, payment.productOrderId), eq(productOrders.practiceId, payment.practiceId), eq(productOrders.status, "pending")))
    .returning({ id: productOrders.id });
  if (!paid) return;
  await grantAccess(tx, { practiceId: payment.practiceId, orderId: paid.id, now });
  await recordAudit({ practiceId: payment.practiceId, actor: { kind: "system" }, action: "product.paid", subjectType: "product_order", subjectId: paid.id, detail: { paymentId: payment.id } }, tx);
}

/** The checkout expired unpaid (or never opened): the order reads abandoned, so staff see it was not bought. Once. */
export async function abandonProductOrder(tx: DbOrTx, payment: { practiceId: string; productOrderId: string | null }, now: Date): Promise<void> {
  if (!payment.productOrderId) return;
  const [abandoned] = await tx
    .update(productOrders)
    .set({ status: "abandoned" })
    .where(and(eq(productOrders.id, payment.productOrderId), eq(productOrders.practiceId, payment.practiceId), eq(productOrders.status, "pending")))
    .returning({ id: productOrders.id });
  if (abandoned) await recordAudit({ practiceId: payment.practiceId, actor: { kind: "system" }, action: "product.abandoned", subjectType: "product_order", subjectId: abandoned.id, detail: { at: now.toISOString() } }, tx);
}

/**
 * A refund (pending or made) on a workbook's payment ends the buyer's
 * access at once: the order reads refunded and its link is revoked. A
 * refund that later fails does not restore it (staff can gift it again).
 */
export async function revokeForRefund(tx: DbOrTx, paymentId: string, now: Date): Promise<void> {
  const [payment] = await tx
    .select({ orderId: payments.productOrderId, practiceId: payments.practiceId })
    .from(payments)
    .where(and(eq(payments.id, paymentId), gt(payments.refundedCents, 0)));
  if (!payment?.orderId) return;
  const [refunded] = await tx
    .update(productOrders)
    .set({ status: "refunded", refundedAt: now })
    .where(and(eq(productOrders.id, payment.orderId), inArray(productOrders.status, ["paid"])))
    .returning({ id: productOrders.id });
  await tx.update(productGrants).set({ revokedAt: now }).where(and(eq(productGrants.orderId, payment.orderId), isNull(productGrants.revokedAt)));
  if (refunded) {
    await recordAudit({ practiceId: payment.practiceId, actor: { kind: "system" }, action: "product.access_revoked", subjectType: "product_order", subjectId: refunded.id, detail: { paymentId } }, tx);
  }
}

/** Asks the job runner (when this process runs one) to email owed links now rather than at the next tick. */
export function kickProductLinks(): void {
  runningBoss()
    ?.send("product-links", {}, { singletonKey: "product-links", singletonSeconds: 1 })
    .catch(() => {});
}
