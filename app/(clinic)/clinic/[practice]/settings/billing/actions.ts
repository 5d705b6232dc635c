"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { isUuid } from "@/lib/ids";
import { requireMember } from "@/lib/auth/guards";
import { createPackage, saveMemberBilling, savePracticeBilling, saveServiceBilling } from "@/lib/billing/billing-settings";
import { startOnboarding } from "@/lib/billing/connect";
import type { ActionResult } from "@/lib/form-result";
import { defaultCurrencyFor } from "@/lib/money";

// Thin: managers only; the domain validates with the forms' own schemas.

const notFoundResult = (field: string): ActionResult => ({ ok: false, errors: { [field]: ["Not found"] } });

export async function savePracticeBillingAction(slug: string, values: unknown): Promise<ActionResult> {
  const scope = await requireMember(slug, "settings.manage");
  const result = await savePracticeBilling(scope, values);
  revalidatePath(`/clinic/${slug}/settings/billing`);
  return result;
}

export async function saveServiceBillingAction(slug: string, serviceId: string, values: unknown): Promise<ActionResult> {
  const scope = await requireMember(slug, "settings.manage");
  if (!isUuid(serviceId)) return notFoundResult("paymentMode");
  const result = await saveServiceBilling(scope, serviceId, values);
  revalidatePath(`/clinic/${slug}/settings/billing`);
  return result;
}

export async function saveMemberBillingAction(slug: string, memberId: string, values: unknown): Promise<ActionResult> {
  const scope = await requireMember(slug, "settings.manage");
  if (!isUuid(memberId)) return notFoundResult("licenseNumber");
  const result = await saveMemberBilling(scope, memberId, values);
  revalidatePath(`/clinic/${slug}/settings/billing`);
  return result;
}

export async function createPackageAction(slug: string, values: unknown): Promise<ActionResult> {
  const scope = await requireMember(slug, "settings.manage");
  const result = await createPackage(scope, values, defaultCurrencyFor(scope.practice.country));
  revalidatePath(`/clinic/${slug}/settings/billing`);
  return result;
}

export async function connectStripeAction(slug: string): Promise<void> {
  const scope = await requireMember(slug, "settings.manage");
  const result = await startOnboarding(scope.practice.id, { kind: "member", userId: scope.user.id }, new Date());
  redirect(result.ok ? result.url : `/clinic/${slug}/settings/billing?error=${encodeURIComponent(result.message)}`);
}
