"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/guards";
import { assignForm, type AssignResult } from "@/lib/intake/assign-forms";
import { createTemplate, type CreateTemplateResult } from "@/lib/intake/create-template";
import { publishVersion, type PublishResult } from "@/lib/intake/versions";
import { setServiceRequirements } from "@/lib/intake/service-forms";

/** Any member may send a form (front desk chase paperwork); answers stay clinical-only. */
export async function sendFormAction(practiceSlug: string, clientId: string, input: unknown): Promise<AssignResult> {
  const scope = await requireMember(practiceSlug, "forms.send");
  const result = await assignForm(scope, clientId, input, new Date());
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/clients/${clientId}`);
  return result;
}


export async function publishVersionAction(practiceSlug: string, templateId: string, definition: unknown): Promise<PublishResult> {
  const scope = await requireMember(practiceSlug, "forms.build");
  const result = await publishVersion(scope, templateId, definition);
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/forms`, "layout");
  return result;
}

export async function createTemplateAction(practiceSlug: string, input: unknown): Promise<CreateTemplateResult> {
  const scope = await requireMember(practiceSlug, "forms.build");
  const result = await createTemplate(scope, input);
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/forms`);
  return result;
}

/** Owners and admins decide which services require a form. */
export async function setServiceFormsAction(practiceSlug: string, templateId: string, formData: FormData): Promise<void> {
  const scope = await requireMember(practiceSlug, "settings.manage");
  await setServiceRequirements(scope, templateId, { serviceIds: formData.getAll("serviceIds").map(String) });
  revalidatePath(`/clinic/${practiceSlug}/forms/${templateId}`);
}
