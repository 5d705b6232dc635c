"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { issueGfeForClient, reissueGfe } from "@/lib/gfe/staff";
import { domainFormErrors } from "@/lib/http/domain-error-response";

// Thin: the wrapper guards (gfe.issue); the domain parses the estimate form's schema and refuses non-US practices.

export const issueGfeAction = memberAction("gfe.issue", z.tuple([z.string(), z.unknown()]), async (scope, [clientId, input]) => {
  const result = await issueGfeForClient(scope, clientId, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/clients/${clientId}/estimates`);
  return { ok: true as const };
});

export const reissueGfeAction = memberAction("gfe.issue", z.tuple([z.string(), z.string(), z.unknown()]), async (scope, [clientId, gfeId, input]) => {
  const result = await reissueGfe(scope, gfeId, input, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidatePath(`/clinic/${scope.practice.slug}/clients/${clientId}/estimates`);
  return { ok: true as const };
});
