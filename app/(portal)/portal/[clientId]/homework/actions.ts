"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { noResult } from "@/lib/actions/args";
import { clientAction } from "@/lib/actions/client-action";
import { reminderPreferenceSchema } from "@/lib/homework/check-in-schema";
import { recordCheckIn, setReminders } from "@/lib/homework/record-check-in";

// Thin: the client guard first (the wrapper), then the domain, which validates the check-in.

export const checkInAction = clientAction(z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await recordCheckIn(scope, input, new Date());
  if (!result.ok) return result;
  revalidatePath(`/portal/${scope.client.id}`, "layout");
  return { ok: true as const };
});

/** The reminders switch, a plain form: a value it does not know changes nothing. */
export const setRemindersAction = clientAction(
  z.tuple([z.instanceof(FormData)]),
  async (scope, [formData]) => {
    const parsed = reminderPreferenceSchema.safeParse({ remindersEnabled: formData.get("remindersEnabled") });
    if (!parsed.success) return;
    await setReminders(scope, parsed.data.remindersEnabled);
    revalidatePath(`/portal/${scope.client.id}`);
  },
  noResult,
);
