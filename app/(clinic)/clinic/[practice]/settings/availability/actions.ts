"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/guards";
import {
  addClosure,
  addOverride,
  deleteClosure,
  deleteOverride,
  saveWeeklyHours,
  type AvailabilityResult,
} from "@/lib/booking/manage-availability";

const path = (slug: string) => `/clinic/${slug}/settings/availability`;

export async function saveWeeklyHoursAction(practiceSlug: string, memberId: string, input: unknown): Promise<AvailabilityResult> {
  const scope = await requireMember(practiceSlug, "availability.own");
  const result = await saveWeeklyHours(scope, memberId, input);
  if (result.ok) revalidatePath(path(practiceSlug));
  return result;
}

export async function addOverrideAction(practiceSlug: string, memberId: string, input: unknown): Promise<AvailabilityResult> {
  const scope = await requireMember(practiceSlug, "availability.own");
  const result = await addOverride(scope, memberId, input);
  if (result.ok) revalidatePath(path(practiceSlug));
  return result;
}

/** A plain form's action (works before hydration): the list simply reloads. */
export async function deleteOverrideAction(practiceSlug: string, overrideId: string): Promise<void> {
  const scope = await requireMember(practiceSlug, "availability.own");
  await deleteOverride(scope, { id: overrideId });
  revalidatePath(path(practiceSlug));
}

export async function addClosureAction(practiceSlug: string, input: unknown): Promise<AvailabilityResult> {
  const scope = await requireMember(practiceSlug, "settings.manage");
  const result = await addClosure(scope, input);
  if (result.ok) revalidatePath(path(practiceSlug));
  return result;
}

export async function deleteClosureAction(practiceSlug: string, closureId: string): Promise<void> {
  const scope = await requireMember(practiceSlug, "settings.manage");
  await deleteClosure(scope, { id: closureId });
  revalidatePath(path(practiceSlug));
}
