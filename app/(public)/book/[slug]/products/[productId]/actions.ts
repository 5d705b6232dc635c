"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import type { FieldErrors } from "@/lib/form-result";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { buyProduct } from "@/lib/products/buy";
import { getPublicPractice } from "@/lib/practices/public-practices";

/**
 * Public, no account needed: the buyer's name and email, then Stripe Checkout.
 * A signed-in portal client of this practice buys as their own record.
 */
export async function buyProductAction(slug: string, productId: string, values: unknown): Promise<{ ok: true; checkoutUrl: string } | { ok: false; errors: FieldErrors }> {
  const practice = typeof slug === "string" ? await getPublicPractice(slug) : null;
  if (!practice || typeof productId !== "string") return { ok: false, errors: { form: ["This product is not offered."] } };
  const user = await getCurrentUser();
  const result = await buyProduct({ practiceId: practice.id, productId, values, signedInUserId: user?.id ?? null, now: new Date(), cancelPath: `/book/${practice.slug}/products/${productId}` });
  if (!result.ok) return { ok: false, errors: domainFormErrors(result) };
  return result;
}
