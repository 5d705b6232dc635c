"use server";

import { redirect } from "next/navigation";
import { isUuid } from "@/lib/ids";
import { releaseCheckout } from "@/lib/billing/release-checkout";
import { TOKEN_PURPOSES, verifyToken } from "@/lib/tokens";

/** The visitor gives up paying: the checkout is expired in Stripe and the time freed (or, if it was paid meanwhile, kept). */
export async function releaseCheckoutAction(form: FormData): Promise<void> {
  const paymentId = String(form.get("paymentId") ?? "");
  const t = String(form.get("t") ?? "");
  const token = verifyToken<{ paymentId?: string }>(TOKEN_PURPOSES.payCancel, t, new Date());
  if (!isUuid(paymentId) || !token.ok || token.data.paymentId !== paymentId) redirect("/");
  await releaseCheckout(paymentId, new Date());
  redirect(`/pay/${paymentId}/cancel?t=${encodeURIComponent(t)}`);
}
