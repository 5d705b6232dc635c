"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { clientAction } from "@/lib/actions/client-action";
import { signDocument } from "@/lib/documents/sign";
import { clientIp } from "@/lib/http/client-ip";
import { domainFormErrors } from "@/lib/http/domain-error-response";

// Thin: the client guard first (the wrapper), then the domain, which validates with the form's schema.

const NOT_FOUND = "This document was not found";

export const signDocumentAction = clientAction(
  z.tuple([z.string({ message: NOT_FOUND }), z.unknown()]),
  async ({ client, user }, [shareId, input]) => {
    const h = await headers();
    const result = await signDocument({ id: client.id, practiceId: client.practiceId, userId: user.id }, shareId, input, {
      ip: clientIp(h),
      userAgent: h.get("user-agent") ?? "",
      now: new Date(),
    });
    if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
    revalidatePath(`/portal/${client.id}/documents`);
    return { ok: true as const };
  },
  (message) => ({ ok: false as const, errors: { form: [message] } }),
);
