import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { exercises, programItems, programs, type Program } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { pgError } from "@/lib/db/pg-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { visibleTo } from "./exercises";
import { programSchema } from "./program-schema";

export const PROGRAM_NOT_FOUND = "That program was not found in this practice";
export const PROGRAM_LIBRARY_READ_ONLY = "Library programs are read-only: duplicate the program to adapt it";

function programVisibleTo(practiceId: string) {
  return or(isNull(programs.practiceId), eq(programs.practiceId, practiceId))!;
}

export interface ProgramListRow {
  id: string;
  practiceId: string | null;
  title: string;
  summary: string;
  audience: Program["audience"];
  weeks: number;
  archivedAt: Date | null;
  items: number;
}

export async function listPrograms(scope: Pick<PracticeScope, "practice">, options: { archived?: boolean } = {}): Promise<ProgramListRow[]> {
  return db
    .select({
      id: programs.id,
      practiceId: programs.practiceId,
      title: programs.title,
      summary: programs.summary,
      audience: programs.audience,
      weeks: programs.weeks,
      archivedAt: programs.archivedAt,
      items: sql<number>`(select count(*)::int from ${programItems} where ${programItems.programId} = ${programs.id})`,
    })
    .from(programs)
    .where(and(programVisibleTo(scope.practice.id), options.archived ? sql`${programs.archivedAt} is not null` : isNull(programs.archivedAt)))
    .orderBy(asc(programs.title), asc(programs.id));
}

export interface ProgramDetail {
  program: Program;
  items: { id: string; exerciseId: string; week: number; position: number; timesPerWeek: number; title: string; participants: string; archived: boolean }[];
}

export async function getProgram(scope: Pick<PracticeScope, "practice">, programId: string): Promise<ProgramDetail | null> {
  if (!isUuid(programId)) return null;
  const [program] = await db.select().from(programs).where(and(eq(programs.id, programId), programVisibleTo(scope.practice.id)));
  if (!program) return null;
  const items = await db
    .select({
      id: programItems.id,
      exerciseId: programItems.exerciseId,
      week: programItems.week,
      position: programItems.position,
      timesPerWeek: programItems.timesPerWeek,
      title: exercises.title,
      participants: exercises.participants,
      archived: sql<boolean>`${exercises.archivedAt} is not null`,
    })
    .from(programItems)
    .innerJoin(exercises, eq(exercises.id, programItems.exerciseId))
    .where(eq(programItems.programId, program.id))
    .orderBy(asc(programItems.week), asc(programItems.position));
  return { program, items };
}

export type SaveProgramResult = { ok: true; programId: string } | { ok: false; errors: FieldErrors };

/** Creates or updates one of the practice's programs, replacing its items in order. */
export async function saveProgram(scope: PracticeScope, programId: string | null, input: unknown): Promise<SaveProgramResult> {
  const parsed = programSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { items, ...values } = parsed.data;
  const ids = [...new Set(items.map((i) => i.exerciseId))];
  const visible = await db.select({ id: exercises.id }).from(exercises).where(and(inArray(exercises.id, ids), visibleTo(scope.practice.id)));
  const visibleIds = new Set(visible.map((v) => v.id));
  const badIndex = items.findIndex((i) => !visibleIds.has(i.exerciseId));
  if (badIndex >= 0) return fieldError(`items.${badIndex}.exerciseId`, "Choose an exercise from this practice's bank");
  let existing: Program | null = null;
  if (programId !== null) {
    existing = (await getProgram(scope, programId))?.program ?? null;
    if (!existing) return fieldError("form", PROGRAM_NOT_FOUND);
    if (existing.practiceId === null) return fieldError("form", PROGRAM_LIBRARY_READ_ONLY);
  }
  try {
    const id = await db.transaction(async (tx) => {
      let id: string;
      if (existing) {
        await tx.update(programs).set({ ...values, updatedAt: new Date() }).where(and(eq(programs.id, existing.id), eq(programs.practiceId, scope.practice.id)));
        await tx.delete(programItems).where(eq(programItems.programId, existing.id));
        id = existing.id;
      } else {
        const [row] = await tx.insert(programs).values({ ...values, practiceId: scope.practice.id }).returning({ id: programs.id });
        id = row!.id;
      }
      // Stored in week order; within a week, in the order given.
      const ordered = items.map((item, i) => ({ item, i })).sort((a, b) => a.item.week - b.item.week || a.i - b.i);
      await tx.insert(programItems).values(ordered.map(({ item }, position) => ({ ...item, programId: id, position })));
      await recordAudit(byMember(scope, existing ? "program.update" : "program.create", { type: "program", id }, { items: items.length }), tx);
      return id;
    });
    return { ok: true, programId: id };
  } catch (error) {
    if (pgError(error)?.constraint === "program_items_exercise_visible") return fieldError("items", "Choose exercises from this practice's bank");
    throw error;
  }
}

/** Copies a library (or own) program and its items into the practice, to adapt it. */
export async function duplicateProgram(scope: PracticeScope, programId: string): Promise<SaveProgramResult> {
  const source = await getProgram(scope, programId);
  if (!source) return fieldError("form", PROGRAM_NOT_FOUND);
  const id = await db.transaction(async (tx) => {
    const { program } = source;
    const [row] = await tx
      .insert(programs)
      .values({ practiceId: scope.practice.id, sourceProgramId: program.id, title: program.title, summary: program.summary, audience: program.audience, weeks: program.weeks })
      .returning({ id: programs.id });
    if (source.items.length > 0) {
      await tx.insert(programItems).values(source.items.map((i) => ({ programId: row!.id, exerciseId: i.exerciseId, week: i.week, position: i.position, timesPerWeek: i.timesPerWeek })));
    }
    await recordAudit(byMember(scope, "program.duplicate", { type: "program", id: row!.id }, { sourceProgramId: program.id }), tx);
    return row!.id;
  });
  return { ok: true, programId: id };
}

export async function setProgramArchived(scope: PracticeScope, programId: string, archived: boolean): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const detail = await getProgram(scope, programId);
  if (!detail) return fieldError("form", PROGRAM_NOT_FOUND);
  if (detail.program.practiceId === null) return fieldError("form", PROGRAM_LIBRARY_READ_ONLY);
  await db.transaction(async (tx) => {
    await tx.update(programs).set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() }).where(and(eq(programs.id, detail.program.id), eq(programs.practiceId, scope.practice.id)));
    await recordAudit(byMember(scope, archived ? "program.archive" : "program.restore", { type: "program", id: detail.program.id }), tx);
  });
  return { ok: true };
}
