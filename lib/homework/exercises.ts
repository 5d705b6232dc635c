import { and, asc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { exercises, type Exercise } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { pickDosage, type Dosage } from "./dosage";
import { exerciseSchema, type ExerciseFilter } from "./exercise-schema";

export const NOT_FOUND = "That exercise was not found in this practice's bank";
export const LIBRARY_READ_ONLY = "The shared library is read-only: duplicate the exercise to adapt it";

/** Exercises a practice may see and assign: the shared library's and its own. */
export function visibleTo(practiceId: string): SQL {
  return or(isNull(exercises.practiceId), eq(exercises.practiceId, practiceId))!;
}

export type ExerciseListRow = Pick<
  Exercise,
  "id" | "practiceId" | "title" | "summary" | "category" | "tags" | "participants" | "frequencyPerWeek" | "minutes" | "archivedAt" | "sourceExerciseId" | keyof Dosage
>;

/** The bank: library and own exercises, searched and filtered, in one query. */
export async function listExercises(scope: Pick<PracticeScope, "practice">, filter: ExerciseFilter = {}): Promise<ExerciseListRow[]> {
  const q = filter.q?.trim();
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select({
      id: exercises.id,
      practiceId: exercises.practiceId,
      title: exercises.title,
      summary: exercises.summary,
      category: exercises.category,
      tags: exercises.tags,
      participants: exercises.participants,
      frequencyPerWeek: exercises.frequencyPerWeek,
      minutes: exercises.minutes,
      sets: exercises.sets,
      repetitions: exercises.repetitions,
      holdSeconds: exercises.holdSeconds,
      restSeconds: exercises.restSeconds,
      timesPerDay: exercises.timesPerDay,
      archivedAt: exercises.archivedAt,
      sourceExerciseId: exercises.sourceExerciseId,
    })
    .from(exercises)
    .where(
      and(
        visibleTo(scope.practice.id),
        filter.archived === "1" ? isNotNull(exercises.archivedAt) : isNull(exercises.archivedAt),
        filter.source === "library" ? isNull(exercises.practiceId) : filter.source === "practice" ? isNotNull(exercises.practiceId) : undefined,
        filter.category ? eq(exercises.category, filter.category) : undefined,
        filter.participants ? eq(exercises.participants, filter.participants) : undefined,
        filter.tag ? sql`${exercises.tags} @> array[${filter.tag}]::text[]` : undefined,
        pattern
          ? or(ilike(exercises.title, pattern), ilike(exercises.summary, pattern), sql`array_to_string(${exercises.tags}, ' ') ilike ${pattern}`)
          : undefined,
      ),
    )
    .orderBy(asc(exercises.category), asc(exercises.title), asc(exercises.id));
}

/** Every tag in use in the practice's bank, for the filter. */
export async function listExerciseTags(scope: Pick<PracticeScope, "practice">): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tag: sql<string>`unnest(${exercises.tags})`.as("tag") })
    .from(exercises)
    .where(and(visibleTo(scope.practice.id), isNull(exercises.archivedAt)));
  return rows.map((r) => r.tag).sort();
}

export async function getExercise(scope: Pick<PracticeScope, "practice">, exerciseId: string): Promise<Exercise | null> {
  if (!isUuid(exerciseId)) return null;
  const [row] = await db
    .select()
    .from(exercises)
    .where(and(eq(exercises.id, exerciseId), visibleTo(scope.practice.id)));
  return row ?? null;
}

export type SaveExerciseResult = { ok: true; exerciseId: string } | { ok: false; errors: FieldErrors };

/** Creates (id null) or updates one of the practice's own exercises. Library rows are refused. */
export async function saveExercise(scope: PracticeScope, exerciseId: string | null, input: unknown): Promise<SaveExerciseResult> {
  const parsed = exerciseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const values = parsed.data;
  if (exerciseId === null) {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(exercises).values({ ...values, practiceId: scope.practice.id }).returning({ id: exercises.id });
      await recordAudit(byMember(scope, "exercise.create", { type: "exercise", id: row!.id }), tx);
      return row!.id;
    });
    return { ok: true, exerciseId: id };
  }
  const existing = await getExercise(scope, exerciseId);
  if (!existing) return fieldError("form", NOT_FOUND);
  if (existing.practiceId === null) return fieldError("form", LIBRARY_READ_ONLY);
  await db.transaction(async (tx) => {
    await tx
      .update(exercises)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(exercises.id, existing.id), eq(exercises.practiceId, scope.practice.id)));
    await recordAudit(byMember(scope, "exercise.update", { type: "exercise", id: existing.id }, { fields: Object.keys(values) }), tx);
  });
  return { ok: true, exerciseId: existing.id };
}

/** Copies a library (or own) exercise into the practice's bank, to adapt it. */
export async function duplicateExercise(scope: PracticeScope, exerciseId: string): Promise<SaveExerciseResult> {
  const source = await getExercise(scope, exerciseId);
  if (!source) return fieldError("form", NOT_FOUND);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exercises)
      .values({
        practiceId: scope.practice.id,
        sourceExerciseId: source.id,
        title: source.title,
        summary: source.summary,
        instructions: source.instructions,
        category: source.category,
        tags: source.tags,
        participants: source.participants,
        frequencyPerWeek: source.frequencyPerWeek,
        minutes: source.minutes,
        ...pickDosage(source),
        prompts: source.prompts,
        clinicianNotes: source.clinicianNotes,
      })
      .returning({ id: exercises.id });
    await recordAudit(byMember(scope, "exercise.duplicate", { type: "exercise", id: row!.id }, { sourceExerciseId: source.id }), tx);
    return row!.id;
  });
  return { ok: true, exerciseId: id };
}

/** Archives (or restores) one of the practice's own exercises; assignments keep working. */
export async function setExerciseArchived(scope: PracticeScope, exerciseId: string, archived: boolean): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const existing = await getExercise(scope, exerciseId);
  if (!existing) return fieldError("form", NOT_FOUND);
  if (existing.practiceId === null) return fieldError("form", LIBRARY_READ_ONLY);
  await db.transaction(async (tx) => {
    await tx
      .update(exercises)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(and(eq(exercises.id, existing.id), eq(exercises.practiceId, scope.practice.id)));
    await recordAudit(byMember(scope, archived ? "exercise.archive" : "exercise.restore", { type: "exercise", id: existing.id }), tx);
  });
  return { ok: true };
}
