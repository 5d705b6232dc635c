"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { noResult } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { assignHomework, endAssignment } from "@/lib/homework/assign";
import { sendExerciseSheet } from "@/lib/homework/exercise-sheets";
import { duplicateExercise, saveExercise, setExerciseArchived } from "@/lib/homework/exercises";
import { duplicateProgram, saveProgram, setProgramArchived } from "@/lib/homework/programs";

// Thin: each action is wrapped (guard, then arguments, then the domain); the domain validates the input.

const revalidateHomework = (slug: string) => revalidatePath(`/clinic/${slug}/homework`, "layout");

export const saveExerciseAction = memberAction("exercises.edit", z.tuple([z.string().nullable(), z.unknown()]), async (scope, [exerciseId, input]) => {
  const result = await saveExercise(scope, exerciseId, input);
  if (result.ok) revalidateHomework(scope.practice.slug);
  return result;
});

export const duplicateExerciseAction = memberAction(
  "exercises.edit",
  z.tuple([z.string()]),
  async (scope, [exerciseId]): Promise<void> => {
    const slug = scope.practice.slug;
    const result = await duplicateExercise(scope, exerciseId);
    if (!result.ok) redirect(`/clinic/${slug}/homework`);
    revalidateHomework(slug);
    redirect(`/clinic/${slug}/homework/exercises/${result.exerciseId}/edit`);
  },
  noResult,
);

export const archiveExerciseAction = memberAction(
  "exercises.edit",
  z.tuple([z.string(), z.boolean()]),
  async (scope, [exerciseId, archived]) => {
    await setExerciseArchived(scope, exerciseId, archived);
    revalidateHomework(scope.practice.slug);
  },
  noResult,
);

export const saveProgramAction = memberAction("exercises.edit", z.tuple([z.string().nullable(), z.unknown()]), async (scope, [programId, input]) => {
  const result = await saveProgram(scope, programId, input);
  if (result.ok) revalidateHomework(scope.practice.slug);
  return result;
});

export const duplicateProgramAction = memberAction(
  "exercises.edit",
  z.tuple([z.string()]),
  async (scope, [programId]): Promise<void> => {
    const slug = scope.practice.slug;
    const result = await duplicateProgram(scope, programId);
    if (!result.ok) redirect(`/clinic/${slug}/homework/programs`);
    revalidateHomework(slug);
    redirect(`/clinic/${slug}/homework/programs/${result.programId}?edit=1`);
  },
  noResult,
);

export const archiveProgramAction = memberAction(
  "exercises.edit",
  z.tuple([z.string(), z.boolean()]),
  async (scope, [programId, archived]) => {
    await setProgramArchived(scope, programId, archived);
    revalidateHomework(scope.practice.slug);
  },
  noResult,
);

export const assignAction = memberAction("homework.assign", z.tuple([z.unknown()]), async (scope, [input]) => {
  const result = await assignHomework(scope, input);
  if (result.ok) revalidateHomework(scope.practice.slug);
  return result;
});

export const endAssignmentAction = memberAction(
  "homework.assign",
  z.tuple([z.string(), z.string()]),
  async (scope, [clientId, assignmentId]) => {
    await endAssignment(scope, assignmentId);
    revalidatePath(`/clinic/${scope.practice.slug}/homework/clients/${clientId}`);
  },
  noResult,
);

/** "Send to client": keeps the sheet for the portal and emails the client that it is there. */
export const sendSheetAction = memberAction("homework.assign", z.tuple([z.string(), z.unknown()]), async (scope, [clientId, assignmentIds]) => {
  const result = await sendExerciseSheet(scope, clientId, assignmentIds);
  if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/homework/clients/${clientId}`);
  return result;
});
