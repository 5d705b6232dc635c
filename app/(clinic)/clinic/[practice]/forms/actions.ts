"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { noResult } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { addStandardMeasure } from "@/lib/intake/add-measure";
import { assignForm } from "@/lib/intake/assign-forms";
import { createTemplate } from "@/lib/intake/create-template";
import { publishVersion } from "@/lib/intake/versions";
import { setServiceRequirements } from "@/lib/intake/service-forms";

// Thin: each action is wrapped (guard, then arguments, then the domain); the domain validates the input.

/** Any member may send a form (front desk chase paperwork); answers stay clinical-only. */
export const sendFormAction = memberAction("forms.send", z.tuple([z.string(), z.unknown()]), async (scope, [clientId, input]) => {
  const result = await assignForm(scope, clientId, input, new Date());
  if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/clients/${clientId}`);
  return result;
});

export const publishVersionAction = memberAction("forms.build", z.tuple([z.string(), z.unknown()]), async (scope, [templateId, definition]) => {
  const result = await publishVersion(scope, templateId, definition);
  if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/forms`, "layout");
  return result;
});

export const createTemplateAction = memberAction("forms.build", z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await createTemplate(scope, input);
  if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/forms`);
  return result;
});

export const addMeasureAction = memberAction("forms.build", z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await addStandardMeasure(scope, input);
  if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/forms`);
  return result;
});

/** Owners and admins decide which services require a form. */
export const setServiceFormsAction = memberAction(
  "settings.manage",
  z.tuple([z.string(), z.instanceof(FormData)]),
  async (scope, [templateId, formData]) => {
    await setServiceRequirements(scope, templateId, { serviceIds: formData.getAll("serviceIds").map(String) });
    revalidatePath(`/clinic/${scope.practice.slug}/forms/${templateId}`);
  },
  noResult,
);
