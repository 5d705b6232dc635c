"use server";

import { headers } from "next/headers";
import { requireClient } from "@/lib/auth/guards";
import { clientIp } from "@/lib/http/client-ip";
import { saveDraft, submitResponse, type RespondResult } from "@/lib/intake/respond";

/** Autosave: the signed-in client's own assignment only (anything else is "not found"). */
export async function saveDraftAction(clientId: string, assignmentId: string, input: unknown): Promise<RespondResult> {
  const { client, user } = await requireClient(clientId);
  return saveDraft({ id: client.id, practiceId: client.practiceId, userId: user.id }, assignmentId, input, new Date());
}

export async function submitFormAction(clientId: string, assignmentId: string, input: unknown): Promise<RespondResult> {
  const { client, user } = await requireClient(clientId);
  return submitResponse({ id: client.id, practiceId: client.practiceId, userId: user.id }, assignmentId, input, { ip: clientIp(await headers()), now: new Date() });
}
