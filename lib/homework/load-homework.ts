import { and, asc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { assignments, checkIns, exercises, programItems, programs, type AssignmentMode, type CheckInPrompts, type CheckInRatings } from "@/db/schema";
import { todayIn } from "@/lib/dates";
import { pickDosage, type Dosage } from "./dosage";
import { planOf, type AssignmentPlan } from "./schedule";

// One column for the five dosage fields, so the joins stay one query each.
const dosageJson = sql<Dosage | null>`json_build_object('sets', ${exercises.sets}, 'repetitions', ${exercises.repetitions}, 'holdSeconds', ${exercises.holdSeconds}, 'restSeconds', ${exercises.restSeconds}, 'timesPerDay', ${exercises.timesPerDay})`;

export interface LoadedAssignment {
  plan: AssignmentPlan;
  id: string;
  clientId: string | null;
  coupleId: string | null;
  kind: "exercise" | "program";
  title: string;
  mode: AssignmentMode;
  startDate: string;
  dueDate: string;
  endedAt: Date | null;
  personalNote: string | null;
  /** A single exercise's dosage as the clinician set it (all null for a program). */
  dosage: Dosage;
  assignedByMemberId: string | null;
  createdAt: Date;
}

export interface LoadedExercise {
  id: string;
  title: string;
  summary: string;
  participants: string;
  minutes: number;
  prompts: CheckInPrompts;
  /** The exercise's default dosage (what a program's step uses). */
  dosage: Dosage;
}

export interface LoadedCheckIn {
  id: string;
  assignmentId: string;
  exerciseId: string;
  clientId: string;
  date: string;
  done: boolean;
  ratings: CheckInRatings;
  reflection: string | null;
  sharedWithPartner: boolean;
  setsDone: number | null;
  repetitionsDone: number | null;
  createdAt: Date;
}

export interface LoadedHomework {
  assignments: LoadedAssignment[];
  exercises: Map<string, LoadedExercise>;
  checkIns: LoadedCheckIn[];
}

/**
 * The homework of one client (and, through their couple, the couple's) in
 * three queries whatever its size: assignments with their exercise or
 * program, the programs' items with their exercises, and the check-ins.
 *
 * `viewer` decides what of each check-in leaves the database: staff see
 * everything; a client sees their own check-ins in full and of their
 * partner's only what was shared with them (the reflection, no ratings).
 */
export async function loadHomework(
  practiceId: string,
  who: { clientId: string; coupleId: string | null },
  viewer: { kind: "staff" } | { kind: "client"; clientId: string },
): Promise<LoadedHomework> {
  const assignee = who.coupleId ? or(eq(assignments.clientId, who.clientId), eq(assignments.coupleId, who.coupleId))! : eq(assignments.clientId, who.clientId);
  const rows = await db
    .select({
      a: assignments,
      exerciseTitle: exercises.title,
      exerciseSummary: exercises.summary,
      exerciseParticipants: exercises.participants,
      exerciseMinutes: exercises.minutes,
      exercisePrompts: exercises.prompts,
      exerciseDosage: dosageJson,
      programTitle: programs.title,
    })
    .from(assignments)
    .leftJoin(exercises, eq(exercises.id, assignments.exerciseId))
    .leftJoin(programs, eq(programs.id, assignments.programId))
    .where(and(eq(assignments.practiceId, practiceId), assignee))
    .orderBy(asc(assignments.startDate), asc(assignments.createdAt));

  const programIds = [...new Set(rows.map((r) => r.a.programId).filter((id): id is string => id !== null))];
  const items = programIds.length
    ? await db
        .select({
          programId: programItems.programId,
          week: programItems.week,
          timesPerWeek: programItems.timesPerWeek,
          exerciseId: exercises.id,
          title: exercises.title,
          summary: exercises.summary,
          participants: exercises.participants,
          minutes: exercises.minutes,
          prompts: exercises.prompts,
          dosage: dosageJson,
        })
        .from(programItems)
        .innerJoin(exercises, eq(exercises.id, programItems.exerciseId))
        .where(inArray(programItems.programId, programIds))
        .orderBy(asc(programItems.programId), asc(programItems.week), asc(programItems.position))
    : [];

  const exerciseMap = new Map<string, LoadedExercise>();
  for (const i of items) exerciseMap.set(i.exerciseId, { id: i.exerciseId, title: i.title, summary: i.summary, participants: i.participants, minutes: i.minutes, prompts: i.prompts, dosage: pickDosage(i.dosage ?? {}) });
  for (const r of rows) {
    if (r.a.exerciseId && r.exerciseTitle) {
      exerciseMap.set(r.a.exerciseId, { id: r.a.exerciseId, title: r.exerciseTitle, summary: r.exerciseSummary!, participants: r.exerciseParticipants!, minutes: r.exerciseMinutes!, prompts: r.exercisePrompts!, dosage: pickDosage(r.exerciseDosage ?? {}) });
    }
  }

  const loaded: LoadedAssignment[] = rows.map(({ a, exerciseTitle, programTitle }) => ({
    id: a.id,
    clientId: a.clientId,
    coupleId: a.coupleId,
    kind: a.exerciseId ? "exercise" : "program",
    title: (a.exerciseId ? exerciseTitle : programTitle) ?? "Homework",
    mode: a.mode,
    startDate: a.startDate,
    dueDate: a.dueDate,
    endedAt: a.endedAt,
    personalNote: a.personalNote,
    dosage: pickDosage(a),
    assignedByMemberId: a.assignedByMemberId,
    createdAt: a.createdAt,
    // endedOn: the practice's local date it was ended, filled in below.
    plan: planOf(a, items),
  }));

  const assignmentIds = loaded.map((a) => a.id);
  let rowsOut: LoadedCheckIn[] = [];
  if (assignmentIds.length) {
    const own: SQL | null = viewer.kind === "client" ? sql`${checkIns.clientId} = ${viewer.clientId}` : null;
    rowsOut = await db
      .select({
        id: checkIns.id,
        assignmentId: checkIns.assignmentId,
        exerciseId: checkIns.exerciseId,
        clientId: checkIns.clientId,
        date: checkIns.date,
        done: checkIns.done,
        // A partner's private ratings and reflections never leave the database.
        ratings: own ? sql<CheckInRatings>`case when ${own} then ${checkIns.ratings} else '{}'::jsonb end` : checkIns.ratings,
        reflection: own ? sql<string | null>`case when ${own} or ${checkIns.sharedWithPartner} then ${checkIns.reflection} else null end` : checkIns.reflection,
        sharedWithPartner: checkIns.sharedWithPartner,
        // Counts are the partner's own, like ratings.
        setsDone: own ? sql<number | null>`case when ${own} then ${checkIns.setsDone} else null end` : checkIns.setsDone,
        repetitionsDone: own ? sql<number | null>`case when ${own} then ${checkIns.repetitionsDone} else null end` : checkIns.repetitionsDone,
        createdAt: checkIns.createdAt,
      })
      .from(checkIns)
      .where(
        and(
          eq(checkIns.practiceId, practiceId),
          inArray(checkIns.assignmentId, assignmentIds),
          // A client gets their partner's rows only when shared, or to count a "together" exercise as done.
          own
            ? sql`(${own} or ${checkIns.sharedWithPartner} or ${checkIns.assignmentId} in (${sql.join(
                loaded.filter((a) => a.mode === "together").map((a) => sql`${a.id}::uuid`).concat(sql`null::uuid`),
                sql`, `,
              )}))`
            : undefined,
        ),
      )
      .orderBy(asc(checkIns.date), asc(checkIns.createdAt));
  }
  return { assignments: loaded, exercises: exerciseMap, checkIns: rowsOut };
}

/** Fills each plan's `endedOn` with the practice-local date it was ended. */
export function withEndDates(loaded: LoadedAssignment[], timeZone: string): LoadedAssignment[] {
  for (const a of loaded) a.plan.endedOn = a.endedAt ? todayIn(timeZone, a.endedAt) : null;
  return loaded;
}
