"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { fieldFailure, noResult, uuidArg } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { createPackage, saveMemberBilling, savePracticeBilling, saveServiceBilling } from "@/lib/billing/billing-settings";
import { startOnboarding } from "@/lib/billing/connect";
import { practiceCurrency } from "@/lib/money";

// Thin: managers only (the wrapper's guard); the domain validates with the forms' own schemas.

const revalidate = (slug: string) => revalidatePath(`/clinic/${slug}/settings/billing`);

export const savePracticeBillingAction = memberAction("settings.manage", z.tuple([z.unknown()]), async (scope, [values]) => {
  const result = await savePracticeBilling(scope, values);
  revalidate(scope.practice.slug);
  return result;
});

export const saveServiceBillingAction = memberAction(
  "settings.manage",
  z.tuple([uuidArg("Not found"), z.unknown()]),
  async (scope, [serviceId, values]) => {
    const result = await saveServiceBilling(scope, serviceId, values);
    revalidate(scope.practice.slug);
    return result;
  },
  fieldFailure("paymentMode"),
);

export const saveMemberBillingAction = memberAction(
  "settings.manage",
  z.tuple([uuidArg("Not found"), z.unknown()]),
  async (scope, [memberId, values]) => {
    const result = await saveMemberBilling(scope, memberId, values);
    revalidate(scope.practice.slug);
    return result;
  },
  fieldFailure("licenseNumber"),
);

export const createPackageAction = memberAction("settings.manage", z.tuple([z.unknown()]), async (scope, [values]) => {
  const result = await createPackage(scope, values, practiceCurrency(scope.practice));
  revalidate(scope.practice.slug);
  return result;
});

export const connectStripeAction = memberAction(
  "settings.manage",
  z.tuple([]),
  async (scope): Promise<void> => {
    const result = await startOnboarding(scope.practice.id, { kind: "member", userId: scope.user.id }, new Date());
    redirect(result.ok ? result.url : `/clinic/${scope.practice.slug}/settings/billing?error=${encodeURIComponent(result.message)}`);
  },
  noResult,
);
