"use server";

import { redirect } from "next/navigation";
import { isUuid } from "@/lib/ids";
import { requireClient } from "@/lib/auth/guards";
import { buyPackage, payBalance } from "@/lib/billing/portal-billing";

// Thin: the client guard first, then the domain; on success the browser goes to Stripe Checkout.

export async function payBalanceAction(clientId: string, form: FormData): Promise<void> {
  const { client } = await requireClient(clientId);
  const feeId = String(form.get("feeId") ?? "");
  const result = isUuid(feeId) ? await payBalance(client, feeId, new Date()) : { ok: false as const, message: "Nothing to pay" };
  redirect(result.ok ? result.url : `/portal/${clientId}/billing?error=${encodeURIComponent(result.message)}`);
}

export async function buyPackageAction(clientId: string, form: FormData): Promise<void> {
  const { client } = await requireClient(clientId);
  const packageId = String(form.get("packageId") ?? "");
  const forCouple = form.get("forCouple") === "on";
  const result = isUuid(packageId) ? await buyPackage(client, packageId, forCouple, new Date()) : { ok: false as const, message: "Unknown package" };
  redirect(result.ok ? result.url : `/portal/${clientId}/billing?error=${encodeURIComponent(result.message)}`);
}
