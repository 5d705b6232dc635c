"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { markGfeDelivered } from "@/lib/gfe/staff";
import { domainFormErrors } from "@/lib/http/domain-error-response";

// Thin: the wrapper guards (gfe.track: whoever chases deliveries may record one made by hand); the domain audits it.

export const markGfeDeliveredAction = memberAction("gfe.track", z.tuple([z.string()]), async (scope, [gfeId]) => {
  const result = await markGfeDelivered(scope, gfeId, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/estimates`);
  return { ok: true as const };
});
