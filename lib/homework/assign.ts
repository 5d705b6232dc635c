import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { assignments, clients, couples, exercises, programItems, programs, sessionNotes } from "@/db/schema";
import HomeworkAssignedEmail, { homeworkAssignedSubject } from "@/emails/homework-assigned";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { logError, pgError } from "@/lib/db/pg-error";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { assignmentSchema } from "./assignment-schema";
import { NO_DOSAGE, pickDosage } from "./dosage";
import { addDays, daysBetween } from "@/lib/dates";

export type AssignResult = { ok: true; assignmentId: string } | { ok: false; errors: FieldErrors };

export function portalUrl(clientId: string): string {
  return `${env.APP_URL.replace(/\/+$/, "")}/portal/${clientId}`;
}

/**
 * Assigns an exercise or a program to a client or a couple of the practice.
 * Everything named in the input is looked up inside the practice (an id from
 * elsewhere is "not found"; the database's triggers refuse it too). Then each
 * person with an email gets a note naming only the title.
 */
export async function assignHomework(scope: PracticeScope, input: unknown, options: { transport?: EmailTransport } = {}): Promise<AssignResult> {
  const parsed = assignmentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const v = parsed.data;
  const practiceId = scope.practice.id;
  const [assigneeKind, assigneeId] = v.assignee.split(":") as ["client" | "couple", string];
  const [subjectKind, subjectId] = v.subject.split(":") as ["exercise" | "program", string];
  if (!isUuid(assigneeId)) return fieldError("assignee", "Choose the client or couple");
  if (!isUuid(subjectId)) return fieldError("subject", "Choose an exercise or a program");

  // Who: the client, or the couple's two clients, of this practice.
  let people: { id: string; email: string | null; firstName: string; preferredName: string | null }[];
  if (assigneeKind === "client") {
    people = await db
      .select({ id: clients.id, email: clients.email, firstName: clients.firstName, preferredName: clients.preferredName })
      .from(clients)
      .where(and(eq(clients.id, assigneeId), eq(clients.practiceId, practiceId)));
    if (people.length !== 1) return fieldError("assignee", "That client was not found in this practice");
  } else {
    const [couple] = await db.select().from(couples).where(and(eq(couples.id, assigneeId), eq(couples.practiceId, practiceId)));
    if (!couple) return fieldError("assignee", "That couple was not found in this practice");
    people = await db
      .select({ id: clients.id, email: clients.email, firstName: clients.firstName, preferredName: clients.preferredName })
      .from(clients)
      .where(and(eq(clients.practiceId, practiceId), inArray(clients.id, [couple.clientAId, couple.clientBId])));
  }

  // What: a library or own exercise or program, not archived.
  let title: string;
  let programWeeks: number | null = null;
  if (subjectKind === "exercise") {
    const [exercise] = await db
      .select({ title: exercises.title })
      .from(exercises)
      .where(and(eq(exercises.id, subjectId), or(isNull(exercises.practiceId), eq(exercises.practiceId, practiceId)), isNull(exercises.archivedAt)));
    if (!exercise) return fieldError("subject", "That exercise is not in this practice's bank");
    title = exercise.title;
  } else {
    const [program] = await db
      .select({ title: programs.title, weeks: programs.weeks })
      .from(programs)
      .where(and(eq(programs.id, subjectId), or(isNull(programs.practiceId), eq(programs.practiceId, practiceId)), isNull(programs.archivedAt)));
    if (!program) return fieldError("subject", "That program is not in this practice");
    const [item] = await db.select({ id: programItems.id }).from(programItems).where(eq(programItems.programId, subjectId)).limit(1);
    if (!item) return fieldError("subject", "That program has no exercises yet");
    title = program.title;
    programWeeks = program.weeks;
  }

  // From a session note: a progress note of this practice about the same people (never a psychotherapy note).
  if (v.noteId) {
    const [note] = await db
      .select({ clientId: sessionNotes.clientId, partnerClientId: sessionNotes.partnerClientId, kind: sessionNotes.kind })
      .from(sessionNotes)
      .where(and(eq(sessionNotes.practiceId, practiceId), eq(sessionNotes.id, v.noteId)));
    const ids = new Set(people.map((p) => p.id));
    if (!note || note.kind !== "progress" || !(ids.has(note.clientId) || (note.partnerClientId !== null && ids.has(note.partnerClientId)))) {
      return fieldError("noteId", "That session note is not about this client");
    }
  }

  const weeks = v.weeks ?? (v.dueDate ? null : programWeeks);
  const dueDate = v.dueDate ?? addDays(v.startDate, 7 * (weeks ?? 1) - 1);
  if (daysBetween(v.startDate, dueDate) > 365) return fieldError("dueDate", "Homework can run for at most a year");

  let assignmentId: string;
  try {
    assignmentId = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(assignments)
        .values({
          practiceId,
          clientId: assigneeKind === "client" ? assigneeId : null,
          coupleId: assigneeKind === "couple" ? assigneeId : null,
          exerciseId: subjectKind === "exercise" ? subjectId : null,
          programId: subjectKind === "program" ? subjectId : null,
          mode: v.mode,
          startDate: v.startDate,
          timesPerWeek: subjectKind === "exercise" ? v.timesPerWeek : null,
          weeks,
          dueDate,
          personalNote: v.personalNote,
          ...(subjectKind === "exercise" ? pickDosage(v) : NO_DOSAGE),
          assignedByMemberId: scope.memberId,
          noteId: v.noteId,
        })
        .returning({ id: assignments.id });
      await recordAudit(
        byMember(scope, "homework.assign", { type: "homework_assignment", id: row!.id }, { [assigneeKind === "client" ? "clientId" : "coupleId"]: assigneeId, [`${subjectKind}Id`]: subjectId, ...(v.noteId ? { noteId: v.noteId } : {}) }),
        tx,
      );
      return row!.id;
    });
  } catch (error) {
    const constraint = pgError(error)?.constraint ?? "";
    if (constraint.startsWith("homework_assignments_")) return fieldError("form", "That homework could not be assigned in this practice");
    throw error;
  }

  for (const person of people) {
    if (!person.email) continue;
    try {
      await sendEmail(
        {
          key: `homework-assigned:${assignmentId}:${person.id}`,
          to: person.email,
          subject: homeworkAssignedSubject(scope.practice.name),
          template: "homework-assigned",
          element: HomeworkAssignedEmail({ practiceName: scope.practice.name, recipientName: person.preferredName ?? person.firstName, title, portalUrl: portalUrl(person.id) }),
          practiceId,
        },
        options.transport,
      );
    } catch (error) {
      // The assignment stands; ids only in the log.
      logError("homework", `assignment email ${assignmentId} failed`, error);
    }
  }
  return { ok: true, assignmentId };
}

/** Ends an assignment early (it stays in the history). */
export async function endAssignment(scope: PracticeScope, assignmentId: string): Promise<boolean> {
  if (!isUuid(assignmentId)) return false;
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(assignments)
      .set({ endedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(assignments.id, assignmentId), eq(assignments.practiceId, scope.practice.id), isNull(assignments.endedAt)))
      .returning({ id: assignments.id });
    if (rows.length === 0) return false;
    await recordAudit(byMember(scope, "homework.end", { type: "homework_assignment", id: assignmentId }), tx);
    return true;
  });
}
