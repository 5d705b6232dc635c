"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/guards";
import { linkCouple, unlinkCouple } from "@/lib/clients/link-couple";
import { saveClient } from "@/lib/clients/save-client";
import type { FieldErrors } from "@/lib/form-result";

type Result = { ok: true; clientId: string } | { ok: false; errors: FieldErrors };

export async function saveClientAction(practiceSlug: string, clientId: string | null, input: unknown): Promise<Result> {
  const scope = await requireMember(practiceSlug, "clients.edit");
  const result = await saveClient(scope, clientId, input);
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/clients`);
  return result;
}

export async function linkCoupleAction(practiceSlug: string, clientId: string, input: unknown): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const scope = await requireMember(practiceSlug, "couples.link");
  const result = await linkCouple(scope, clientId, input);
  if (!result.ok) return result;
  revalidatePath(`/clinic/${practiceSlug}/clients`, "layout");
  return { ok: true };
}

export async function unlinkCoupleAction(practiceSlug: string, clientId: string, formData: FormData): Promise<void> {
  const scope = await requireMember(practiceSlug, "couples.link");
  await unlinkCouple(scope, String(formData.get("coupleId") ?? ""));
  revalidatePath(`/clinic/${practiceSlug}/clients/${clientId}`);
}
