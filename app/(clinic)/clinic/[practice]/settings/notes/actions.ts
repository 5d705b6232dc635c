"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { saveNoteSettings } from "@/lib/notes/settings";

// Thin: the wrapper guards (settings.manage); the domain validates and audits.
export const saveNoteSettingsAction = memberAction("settings.manage", z.tuple([z.unknown()]), async (scope, [values]) => {
  const result = await saveNoteSettings(scope, values);
  revalidatePath(`/clinic/${scope.practice.slug}/settings/notes`);
  return result;
});
