"use server";

import { redirect } from "next/navigation";
import { isUuid } from "@/lib/ids";
import { paymentStatusView } from "@/lib/billing/payment-status";
import { expireCheckout } from "@/lib/billing/sync-payments";
import { db } from "@/db/client";
import { payments } from "@/db/schema";
import { eq } from "drizzle-orm";
import { TOKEN_PURPOSES, verifyToken } from "@/lib/tokens";

/** The visitor gives up paying: the checkout is expired in Stripe and the time freed (or, if it was paid meanwhile, kept). */
export async function releaseCheckoutAction(form: FormData): Promise<void> {
  const paymentId = String(form.get("paymentId") ?? "");
  const t = String(form.get("t") ?? "");
  const token = verifyToken<{ paymentId?: string }>(TOKEN_PURPOSES.payCancel, t, new Date());
  if (!isUuid(paymentId) || !token.ok || token.data.paymentId !== paymentId) redirect("/");
  const [payment] = await db.select({ sessionId: payments.stripeCheckoutSessionId, account: payments.stripeAccountId }).from(payments).where(eq(payments.id, paymentId));
  const view = await paymentStatusView({ paymentId });
  if (payment?.sessionId && view?.status === "pending") await expireCheckout(payment.sessionId, payment.account, new Date()).catch(() => null);
  redirect(`/pay/${paymentId}/cancel?t=${encodeURIComponent(t)}`);
}
