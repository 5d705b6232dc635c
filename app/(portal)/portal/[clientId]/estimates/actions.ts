"use server";

import { z } from "zod";
import { clientAction } from "@/lib/actions/client-action";
import { requestGfe } from "@/lib/gfe/portal";
import { domainFormErrors } from "@/lib/http/domain-error-response";

// Thin: the client guard first (the wrapper), then the domain, which parses the estimate form's schema.
// Who asks is the session's client record, never a field of the request.

export const requestGfeAction = clientAction(
  z.tuple([z.unknown()]),
  async ({ client, practice, user }, [input]) => {
    const result = await requestGfe({ userId: user.id, clientId: client.id, practiceId: client.practiceId, practiceCountry: practice.country }, input, new Date());
    if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
    return { ok: true as const };
  },
  (message) => ({ ok: false as const, errors: { form: [message] } }),
);
