"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth/guards";
import type { FieldErrors } from "@/lib/form-result";
import { assignHomework, endAssignment } from "@/lib/homework/assign";
import { duplicateExercise, saveExercise, setExerciseArchived } from "@/lib/homework/exercises";
import { duplicateProgram, saveProgram, setProgramArchived } from "@/lib/homework/programs";

type Failure = { ok: false; errors: FieldErrors };

export async function saveExerciseAction(slug: string, exerciseId: string | null, input: unknown): Promise<{ ok: true; exerciseId: string } | Failure> {
  const scope = await requireMember(slug, "exercises.edit");
  const result = await saveExercise(scope, exerciseId, input);
  if (result.ok) revalidatePath(`/clinic/${slug}/homework`, "layout");
  return result;
}

export async function duplicateExerciseAction(slug: string, exerciseId: string): Promise<void> {
  const scope = await requireMember(slug, "exercises.edit");
  const result = await duplicateExercise(scope, exerciseId);
  if (!result.ok) redirect(`/clinic/${slug}/homework`);
  revalidatePath(`/clinic/${slug}/homework`, "layout");
  redirect(`/clinic/${slug}/homework/exercises/${result.exerciseId}/edit`);
}

export async function archiveExerciseAction(slug: string, exerciseId: string, archived: boolean): Promise<void> {
  const scope = await requireMember(slug, "exercises.edit");
  await setExerciseArchived(scope, exerciseId, archived);
  revalidatePath(`/clinic/${slug}/homework`, "layout");
}

export async function saveProgramAction(slug: string, programId: string | null, input: unknown): Promise<{ ok: true; programId: string } | Failure> {
  const scope = await requireMember(slug, "exercises.edit");
  const result = await saveProgram(scope, programId, input);
  if (result.ok) revalidatePath(`/clinic/${slug}/homework`, "layout");
  return result;
}

export async function duplicateProgramAction(slug: string, programId: string): Promise<void> {
  const scope = await requireMember(slug, "exercises.edit");
  const result = await duplicateProgram(scope, programId);
  if (!result.ok) redirect(`/clinic/${slug}/homework/programs`);
  revalidatePath(`/clinic/${slug}/homework`, "layout");
  redirect(`/clinic/${slug}/homework/programs/${result.programId}?edit=1`);
}

export async function archiveProgramAction(slug: string, programId: string, archived: boolean): Promise<void> {
  const scope = await requireMember(slug, "exercises.edit");
  await setProgramArchived(scope, programId, archived);
  revalidatePath(`/clinic/${slug}/homework`, "layout");
}

export async function assignAction(slug: string, input: unknown): Promise<{ ok: true; assignmentId: string } | Failure> {
  const scope = await requireMember(slug, "homework.assign");
  const result = await assignHomework(scope, input);
  if (result.ok) revalidatePath(`/clinic/${slug}/homework`, "layout");
  return result;
}

export async function endAssignmentAction(slug: string, clientId: string, assignmentId: string): Promise<void> {
  const scope = await requireMember(slug, "homework.assign");
  await endAssignment(scope, assignmentId);
  revalidatePath(`/clinic/${slug}/homework/clients/${clientId}`);
}
