import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { payments } from "@/db/schema";
import { paymentStatusView } from "./payment-status";
import { expireCheckout } from "./sync-payments";

/**
 * The visitor gives up paying: a checkout still pending is expired in Stripe (which frees the
 * time); one paid meanwhile is kept. The caller has checked the pay-cancel token names `paymentId`.
 */
export async function releaseCheckout(paymentId: string, now: Date): Promise<void> {
  const [payment] = await db.select({ sessionId: payments.stripeCheckoutSessionId, account: payments.stripeAccountId }).from(payments).where(eq(payments.id, paymentId));
  const view = await paymentStatusView({ paymentId });
  if (payment?.sessionId && view?.status === "pending") await expireCheckout(payment.sessionId, payment.account, now).catch(() => null);
}
