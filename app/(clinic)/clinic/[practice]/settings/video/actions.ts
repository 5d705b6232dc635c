"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { saveOwnVideoRoom, saveVideoPattern } from "@/lib/video/settings";

// Thin: the wrapper guards; the domain validates with the forms' own schemas (lib/video/settings-schema.ts).

export const saveVideoPatternAction = memberAction("settings.manage", z.tuple([z.unknown()]), async (scope, [values]) => {
  const result = await saveVideoPattern(scope, values);
  revalidatePath(`/clinic/${scope.practice.slug}/settings/video`);
  return result;
});

export const saveOwnVideoRoomAction = memberAction("sessions.take", z.tuple([z.unknown()]), async (scope, [values]) => {
  const result = await saveOwnVideoRoom(scope, values);
  revalidatePath(`/clinic/${scope.practice.slug}/settings/video`);
  return result;
});
