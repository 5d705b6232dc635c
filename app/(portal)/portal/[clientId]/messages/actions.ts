"use server";

import { z } from "zod";
import { clientAction } from "@/lib/actions/client-action";
import { uuidArg } from "@/lib/actions/args";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { postClientMessage } from "@/lib/messaging/post";
import { saveMessagePreference } from "@/lib/messaging/settings";
import { filesOf } from "@/lib/messaging/form-files";

// Thin: the wrapper proves the signed-in user owns this client record; the domain finds the thread through that client and checks the input.

export const sendClientMessageAction = clientAction(z.tuple([uuidArg("This conversation was not found."), z.instanceof(FormData)]), async (scope, [threadId, form]) => {
  const result = await postClientMessage(scope, threadId, { body: form.get("body") }, await filesOf(form), new Date());
  return result.ok ? { ok: true as const } : { ok: false as const, errors: domainFormErrors(result) };
});

export const saveMessagePreferenceAction = clientAction(z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await saveMessagePreference(scope, input, new Date());
  return result.ok ? { ok: true as const } : { ok: false as const, errors: domainFormErrors(result) };
});
