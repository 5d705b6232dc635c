"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/guards";
import { currentSessionToken } from "@/lib/auth/second-factor-guard";
import { fieldError } from "@/lib/form-result";
import { changeMemberRole, inviteMember, removeMember, type TeamResult } from "@/lib/team/manage-team";
import { resetMemberSecondFactor, setTwoFactorRequirement } from "@/lib/two-factor/reset-member";

export async function inviteMemberAction(practiceSlug: string, input: unknown): Promise<TeamResult> {
  const scope = await requireMember(practiceSlug, "team.manage");
  const result = await inviteMember(scope, input);
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/settings/team`);
  return result;
}

export async function changeRoleAction(practiceSlug: string, input: unknown): Promise<TeamResult> {
  const scope = await requireMember(practiceSlug, "team.manage");
  const result = await changeMemberRole(scope, input);
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/settings/team`);
  return result;
}

export async function removeMemberAction(practiceSlug: string, input: unknown): Promise<TeamResult> {
  const scope = await requireMember(practiceSlug, "team.manage");
  const result = await removeMember(scope, input);
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/settings/team`);
  return result;
}

export async function resetSecondFactorAction(practiceSlug: string, input: unknown) {
  const scope = await requireMember(practiceSlug, "team.security");
  const result = await resetMemberSecondFactor(scope, input);
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/settings/team`);
  return result;
}

export async function setTwoFactorRequirementAction(practiceSlug: string, input: unknown) {
  const scope = await requireMember(practiceSlug, "team.security");
  const token = await currentSessionToken();
  if (!token) return fieldError("required", "Sign in again");
  const result = await setTwoFactorRequirement(scope, token, input);
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/settings/team`);
  return result;
}
