"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { markAllRead } from "@/lib/notifications/inbox";
import { savePreferences } from "@/lib/notifications/preferences";

// Thin: the wrapper guards (a member's own notices and settings only); the domain validates.

export const markAllReadAction = memberAction("practice.view", z.tuple([]), async (scope) => {
  await markAllRead(scope, new Date());
  revalidatePath(`/clinic/${scope.practice.slug}`, "layout");
  return { ok: true as const };
});

export const savePreferencesAction = memberAction("practice.view", z.tuple([z.unknown()]), async (scope, [values]) => {
  const result = await savePreferences(scope, values, new Date());
  revalidatePath(`/clinic/${scope.practice.slug}/settings/notifications`);
  return result;
});
