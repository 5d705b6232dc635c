"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { uuidArg } from "@/lib/actions/args";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import { assignThread, setThreadStatus } from "@/lib/messaging/inbox";
import { filesOf } from "@/lib/messaging/form-files";
import { postStaffMessage } from "@/lib/messaging/post";
import { deleteReplyTemplate, saveMessagingSettings, saveReplyTemplate } from "@/lib/messaging/settings";

// Thin: the wrapper guards; the domain finds the thread only through the member's reach (lib/messaging/access.ts).

const THREAD = uuidArg("This conversation was not found.");
const fail = (result: Parameters<typeof domainFormErrors>[0]) => ({ ok: false as const, errors: domainFormErrors(result) });

export const sendStaffMessageAction = memberAction("practice.view", z.tuple([THREAD, z.instanceof(FormData)]), async (scope, [threadId, form]) => {
  const result = await postStaffMessage(scope, threadId, { body: form.get("body") }, await filesOf(form), new Date());
  return result.ok ? { ok: true as const } : fail(result);
});

export const assignThreadAction = memberAction("practice.view", z.tuple([THREAD, z.string().nullable()]), async (scope, [threadId, memberId]) => {
  const result = await assignThread(scope, threadId, memberId || null);
  revalidatePath(`/clinic/${scope.practice.slug}/messages/${threadId}`);
  return result.ok ? { ok: true as const } : fail(result);
});

export const setThreadStatusAction = memberAction("practice.view", z.tuple([THREAD, z.enum(["open", "done"])]), async (scope, [threadId, status]) => {
  const result = await setThreadStatus(scope, threadId, status);
  revalidatePath(`/clinic/${scope.practice.slug}/messages/${threadId}`);
  return result.ok ? { ok: true as const } : fail(result);
});

export const saveMessagingSettingsAction = memberAction("settings.manage", z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await saveMessagingSettings(scope, input, new Date());
  return result.ok ? { ok: true as const } : fail(result);
});

export const saveReplyTemplateAction = memberAction("settings.manage", z.tuple([uuidArg("This template was not found.").nullable(), z.unknown()]), async (scope, [id, input]) => {
  const result = await saveReplyTemplate(scope, id, input, new Date());
  revalidatePath(`/clinic/${scope.practice.slug}/settings/messaging`);
  return result.ok ? { ok: true as const } : fail(result);
});

export const deleteReplyTemplateAction = memberAction("settings.manage", z.tuple([uuidArg("This template was not found.")]), async (scope, [id]) => {
  const result = await deleteReplyTemplate(scope, id);
  revalidatePath(`/clinic/${scope.practice.slug}/settings/messaging`);
  return result.ok ? { ok: true as const } : fail(result);
});
