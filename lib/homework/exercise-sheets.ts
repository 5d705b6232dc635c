import { and, asc, desc, eq, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { assignments, clients, couples, exercises, homeworkSheetItems, homeworkSheets, practiceBrands, practices, programItems, programs } from "@/db/schema";
import ExerciseSheetEmail, { exerciseSheetSubject } from "@/emails/exercise-sheet";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { ClientScope, PracticeScope } from "@/lib/auth/guards";
import { todayIn } from "@/lib/dates";
import { logError, pgError } from "@/lib/db/pg-error";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { fieldError, type FieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { dosageIn, formatDosage, pickDosage } from "./dosage";
import { exerciseSheetPdf, type ExerciseSheetData } from "./exercise-sheet-pdf";

export const SHEET_MAX_ASSIGNMENTS = 50;
export const SHEET_NOT_FOUND = "Choose homework of this client for the sheet";

/** The assignments a sheet carries, as the staff page sends them (`?a=<id>&a=<id>`). */
export const sheetSelectionSchema = z
  .array(z.string().refine(isUuid, SHEET_NOT_FOUND), { message: SHEET_NOT_FOUND })
  .min(1, "Choose at least one homework for the sheet")
  .max(SHEET_MAX_ASSIGNMENTS, `A sheet holds at most ${SHEET_MAX_ASSIGNMENTS} homework assignments`)
  .transform((ids) => [...new Set(ids)]);

export function portalHomeworkUrl(clientId: string): string {
  return `${env.APP_URL.replace(/\/+$/, "")}/portal/${clientId}/homework`;
}

/**
 * Everything the sheet prints, read in three queries: the client with the
 * practice's display name and locale; the chosen assignments, only the
 * client's own or their couple's in this practice; the programs' exercises.
 * Null when the client is not the practice's or any chosen id is not theirs
 * (so a tampered id is "not found", not a partial sheet).
 */
export async function loadExerciseSheet(practiceId: string, clientId: string, assignmentIds: string[], now: Date): Promise<ExerciseSheetData | null> {
  if (!isUuid(clientId) || assignmentIds.length === 0 || !assignmentIds.every(isUuid)) return null;
  const [head] = await db
    .select({
      firstName: clients.firstName,
      lastName: clients.lastName,
      practiceName: sql<string>`coalesce(${practiceBrands.displayName}, ${practices.name})`,
      locale: practices.locale,
      timeZone: practices.timeZone,
    })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, practices.id))
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, practiceId)));
  if (!head) return null;

  const rows = await db
    .select({ a: assignments, exercise: exercises, programTitle: programs.title })
    .from(assignments)
    .leftJoin(exercises, eq(exercises.id, assignments.exerciseId))
    .leftJoin(programs, eq(programs.id, assignments.programId))
    .where(
      and(
        eq(assignments.practiceId, practiceId),
        inArray(assignments.id, assignmentIds),
        or(
          eq(assignments.clientId, clientId),
          sql`${assignments.coupleId} in (select ${couples.id} from ${couples} where ${couples.practiceId} = ${practiceId} and (${couples.clientAId} = ${clientId} or ${couples.clientBId} = ${clientId}))`,
        ),
      ),
    );
  if (rows.length !== new Set(assignmentIds).size) return null;

  const programIds = rows.map((r) => r.a.programId).filter((id): id is string => id !== null);
  const items = programIds.length
    ? await db
        .select({ programId: programItems.programId, timesPerWeek: programItems.timesPerWeek, exercise: exercises })
        .from(programItems)
        .innerJoin(exercises, eq(exercises.id, programItems.exerciseId))
        .where(inArray(programItems.programId, programIds))
        .orderBy(asc(programItems.programId), asc(programItems.week), asc(programItems.position))
    : [];

  const byId = new Map(rows.map((r) => [r.a.id, r]));
  return {
    practiceName: head.practiceName,
    locale: head.locale,
    clientName: `${head.firstName} ${head.lastName}`,
    date: todayIn(head.timeZone, now),
    assignments: assignmentIds.map((id) => {
      const { a, exercise, programTitle } = byId.get(id)!;
      const steps = exercise
        ? [{ exercise, timesPerWeek: a.timesPerWeek ?? exercise.frequencyPerWeek }]
        : // A program repeats exercises across weeks; the sheet explains each once.
          items.filter((i) => i.programId === a.programId).filter((i, n, all) => all.findIndex((j) => j.exercise.id === i.exercise.id) === n);
      return {
        title: exercise?.title ?? programTitle ?? "Homework",
        personalNote: a.personalNote,
        exercises: steps.map((s) => ({
          title: s.exercise.title,
          instructions: s.exercise.instructions,
          dosageLine: formatDosage(dosageIn({ exerciseId: a.exerciseId, ...pickDosage(a) }, s.exercise.id, s.exercise), s.timesPerWeek),
          timesPerWeek: s.timesPerWeek,
          minutes: s.exercise.minutes,
        })),
      };
    }),
  };
}

/** Staff: the sheet for the chosen assignments, to print. A clinical read, so audited. Null: not found. */
export async function staffExerciseSheetPdf(scope: PracticeScope, clientId: string, assignmentIds: string[], now: Date): Promise<Uint8Array | null> {
  const data = await loadExerciseSheet(scope.practice.id, clientId, assignmentIds, now);
  if (!data) return null;
  await recordAudit(byMember(scope, "homework_sheet.print", { type: "client", id: clientId }, { assignmentIds }));
  return exerciseSheetPdf(data);
}

export type SendSheetResult = { ok: true; sheetId: string; emailed: boolean } | { ok: false; errors: FieldErrors };

/**
 * Staff: keeps a sheet of the chosen assignments for the client's portal and
 * emails the client that it is there (the practice's name and a link only;
 * one email per sheet, by its key). Nothing is stored when any id is not
 * the client's homework.
 */
export async function sendExerciseSheet(scope: PracticeScope, clientId: string, input: unknown, options: { transport?: EmailTransport } = {}): Promise<SendSheetResult> {
  const parsed = sheetSelectionSchema.safeParse(input);
  if (!parsed.success) return fieldError("assignments", parsed.error.issues[0]?.message ?? SHEET_NOT_FOUND);
  const ids = parsed.data;
  const practiceId = scope.practice.id;
  if (!isUuid(clientId)) return fieldError("form", "That client was not found in this practice");
  const [client] = await db
    .select({ id: clients.id, email: clients.email, firstName: clients.firstName, preferredName: clients.preferredName, practiceName: sql<string>`coalesce(${practiceBrands.displayName}, ${practices.name})` })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, practices.id))
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, practiceId)));
  if (!client) return fieldError("form", "That client was not found in this practice");

  let sheetId: string;
  try {
    sheetId = await db.transaction(async (tx) => {
      const [sheet] = await tx.insert(homeworkSheets).values({ practiceId, clientId, sentByMemberId: scope.memberId }).returning({ id: homeworkSheets.id });
      // The trigger refuses an assignment that is not this client's or their couple's.
      await tx.insert(homeworkSheetItems).values(ids.map((assignmentId, position) => ({ sheetId: sheet!.id, practiceId, assignmentId, position })));
      await recordAudit(byMember(scope, "homework_sheet.send", { type: "homework_sheet", id: sheet!.id }, { clientId, assignmentIds: ids }), tx);
      return sheet!.id;
    });
  } catch (error) {
    const constraint = pgError(error)?.constraint ?? "";
    if (constraint.startsWith("homework_sheet_items_")) return fieldError("assignments", SHEET_NOT_FOUND);
    throw error;
  }

  if (!client.email) return { ok: true, sheetId, emailed: false };
  try {
    const sent = await sendEmail(
      {
        key: `exercise-sheet:${sheetId}:${client.id}`,
        to: client.email,
        subject: exerciseSheetSubject(client.practiceName),
        template: "exercise-sheet",
        element: ExerciseSheetEmail({ practiceName: client.practiceName, recipientName: client.preferredName ?? client.firstName, portalUrl: portalHomeworkUrl(client.id) }),
        practiceId,
      },
      options.transport,
    );
    return { ok: true, sheetId, emailed: sent.status !== "failed" };
  } catch (error) {
    // The sheet stands in the portal; ids only in the log.
    logError("homework", `exercise sheet email ${sheetId} failed`, error);
    return { ok: true, sheetId, emailed: false };
  }
}

export interface PortalSheet {
  id: string;
  createdAt: Date;
  count: number;
}

/** The sheets sent to this client, newest first. */
export async function listClientSheets(client: { id: string; practiceId: string }): Promise<PortalSheet[]> {
  return db
    .select({ id: homeworkSheets.id, createdAt: homeworkSheets.createdAt, count: sql<number>`(select count(*)::int from ${homeworkSheetItems} i where i.sheet_id = ${homeworkSheets.id})` })
    .from(homeworkSheets)
    .where(and(eq(homeworkSheets.practiceId, client.practiceId), eq(homeworkSheets.clientId, client.id)))
    .orderBy(desc(homeworkSheets.createdAt), desc(homeworkSheets.id));
}

/** The sheets sent to a client, as staff see them. */
export async function listSheetsForStaff(scope: Pick<PracticeScope, "practice">, clientId: string): Promise<PortalSheet[]> {
  if (!isUuid(clientId)) return [];
  return listClientSheets({ id: clientId, practiceId: scope.practice.id });
}

/**
 * The client's own sheet as a PDF, drawn from the current rows. Null for a
 * sheet that is not theirs (another client's, another practice's) or gone.
 */
export async function clientExerciseSheetPdf(ctx: Pick<ClientScope, "client" | "user">, sheetId: string, now: Date): Promise<Uint8Array | null> {
  if (!isUuid(sheetId)) return null;
  const practiceId = ctx.client.practiceId;
  const items = await db
    .select({ assignmentId: homeworkSheetItems.assignmentId })
    .from(homeworkSheetItems)
    .innerJoin(homeworkSheets, and(eq(homeworkSheets.id, homeworkSheetItems.sheetId), eq(homeworkSheets.practiceId, homeworkSheetItems.practiceId)))
    .where(and(eq(homeworkSheets.id, sheetId), eq(homeworkSheets.practiceId, practiceId), eq(homeworkSheets.clientId, ctx.client.id)))
    .orderBy(asc(homeworkSheetItems.position));
  if (items.length === 0) return null;
  const data = await loadExerciseSheet(practiceId, ctx.client.id, items.map((i) => i.assignmentId), now);
  if (!data) return null;
  await recordAudit({ practiceId, actor: { kind: "client", userId: ctx.user.id }, action: "homework_sheet.download", subjectType: "homework_sheet", subjectId: sheetId });
  return exerciseSheetPdf(data);
}
