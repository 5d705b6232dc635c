import { getTableColumns, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { exercises, programItems, programs } from "@/db/schema";
import { exerciseSchema } from "@/lib/homework/exercise-schema";
import { LIBRARY_EXERCISES, LIBRARY_PROGRAMS } from "./index";

/** Serialises concurrent library syncs (several instances starting at once). */
const LIBRARY_LOCK_KEY = 727274;

export interface LibrarySyncSummary {
  exercises: number;
  programs: number;
}

/**
 * Brings the shared library (exercises and programs with no practice) in
 * line with lib/homework/library: inserts new entries and updates existing
 * ones by their stable key. Library rows are read-only to staff, so
 * overwriting them is safe; practices' copies are untouched. Idempotent.
 */
export async function syncHomeworkLibrary(database: DbOrTx = db): Promise<LibrarySyncSummary> {
  return database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(LIBRARY_LOCK_KEY))})`);
    return syncInside(tx);
  });
}

/** `set` for a multi-row upsert: each named column takes the incoming row's value. */
function fromExcluded(table: PgTable, keys: readonly string[]) {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return Object.fromEntries(keys.map((key) => [key, sql.raw(`excluded."${columns[key]!.name}"`)]));
}

// It runs on every start, so it is a handful of statements, not one per entry.
async function syncInside(tx: Tx): Promise<LibrarySyncSummary> {
  const now = new Date();
  // The same rules the editor applies: a bad library entry fails loudly at start.
  const exerciseRows = LIBRARY_EXERCISES.map((entry) => ({ ...exerciseSchema.parse(entry), practiceId: null, libraryKey: entry.key }));
  const exerciseKeys = [...new Set(exerciseRows.flatMap((r) => Object.keys(r)))].filter((k) => k !== "practiceId" && k !== "libraryKey");
  const savedExercises = await tx
    .insert(exercises)
    .values(exerciseRows)
    .onConflictDoUpdate({ target: exercises.libraryKey, set: { ...fromExcluded(exercises, exerciseKeys), archivedAt: null, updatedAt: now } })
    .returning({ id: exercises.id, key: exercises.libraryKey });
  const idByKey = new Map(savedExercises.map((r) => [r.key!, r.id]));

  const savedPrograms = await tx
    .insert(programs)
    .values(LIBRARY_PROGRAMS.map((p) => ({ title: p.title, summary: p.summary, audience: p.audience, weeks: p.weeks, practiceId: null, libraryKey: p.key })))
    .onConflictDoUpdate({
      target: programs.libraryKey,
      set: { ...fromExcluded(programs, ["title", "summary", "audience", "weeks"]), archivedAt: null, updatedAt: now },
    })
    .returning({ id: programs.id, key: programs.libraryKey });
  const programIdByKey = new Map(savedPrograms.map((r) => [r.key!, r.id]));
  await tx.delete(programItems).where(inArray(programItems.programId, savedPrograms.map((p) => p.id)));
  await tx.insert(programItems).values(
    LIBRARY_PROGRAMS.flatMap((program) =>
      program.items.map((item, position) => {
        const exerciseId = idByKey.get(item.exercise);
        if (!exerciseId) throw new Error(`library program ${program.key} names unknown exercise ${item.exercise}`);
        return { programId: programIdByKey.get(program.key)!, exerciseId, week: item.week, position, timesPerWeek: item.timesPerWeek };
      }),
    ),
  );
  return { exercises: LIBRARY_EXERCISES.length, programs: LIBRARY_PROGRAMS.length };
}
