"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { noResult } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { saveService, setServiceArchived } from "@/lib/booking/save-service";

// Thin: each action is wrapped (guard, then arguments, then the domain); the domain validates the input.

export const saveServiceAction = memberAction("settings.manage", z.tuple([z.string().nullable(), z.unknown()]), async (scope, [serviceId, input]) => {
  const result = await saveService(scope, serviceId, input);
  if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/settings/services`);
  return result;
});

/** Archive or restore from the list (a plain form: works before hydration too). */
export const setServiceArchivedAction = memberAction(
  "settings.manage",
  z.tuple([z.string(), z.boolean()]),
  async (scope, [serviceId, archived]) => {
    await setServiceArchived(scope, { serviceId, archived });
    revalidatePath(`/clinic/${scope.practice.slug}/settings/services`);
  },
  noResult,
);
