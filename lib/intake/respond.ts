import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Tx } from "@/db/client";
import { formAssignments, formResponses, formTemplates, formVersions, type FormAssignment, type FormResponse, type FormTemplate, type FormVersion } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { signatureOf, validateAnswers, type Answers } from "./answers";
import { scoreMeasure } from "./measures/score-measure";
import { isMeasureId } from "./measures/types";
import { currentVersions } from "./versions";
import { notifyFormCompleted } from "@/lib/notifications/producers";
import { kickStaffNotifications } from "@/lib/notifications/record";
import { flagRecipients, kickSafetyNotifications, raiseSafetyFlags } from "@/lib/safety/raise-flags";

/** The client whose portal is open: from requireClient, never from the request. */
export interface ClientRef {
  id: string;
  practiceId: string;
  userId?: string | null;
}

/** Answers as JSON may not exceed this (a bound beside each field's own). */
export const MAX_ANSWERS_BYTES = 100_000;

export const responseInputSchema = z.object({
  versionId: z.uuid("This form's version is missing"),
  answers: z.record(z.string(), z.unknown(), "Answers are missing"),
});

export type RespondResult =
  | { ok: true; status: "draft" | "submitted"; savedAt: Date }
  // Domain codes (lib/errors/domain-error.ts), never HTTP statuses; the form shows `errors` and `message`.
  | { ok: false; code: "invalid" | "not_found" | "conflict"; errors: FieldErrors; message: string };

const notFound = (): RespondResult => ({ ok: false, code: "not_found", errors: { form: ["This form was not found"] }, message: "This form was not found" });

export interface OpenForm {
  assignment: FormAssignment;
  template: Pick<FormTemplate, "id" | "title" | "kind" | "measure">;
  version: FormVersion;
  response: FormResponse | null;
}

/**
 * One of the client's own assignments, with the version to answer and their
 * draft or submitted answers. Anyone else's assignment is null (a 404),
 * whatever id is in the URL: a partner included. An untouched assignment
 * moves to the template's newest version first.
 */
export async function openAssignment(client: ClientRef, assignmentId: string): Promise<OpenForm | null> {
  if (!isUuid(assignmentId)) return null;
  const [row] = await db
    .select({ assignment: formAssignments, template: { id: formTemplates.id, title: formTemplates.title, kind: formTemplates.kind, measure: formTemplates.measure } })
    .from(formAssignments)
    .innerJoin(formTemplates, eq(formTemplates.id, formAssignments.templateId))
    .where(and(eq(formAssignments.id, assignmentId), eq(formAssignments.clientId, client.id), eq(formAssignments.practiceId, client.practiceId)));
  if (!row) return null;
  let assignment = row.assignment;
  if (assignment.status === "sent") {
    const newest = (await currentVersions(client.practiceId, [assignment.templateId])).get(assignment.templateId);
    if (newest && newest.id !== assignment.versionId) {
      // Guarded by status: a draft saved meanwhile keeps its version (and the trigger refuses otherwise).
      const [moved] = await db
        .update(formAssignments)
        .set({ versionId: newest.id })
        .where(and(eq(formAssignments.id, assignment.id), eq(formAssignments.status, "sent")))
        .returning();
      if (moved) assignment = moved;
    }
  }
  const [version] = await db.select().from(formVersions).where(eq(formVersions.id, assignment.versionId));
  const [response] = await db.select().from(formResponses).where(eq(formResponses.assignmentId, assignment.id));
  return { assignment, template: row.template, version: version!, response: response ?? null };
}

export interface ClientFormRow {
  assignmentId: string;
  title: string;
  kind: FormTemplate["kind"];
  status: FormAssignment["status"];
  sentAt: Date;
  dueAt: Date | null;
  completedAt: Date | null;
}

/** The client's forms, to do first, newest first. */
export async function listOwnForms(client: ClientRef): Promise<ClientFormRow[]> {
  const rows = await db
    .select({
      assignmentId: formAssignments.id,
      title: formTemplates.title,
      kind: formTemplates.kind,
      status: formAssignments.status,
      sentAt: formAssignments.sentAt,
      dueAt: formAssignments.dueAt,
      completedAt: formAssignments.completedAt,
    })
    .from(formAssignments)
    .innerJoin(formTemplates, eq(formTemplates.id, formAssignments.templateId))
    .where(and(eq(formAssignments.clientId, client.id), eq(formAssignments.practiceId, client.practiceId)))
    .orderBy(desc(formAssignments.sentAt));
  return rows.sort((a, b) => Number(a.status === "completed") - Number(b.status === "completed"));
}

async function lockOwnAssignment(tx: Tx, client: ClientRef, assignmentId: string) {
  const [row] = await tx
    .select({ assignment: formAssignments, measure: formTemplates.measure })
    .from(formAssignments)
    .innerJoin(formTemplates, eq(formTemplates.id, formAssignments.templateId))
    .where(and(eq(formAssignments.id, assignmentId), eq(formAssignments.clientId, client.id), eq(formAssignments.practiceId, client.practiceId)))
    .for("update", { of: formAssignments });
  return row ?? null;
}

type Preflight = { ok: true; data: z.infer<typeof responseInputSchema> } | { ok: false; error: RespondResult };

function preflight(assignmentId: string, input: unknown): Preflight {
  if (!isUuid(assignmentId)) return { ok: false, error: notFound() };
  const parsed = responseInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { ok: false, code: "invalid", errors: zodFieldErrors(parsed.error), message: "The answers could not be read" } };
  if (JSON.stringify(parsed.data.answers).length > MAX_ANSWERS_BYTES) {
    return { ok: false, error: { ok: false, code: "invalid", errors: { form: ["Your answers are too long to save"] }, message: "Your answers are too long to save" } };
  }
  return { ok: true, data: parsed.data };
}

type Checked = { assignment: FormAssignment; measure: string | null; definition: FormVersion["definition"] };

async function checkAssignment(tx: Tx, client: ClientRef, assignmentId: string, versionId: string): Promise<Checked | RespondResult> {
  const row = await lockOwnAssignment(tx, client, assignmentId);
  if (!row) return notFound();
  if (row.assignment.status === "completed") {
    return { ok: false, code: "conflict", errors: { form: ["You already submitted this form"] }, message: "You already submitted this form" };
  }
  if (row.assignment.versionId !== versionId) {
    return {
      ok: false,
      code: "conflict",
      errors: { form: ["This form was updated since you opened it. Reload the page to see the current questions."] },
      message: "This form was updated since you opened it",
    };
  }
  const [version] = await tx.select({ definition: formVersions.definition }).from(formVersions).where(eq(formVersions.id, versionId));
  return { assignment: row.assignment, measure: row.measure, definition: version!.definition };
}

/** Saves the client's answers so far (any device picks them up). Types and lengths are checked; required ones are not yet. */
export async function saveDraft(client: ClientRef, assignmentId: string, input: unknown, now: Date): Promise<RespondResult> {
  const pre = preflight(assignmentId, input);
  if (!pre.ok) return pre.error;
  return db.transaction(async (tx) => {
    const checked = await checkAssignment(tx, client, assignmentId, pre.data.versionId);
    if ("ok" in checked) return checked;
    const valid = validateAnswers(checked.definition, pre.data.answers, "draft");
    if (!valid.ok) return { ok: false, code: "invalid", errors: valid.errors, message: "Some answers need a look" };
    await upsertResponse(tx, checked.assignment, { status: "draft", answers: valid.answers, updatedAt: now });
    if (checked.assignment.status === "sent") {
      await tx.update(formAssignments).set({ status: "started", startedAt: now }).where(eq(formAssignments.id, assignmentId));
    }
    return { ok: true, status: "draft", savedAt: now };
  });
}

/**
 * Submits the client's answers: every visible required question answered,
 * the signature typed and agreed (recorded with the time and IP), a measure
 * scored on the server. A submitted response never changes afterwards.
 */
export async function submitResponse(client: ClientRef, assignmentId: string, input: unknown, context: { ip: string; now: Date }): Promise<RespondResult> {
  const pre = preflight(assignmentId, input);
  if (!pre.ok) return pre.error;
  const { now } = context;
  let flagged = false;
  const result = await db.transaction(async (tx): Promise<RespondResult> => {
    const checked = await checkAssignment(tx, client, assignmentId, pre.data.versionId);
    if ("ok" in checked) return checked;
    const valid = validateAnswers(checked.definition, pre.data.answers, "submit");
    if (!valid.ok) return { ok: false, code: "invalid", errors: valid.errors, message: "Some answers need a look" };
    const signature = signatureOf(checked.definition, valid.answers);
    const scores = isMeasureId(checked.measure) ? scoreMeasure(checked.measure, valid.answers) : null;
    const responseId = await upsertResponse(tx, checked.assignment, {
      status: "submitted",
      answers: valid.answers,
      scores,
      updatedAt: now,
      submittedAt: now,
      ...(signature ? { signatureName: signature.name, signedAt: now, signatureIp: context.ip.slice(0, 100) || "unknown" } : {}),
    });
    await tx
      .update(formAssignments)
      .set({ status: "completed", startedAt: checked.assignment.startedAt ?? now, completedAt: now })
      .where(eq(formAssignments.id, assignmentId));
    await recordAudit(
      {
        practiceId: client.practiceId,
        actor: client.userId ? { kind: "client", userId: client.userId } : { kind: "system" },
        action: "form_response.submit",
        subjectType: "form_assignment",
        subjectId: assignmentId,
      },
      tx,
    );
    // A safety answer raises its flag (and queues the clinicians' email) in this same transaction.
    const flags = await raiseSafetyFlags(tx, { id: responseId, practiceId: client.practiceId, clientId: checked.assignment.clientId }, checked.definition, valid.answers, now);
    flagged = flags.length > 0;
    // The client's clinicians hear that a form is in (in the app by default). A flagged response already told them, more loudly.
    if (!flagged) {
      const recipients = await flagRecipients(tx, client.practiceId, checked.assignment.clientId);
      await notifyFormCompleted(tx, { practiceId: client.practiceId, clientId: checked.assignment.clientId, responseId, recipients, now });
    }
    return { ok: true, status: "submitted", savedAt: now };
  });
  if (flagged) kickSafetyNotifications();
  else if (result.ok) kickStaffNotifications();
  return result;
}

async function upsertResponse(
  tx: Tx,
  assignment: FormAssignment,
  values: Partial<typeof formResponses.$inferInsert> & { answers: Answers; status: "draft" | "submitted"; updatedAt: Date },
): Promise<string> {
  const [row] = await tx
    .insert(formResponses)
    .values({
      practiceId: assignment.practiceId,
      assignmentId: assignment.id,
      clientId: assignment.clientId,
      templateId: assignment.templateId,
      versionId: assignment.versionId,
      createdAt: values.updatedAt,
      ...values,
    })
    .onConflictDoUpdate({ target: formResponses.assignmentId, set: values })
    .returning({ id: formResponses.id });
  return row!.id;
}
