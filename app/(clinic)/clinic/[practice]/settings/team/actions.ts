"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth/guards";
import { changeMemberRole, inviteMember, removeMember, type TeamResult } from "@/lib/team/manage-team";

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
