"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/guards";
import { saveService, setServiceArchived, type SaveServiceResult } from "@/lib/booking/save-service";

export async function saveServiceAction(practiceSlug: string, serviceId: string | null, input: unknown): Promise<SaveServiceResult> {
  const scope = await requireMember(practiceSlug, "settings.manage");
  const result = await saveService(scope, serviceId, input);
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/settings/services`);
  return result;
}

/** Archive or restore from the list (a plain form: works before hydration too). */
export async function setServiceArchivedAction(practiceSlug: string, serviceId: string, archived: boolean): Promise<void> {
  const scope = await requireMember(practiceSlug, "settings.manage");
  await setServiceArchived(scope, { serviceId, archived });
  revalidatePath(`/clinic/${practiceSlug}/settings/services`);
}
