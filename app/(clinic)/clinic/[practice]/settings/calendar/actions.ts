"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { makeMemberFeedLink, revokeMemberFeed, saveFeedSummary } from "@/lib/calendar/feeds";

// Thin: the wrapper guards (the member's own feed needs sessions.take); the domain validates.

export const makeFeedLinkAction = memberAction("sessions.take", z.tuple([]), async (scope) => {
  const link = await makeMemberFeedLink(scope);
  return { ok: true as const, url: link.url };
}, (message) => ({ ok: false as const, message }));

export const revokeFeedLinkAction = memberAction("sessions.take", z.tuple([]), async (scope) => {
  await revokeMemberFeed(scope);
  return { ok: true as const };
}, (message) => ({ ok: false as const, message }));

export const saveFeedSummaryAction = memberAction("settings.manage", z.tuple([z.unknown()]), async (scope, [values]) => {
  const result = await saveFeedSummary(scope, values);
  revalidatePath(`/clinic/${scope.practice.slug}/settings/calendar`);
  return result;
});
