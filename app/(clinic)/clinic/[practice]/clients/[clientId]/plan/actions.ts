"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { createPlan, publishVersion, saveDraftVersion } from "@/lib/plans/plans";

// Thin: the wrapper guards (plans.write); the domain validates with the plan form's own schema.

export const createPlanAction = memberAction("plans.write", z.tuple([z.string(), z.unknown()]), async (scope, [clientId, input]) => {
  const result = await createPlan(scope, clientId, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/clients/${clientId}/plan`);
  return { ok: true as const, planId: result.planId };
});

export const savePlanDraftAction = memberAction("plans.write", z.tuple([z.string(), z.string(), z.unknown()]), async (scope, [clientId, planId, input]) => {
  const result = await saveDraftVersion(scope, planId, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/clients/${clientId}/plan/${planId}`);
  return { ok: true as const, planId };
});

export const publishPlanAction = memberAction("plans.write", z.tuple([z.string(), z.string()]), async (scope, [clientId, planId]) => {
  const result = await publishVersion(scope, planId, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/clients/${clientId}/plan/${planId}`);
  return { ok: true as const };
});
