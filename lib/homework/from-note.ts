import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { assignments, exercises, programs } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";

export interface NoteHomework {
  assignmentId: string;
  title: string;
  dueDate: string;
  ended: boolean;
}

/** The homework given from one session note, oldest first (titles and dates; the caller has read the note). */
export async function homeworkFromNote(scope: PracticeScope, noteId: string): Promise<NoteHomework[]> {
  const rows = await db
    .select({ assignmentId: assignments.id, exercise: exercises.title, program: programs.title, dueDate: assignments.dueDate, endedAt: assignments.endedAt })
    .from(assignments)
    .leftJoin(exercises, eq(exercises.id, assignments.exerciseId))
    .leftJoin(programs, eq(programs.id, assignments.programId))
    .where(and(eq(assignments.practiceId, scope.practice.id), eq(assignments.noteId, noteId)))
    .orderBy(asc(assignments.createdAt), asc(assignments.id));
  return rows.map((r) => ({ assignmentId: r.assignmentId, title: r.exercise ?? r.program ?? "Homework", dueDate: r.dueDate, ended: r.endedAt !== null }));
}
