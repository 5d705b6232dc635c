"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { removeLogo, saveBrand, saveLogo } from "@/lib/brand/save-brand";

// Thin: the wrapper guards (owner only); the domain validates with the form's own schema and the logo rule.

export const saveBrandAction = memberAction("brand.manage", z.tuple([z.unknown()]), async (scope, [values]) => {
  const result = await saveBrand(scope, values);
  revalidatePath(`/clinic/${scope.practice.slug}/settings/brand`);
  return result;
});

export const saveLogoAction = memberAction(
  "brand.manage",
  z.tuple([z.instanceof(FormData)]),
  async (scope, [form]) => {
    const file = form.get("logo");
    if (!(file instanceof File)) return { ok: false as const, errors: { logo: ["Logo: choose an image file"] } };
    const result = await saveLogo(scope, new Uint8Array(await file.arrayBuffer()));
    revalidatePath(`/clinic/${scope.practice.slug}/settings/brand`);
    return result;
  },
);

export const removeLogoAction = memberAction("brand.manage", z.tuple([]), async (scope) => {
  const result = await removeLogo(scope);
  revalidatePath(`/clinic/${scope.practice.slug}/settings/brand`);
  return result;
});
