"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { acknowledgeFlag } from "@/lib/safety/acknowledge";

// Thin: the guard (clinical roles only), then the domain, which validates the note.

export const acknowledgeFlagAction = memberAction("clinical.read", z.tuple([z.string(), z.unknown()]), async (scope, [flagId, input]) => {
  const result = await acknowledgeFlag(scope, flagId, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}`, "layout");
  return { ok: true as const };
});
