import { and, eq, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { assignments, checkIns, couples, exercises, homeworkPreferences, programItems, type Client, type Practice } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import { pgError } from "@/lib/db/pg-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { checkInSchema } from "./check-in-schema";
import { formatShortDate, todayIn } from "@/lib/dates";
import { countsRepetitions, dosageIn } from "./dosage";
import { validateRatings } from "./prompts";
import { lastDayOf } from "./schedule";

export const ASSIGNMENT_NOT_FOUND = "That homework was not found";

export interface ClientContext {
  client: Pick<Client, "id" | "practiceId" | "userId">;
  practice: Pick<Practice, "id" | "timeZone">;
}

export type CheckInResult = { ok: true; checkInId: string } | { ok: false; errors: FieldErrors };

/** The couple a client belongs to, if any. */
export async function coupleOf(practiceId: string, clientId: string) {
  const [couple] = await db
    .select()
    .from(couples)
    .where(and(eq(couples.practiceId, practiceId), or(eq(couples.clientAId, clientId), eq(couples.clientBId, clientId))));
  return couple ?? null;
}

/**
 * Records today's check-in (practice-local date) by a client on one exercise
 * of their assignment; a second one the same day replaces it. Refuses, with
 * a field error and no change: someone else's assignment, an exercise not in
 * it, a rating the exercise does not ask or outside its range, sharing on an
 * assignment that is not a couple's, an oversized reflection, a day outside
 * the assignment.
 */
export async function recordCheckIn(ctx: ClientContext, input: unknown, now: Date): Promise<CheckInResult> {
  const parsed = checkInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const v = parsed.data;
  const practiceId = ctx.practice.id;
  const clientId = ctx.client.id;
  if (!isUuid(v.assignmentId)) return fieldError("form", ASSIGNMENT_NOT_FOUND);

  const [assignment] = await db
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.id, v.assignmentId),
        eq(assignments.practiceId, practiceId),
        or(
          eq(assignments.clientId, clientId),
          sql`${assignments.coupleId} in (select id from ${couples} where ${couples.clientAId} = ${clientId} or ${couples.clientBId} = ${clientId})`,
        ),
      ),
    );
  if (!assignment) return fieldError("form", ASSIGNMENT_NOT_FOUND);

  const today = todayIn(ctx.practice.timeZone, now);
  const endedOn = assignment.endedAt ? todayIn(ctx.practice.timeZone, assignment.endedAt) : null;
  if (today < assignment.startDate) return fieldError("form", `This homework starts on ${formatShortDate(assignment.startDate)}`);
  if (today > lastDayOf({ dueDate: assignment.dueDate, endedOn })) return fieldError("form", "This homework has finished, so it no longer takes check-ins");

  const inAssignment =
    assignment.exerciseId === v.exerciseId ||
    (assignment.programId !== null &&
      (await db
        .select({ id: programItems.id })
        .from(programItems)
        .where(and(eq(programItems.programId, assignment.programId), eq(programItems.exerciseId, v.exerciseId)))
        .limit(1)).length > 0);
  if (!inAssignment) return fieldError("exerciseId", "That exercise is not part of this homework");
  const [exercise] = await db
    .select({ prompts: exercises.prompts, sets: exercises.sets, repetitions: exercises.repetitions, holdSeconds: exercises.holdSeconds, restSeconds: exercises.restSeconds, timesPerDay: exercises.timesPerDay })
    .from(exercises)
    .where(eq(exercises.id, v.exerciseId));
  if (!exercise) return fieldError("exerciseId", "That exercise is not part of this homework");
  if (!countsRepetitions(dosageIn(assignment, v.exerciseId, exercise))) {
    if (v.repetitionsDone !== null) return fieldError("repetitionsDone", "This exercise is not counted in repetitions");
    if (v.setsDone !== null) return fieldError("setsDone", "This exercise is not counted in sets");
  }

  const ratings = validateRatings(exercise.prompts, v.ratings);
  if (!ratings.ok) {
    const errors: FieldErrors = {};
    for (const e of ratings.errors) (errors[`ratings.${e.promptId}`] ??= []).push(e.message);
    return { ok: false, errors };
  }
  if (v.sharedWithPartner && assignment.coupleId === null) return fieldError("sharedWithPartner", "This homework is yours alone, so there is no partner to share it with");
  if (v.sharedWithPartner && !v.reflection) return fieldError("reflection", "Write a reflection to share, or untick sharing");

  try {
    const id = await db.transaction(async (tx) => {
      const values = { done: v.done, ratings: ratings.ratings, reflection: v.reflection, sharedWithPartner: v.sharedWithPartner, setsDone: v.setsDone, repetitionsDone: v.repetitionsDone, updatedAt: now };
      const [row] = await tx
        .insert(checkIns)
        .values({ ...values, practiceId, assignmentId: assignment.id, exerciseId: v.exerciseId, clientId, date: today })
        .onConflictDoUpdate({ target: [checkIns.assignmentId, checkIns.exerciseId, checkIns.clientId, checkIns.date], set: values })
        .returning({ id: checkIns.id });
      await recordAudit(
        {
          practiceId,
          actor: ctx.client.userId ? { kind: "client", userId: ctx.client.userId } : { kind: "system" },
          action: "homework.check_in",
          subjectType: "homework_check_in",
          subjectId: row!.id,
          detail: { assignmentId: assignment.id, exerciseId: v.exerciseId, shared: v.sharedWithPartner },
        },
        tx,
      );
      return row!.id;
    });
    return { ok: true, checkInId: id };
  } catch (error) {
    const constraint = pgError(error)?.constraint ?? "";
    if (constraint === "homework_check_ins_share_scope") return fieldError("sharedWithPartner", "This homework is yours alone, so there is no partner to share it with");
    if (constraint.startsWith("homework_check_ins_")) return fieldError("form", ASSIGNMENT_NOT_FOUND);
    throw error;
  }
}

/** Turns a client's homework reminder emails on or off. */
export async function setReminders(ctx: ClientContext, enabled: boolean): Promise<void> {
  await db
    .insert(homeworkPreferences)
    .values({ practiceId: ctx.practice.id, clientId: ctx.client.id, remindersEnabled: enabled })
    .onConflictDoUpdate({ target: homeworkPreferences.clientId, set: { remindersEnabled: enabled, updatedAt: new Date() } });
}

export async function remindersEnabled(clientId: string): Promise<boolean> {
  const [row] = await db.select({ on: homeworkPreferences.remindersEnabled }).from(homeworkPreferences).where(eq(homeworkPreferences.clientId, clientId));
  return row?.on ?? true;
}
