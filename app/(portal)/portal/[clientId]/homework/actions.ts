"use server";

import { revalidatePath } from "next/cache";
import { requireClient } from "@/lib/auth/guards";
import type { FieldErrors } from "@/lib/form-result";
import { reminderPreferenceSchema } from "@/lib/homework/check-in-schema";
import { recordCheckIn, setReminders } from "@/lib/homework/record-check-in";

export async function checkInAction(clientId: string, input: unknown): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const scope = await requireClient(clientId);
  const result = await recordCheckIn(scope, input, new Date());
  if (!result.ok) return result;
  revalidatePath(`/portal/${clientId}`, "layout");
  return { ok: true };
}

export async function setRemindersAction(clientId: string, formData: FormData): Promise<void> {
  const scope = await requireClient(clientId);
  const parsed = reminderPreferenceSchema.safeParse({ remindersEnabled: formData.get("remindersEnabled") });
  if (!parsed.success) return;
  await setReminders(scope, parsed.data.remindersEnabled);
  revalidatePath(`/portal/${clientId}`);
}
