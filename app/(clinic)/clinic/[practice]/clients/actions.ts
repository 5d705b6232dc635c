"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { noResult } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { linkCouple, unlinkCouple } from "@/lib/clients/link-couple";
import { saveClient } from "@/lib/clients/save-client";

// Thin: each action is wrapped (guard, then arguments, then the domain); the domain validates the input.

export const saveClientAction = memberAction("clients.edit", z.tuple([z.string().nullable(), z.unknown()]), async (scope, [clientId, input]) => {
  const result = await saveClient(scope, clientId, input);
  if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/clients`);
  return result;
});

export const linkCoupleAction = memberAction("couples.link", z.tuple([z.string(), z.unknown()]), async (scope, [clientId, input]) => {
  const result = await linkCouple(scope, clientId, input);
  if (!result.ok) return result;
  revalidatePath(`/clinic/${scope.practice.slug}/clients`, "layout");
  return { ok: true as const };
});

export const unlinkCoupleAction = memberAction(
  "couples.link",
  z.tuple([z.string(), z.instanceof(FormData)]),
  async (scope, [clientId, formData]) => {
    await unlinkCouple(scope, String(formData.get("coupleId") ?? ""));
    revalidatePath(`/clinic/${scope.practice.slug}/clients/${clientId}`);
  },
  noResult,
);
