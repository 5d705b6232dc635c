"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/actions/member-action";
import { currentSessionToken } from "@/lib/auth/second-factor-guard";
import { fieldError } from "@/lib/form-result";
import { changeMemberRole, inviteMember, removeMember } from "@/lib/team/manage-team";
import { resetMemberSecondFactor, setTwoFactorRequirement } from "@/lib/two-factor/reset-member";

// Thin: each action is wrapped (guard, then arguments, then the domain); the domain validates the input.

const input = z.tuple([z.unknown()]);
const revalidate = (slug: string) => revalidatePath(`/clinic/${slug}/settings/team`);

export const inviteMemberAction = memberAction("team.manage", input, async (scope, [values]) => {
  const result = await inviteMember(scope, values);
  if (result.ok) revalidate(scope.practice.slug);
  return result;
});

export const changeRoleAction = memberAction("team.manage", input, async (scope, [values]) => {
  const result = await changeMemberRole(scope, values);
  if (result.ok) revalidate(scope.practice.slug);
  return result;
});

export const removeMemberAction = memberAction("team.manage", input, async (scope, [values]) => {
  const result = await removeMember(scope, values);
  if (result.ok) revalidate(scope.practice.slug);
  return result;
});

export const resetSecondFactorAction = memberAction("team.security", input, async (scope, [values]) => {
  const result = await resetMemberSecondFactor(scope, values);
  if (result.ok) revalidate(scope.practice.slug);
  return result;
});

export const setTwoFactorRequirementAction = memberAction("team.security", input, async (scope, [values]) => {
  const token = await currentSessionToken();
  if (!token) return fieldError("required", "Sign in again");
  const result = await setTwoFactorRequirement(scope, token, values);
  if (result.ok) revalidate(scope.practice.slug);
  return result;
});
