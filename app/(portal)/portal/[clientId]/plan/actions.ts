"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { clientAction } from "@/lib/actions/client-action";
import { clientIp } from "@/lib/http/client-ip";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { signPlan } from "@/lib/plans/portal";

// Thin: the client guard first (the wrapper), then the domain, which validates with the sign form's schema.
// Who signs is the session's client record, never a field of the request.

export const signPlanAction = clientAction(
  z.tuple([z.string({ message: "This plan was not found" }), z.unknown()]),
  async ({ client, user }, [versionId, input]) => {
    const h = await headers();
    const result = await signPlan({ id: client.id, practiceId: client.practiceId, userId: user.id }, versionId, input, {
      ip: clientIp(h),
      userAgent: h.get("user-agent") ?? "",
      now: new Date(),
    });
    if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
    revalidatePath(`/portal/${client.id}/plan`);
    return { ok: true as const };
  },
  (message) => ({ ok: false as const, errors: { form: [message] } }),
);
