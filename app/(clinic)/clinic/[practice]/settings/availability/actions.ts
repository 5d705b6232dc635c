"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { noResult } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { addClosure, addOverride, deleteClosure, deleteOverride, saveWeeklyHours } from "@/lib/booking/manage-availability";

// Thin: each action is wrapped (guard, then arguments, then the domain); the domain validates the input
// and checks whose hours a member may change.

const revalidate = (slug: string) => revalidatePath(`/clinic/${slug}/settings/availability`);

export const saveWeeklyHoursAction = memberAction("availability.own", z.tuple([z.string(), z.unknown()]), async (scope, [memberId, input]) => {
  const result = await saveWeeklyHours(scope, memberId, input);
  if (result.ok) revalidate(scope.practice.slug);
  return result;
});

export const addOverrideAction = memberAction("availability.own", z.tuple([z.string(), z.unknown()]), async (scope, [memberId, input]) => {
  const result = await addOverride(scope, memberId, input);
  if (result.ok) revalidate(scope.practice.slug);
  return result;
});

/** A plain form's action (works before hydration): the list simply reloads. */
export const deleteOverrideAction = memberAction(
  "availability.own",
  z.tuple([z.string()]),
  async (scope, [overrideId]) => {
    await deleteOverride(scope, { id: overrideId });
    revalidate(scope.practice.slug);
  },
  noResult,
);

export const addClosureAction = memberAction("settings.manage", z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await addClosure(scope, input);
  if (result.ok) revalidate(scope.practice.slug);
  return result;
});

export const deleteClosureAction = memberAction(
  "settings.manage",
  z.tuple([z.string()]),
  async (scope, [closureId]) => {
    await deleteClosure(scope, { id: closureId });
    revalidate(scope.practice.slug);
  },
  noResult,
);
