"use server";

import { getCurrentUser } from "@/lib/auth/current-user";
import type { FieldErrors } from "@/lib/form-result";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { headers } from "next/headers";
import { clientIp } from "@/lib/http/client-ip";
import { buyProductWithinLimits } from "@/lib/products/buy-limits";
import { getPublicPractice } from "@/lib/practices/public-practices";

/**
 * Public, no account needed: the buyer's name and email, then Stripe Checkout.
 * A signed-in portal client of this practice buys as their own record. Rate-limited per IP, practice and address.
 */
export async function buyProductAction(slug: string, productId: string, values: unknown): Promise<{ ok: true; checkoutUrl: string } | { ok: false; errors: FieldErrors }> {
  const practice = typeof slug === "string" ? await getPublicPractice(slug) : null;
  if (!practice || typeof productId !== "string") return { ok: false, errors: { form: ["This product is not offered."] } };
  const user = await getCurrentUser();
  const result = await buyProductWithinLimits({ ip: clientIp(await headers()), practiceId: practice.id, productId, values, signedInUserId: user?.id ?? null, now: new Date(), cancelPath: `/book/${practice.slug}/products/${productId}` });
  if (!result.ok) return { ok: false, errors: domainFormErrors(result) };
  return result;
}
