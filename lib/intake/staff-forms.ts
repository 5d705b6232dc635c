import { and, asc, desc, eq, inArray, isNotNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentAttendees, clients, couples, formAssignments, formResponses, formTemplates, formVersions, serviceForms, appointments } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { COUPLE_MEASURES, isMeasureId, type MeasureScore, type SubscaleScore } from "./measures/types";

/**
 * Staff who may read a client's answers (lib/auth/roles.ts). Front desk see
 * which forms are sent, started and completed (to chase them), never what was answered.
 */
export function canReadAnswers(scope: Pick<PracticeScope, "role">): boolean {
  return can(scope.role, "clinical.read");
}

export interface StaffFormRow {
  assignmentId: string;
  templateId: string;
  title: string;
  kind: string;
  measure: string | null;
  version: number;
  status: "sent" | "started" | "completed";
  sentAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  dueAt: Date | null;
  responseId: string | null;
  scores: MeasureScore | null;
}

/** Forms sent to one client of the practice, newest first. Scores only for clinical roles. */
export async function listClientAssignments(scope: PracticeScope, clientId: string): Promise<StaffFormRow[]> {
  if (!isUuid(clientId)) return [];
  const rows = await db
    .select({
      assignmentId: formAssignments.id,
      templateId: formAssignments.templateId,
      title: formTemplates.title,
      kind: formTemplates.kind,
      measure: formTemplates.measure,
      version: formVersions.version,
      status: formAssignments.status,
      sentAt: formAssignments.sentAt,
      startedAt: formAssignments.startedAt,
      completedAt: formAssignments.completedAt,
      dueAt: formAssignments.dueAt,
      responseId: formResponses.id,
      responseStatus: formResponses.status,
      scores: formResponses.scores,
    })
    .from(formAssignments)
    .innerJoin(formTemplates, eq(formTemplates.id, formAssignments.templateId))
    .innerJoin(formVersions, eq(formVersions.id, formAssignments.versionId))
    .leftJoin(formResponses, eq(formResponses.assignmentId, formAssignments.id))
    .where(and(eq(formAssignments.practiceId, scope.practice.id), eq(formAssignments.clientId, clientId)))
    .orderBy(desc(formAssignments.sentAt));
  const clinical = canReadAnswers(scope);
  return rows.map(({ responseStatus, ...r }) => ({
    ...r,
    // Drafts stay the client's own until they submit.
    responseId: clinical && responseStatus === "submitted" ? r.responseId : null,
    scores: clinical && responseStatus === "submitted" ? r.scores : null,
  }));
}

/**
 * One submitted response of the practice, with the exact version it
 * answered, for a clinician to read or print. Each read is audited.
 * Null (a 404) for another practice's response, a draft, or a front-desk member.
 */
export async function getResponseForStaff(scope: PracticeScope, responseId: string) {
  if (!isUuid(responseId) || !canReadAnswers(scope)) return null;
  const [row] = await db
    .select({
      response: formResponses,
      version: formVersions,
      template: { id: formTemplates.id, title: formTemplates.title, kind: formTemplates.kind, measure: formTemplates.measure, slug: formTemplates.slug },
      client: { id: clients.id, firstName: clients.firstName, lastName: clients.lastName, preferredName: clients.preferredName },
    })
    .from(formResponses)
    .innerJoin(formVersions, eq(formVersions.id, formResponses.versionId))
    .innerJoin(formTemplates, eq(formTemplates.id, formResponses.templateId))
    .innerJoin(clients, eq(clients.id, formResponses.clientId))
    .where(and(eq(formResponses.id, responseId), eq(formResponses.practiceId, scope.practice.id), eq(formResponses.status, "submitted")));
  if (!row) return null;
  await recordAudit(byMember(scope, "form_response.read", { type: "form_response", id: row.response.id }, { clientId: row.client.id }));
  return row;
}

export interface ScorePoint {
  clientId: string;
  clientName: string;
  measure: string;
  total: number | null;
  bandLabel: string | null;
  item9: "positive" | "negative" | "missing" | null;
  /** PFDI-20 and PFIQ-7: each scale's score, charted as its own line. */
  subscales: SubscaleScore[];
  submittedAt: Date;
  responseId: string;
}

/**
 * Measure scores over time for a client and, in a couple, their partner
 * (totals only, so both partners' CSI can share a chart; the partner's
 * answers themselves stay on their own record). Clinical roles only.
 */
export async function listMeasureScores(scope: PracticeScope, clientId: string): Promise<ScorePoint[]> {
  if (!isUuid(clientId) || !canReadAnswers(scope)) return [];
  const [couple] = await db
    .select({ a: couples.clientAId, b: couples.clientBId })
    .from(couples)
    .where(and(eq(couples.practiceId, scope.practice.id), or(eq(couples.clientAId, clientId), eq(couples.clientBId, clientId))));
  const ids = couple ? [couple.a, couple.b] : [clientId];
  const rows = await db
    .select({
      clientId: formResponses.clientId,
      firstName: clients.firstName,
      preferredName: clients.preferredName,
      measure: formTemplates.measure,
      scores: formResponses.scores,
      submittedAt: formResponses.submittedAt,
      responseId: formResponses.id,
    })
    .from(formResponses)
    .innerJoin(formTemplates, eq(formTemplates.id, formResponses.templateId))
    .innerJoin(clients, eq(clients.id, formResponses.clientId))
    .where(
      and(
        eq(formResponses.practiceId, scope.practice.id),
        inArray(formResponses.clientId, ids),
        eq(formResponses.status, "submitted"),
        isNotNull(formTemplates.measure),
      ),
    )
    .orderBy(asc(formResponses.submittedAt));
  return rows
    .filter((r) => r.measure && r.scores)
    .filter((r) => r.clientId === clientId || (isMeasureId(r.measure) && COUPLE_MEASURES.includes(r.measure)))
    .map((r) => ({
      clientId: r.clientId,
      clientName: r.preferredName ?? r.firstName,
      measure: r.measure!,
      total: r.scores!.total,
      bandLabel: r.scores!.bandLabel,
      item9: r.scores!.item9 ?? null,
      // The partner's line carries only their total.
      subscales: r.clientId === clientId ? (r.scores!.subscales ?? []) : [],
      submittedAt: r.submittedAt!,
      responseId: r.responseId,
    }));
}

export interface AttendeeFormStatus {
  clientId: string;
  name: string;
  required: number;
  completed: number;
}

/** For the schedule: per attendee, how many of the service's required forms are complete. */
export async function appointmentFormStatus(scope: PracticeScope, appointmentId: string): Promise<AttendeeFormStatus[]> {
  if (!isUuid(appointmentId)) return [];
  const [appt] = await db
    .select({ serviceId: appointments.serviceId })
    .from(appointments)
    .where(and(eq(appointments.practiceId, scope.practice.id), eq(appointments.id, appointmentId)));
  if (!appt) return [];
  const required = await db
    .select({ templateId: serviceForms.templateId })
    .from(serviceForms)
    .where(and(eq(serviceForms.practiceId, scope.practice.id), eq(serviceForms.serviceId, appt.serviceId)));
  const attendees = await db
    .select({ clientId: clients.id, firstName: clients.firstName, lastName: clients.lastName })
    .from(appointmentAttendees)
    .innerJoin(clients, eq(clients.id, appointmentAttendees.clientId))
    .where(and(eq(appointmentAttendees.practiceId, scope.practice.id), eq(appointmentAttendees.appointmentId, appointmentId)));
  if (attendees.length === 0) return [];
  const templateIds = required.map((r) => r.templateId);
  const done =
    templateIds.length === 0
      ? []
      : await db
          .selectDistinct({ clientId: formAssignments.clientId, templateId: formAssignments.templateId })
          .from(formAssignments)
          .where(
            and(
              eq(formAssignments.practiceId, scope.practice.id),
              inArray(
                formAssignments.clientId,
                attendees.map((a) => a.clientId),
              ),
              inArray(formAssignments.templateId, templateIds),
              eq(formAssignments.status, "completed"),
            ),
          );
  return attendees.map((a) => ({
    clientId: a.clientId,
    name: `${a.firstName} ${a.lastName}`,
    required: templateIds.length,
    completed: done.filter((d) => d.clientId === a.clientId).length,
  }));
}
