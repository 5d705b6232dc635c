import { createElement } from "react";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, clients, formAssignments, formTemplates, practices, serviceForms } from "@/db/schema";
import FormsToCompleteEmail, { formsToCompleteSubject } from "@/emails/forms-to-complete";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { assignFormSchema } from "./assign-form-schema";
import { currentVersions } from "./versions";

export { assignFormSchema } from "./assign-form-schema";


export type AssignResult = { ok: true; assignmentId: string } | { ok: false; errors: FieldErrors };

export function portalFormsUrl(clientId: string): string {
  return new URL(`/portal/${clientId}/forms`, env.APP_URL).toString();
}

/**
 * Staff send a form (or a measure, as often as they like) to one client of
 * their practice. The client answers the version current at sending, moved
 * to a newer one if it is published before they start.
 */
export async function assignForm(scope: PracticeScope, clientId: string, input: unknown, now: Date): Promise<AssignResult> {
  const parsed = assignFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  if (!isUuid(clientId)) return { ok: false, errors: { form: ["This client was not found"] } };
  const { templateId, dueDate, notify } = parsed.data;
  const [client] = await db
    .select({ id: clients.id, email: clients.email, firstName: clients.firstName, preferredName: clients.preferredName })
    .from(clients)
    .where(and(eq(clients.practiceId, scope.practice.id), eq(clients.id, clientId)));
  if (!client) return { ok: false, errors: { form: ["This client was not found"] } };
  const [template] = await db
    .select({ id: formTemplates.id })
    .from(formTemplates)
    .where(and(eq(formTemplates.practiceId, scope.practice.id), eq(formTemplates.id, templateId), isNull(formTemplates.archivedAt)));
  const version = template ? (await currentVersions(scope.practice.id, [template.id])).get(template.id) : undefined;
  if (!template || !version) return { ok: false, errors: { templateId: ["Choose one of your practice's forms"] } };

  const assignmentId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(formAssignments)
      .values({
        practiceId: scope.practice.id,
        clientId,
        templateId,
        versionId: version.id,
        source: "manual",
        dueAt: dueDate ? new Date(`${dueDate}T23:59:59Z`) : null,
        assignedByUserId: scope.user.id,
        sentAt: now,
      })
      .returning({ id: formAssignments.id });
    await recordAudit(byMember(scope, "form_assignment.create", { type: "client", id: clientId }, { assignmentId: row!.id, templateId }), tx);
    return row!.id;
  });
  if (notify && client.email) {
    await sendEmail({
      key: `forms-assigned:${assignmentId}`,
      to: client.email,
      template: "forms-to-complete",
      practiceId: scope.practice.id,
      subject: formsToCompleteSubject({ practiceName: scope.practice.name, kind: "new" }),
      element: createElement(FormsToCompleteEmail, {
        practiceName: scope.practice.name,
        recipientName: client.preferredName ?? client.firstName,
        count: 1,
        url: portalFormsUrl(clientId),
        kind: "new",
      }),
    });
  }
  return { ok: true, assignmentId };
}

/**
 * After a booking: each attendee gets the forms the service requires (once
 * per appointment, client and form: the unique index makes a repeat a
 * no-op), and one email per attendee with a link to their own forms.
 * Forms the client already completed for this practice are not sent again.
 * Run by the appointment outbox (lib/jobs/appointment-events.ts) after a
 * confirmation, so it must be safe to repeat: a second run assigns nothing
 * new, and sends the email only if the first run's email did not go out.
 * Throws when an email could not be sent, so the outbox retries it.
 */
export async function assignServiceForms(appointmentId: string, now: Date, transport?: EmailTransport): Promise<{ assigned: number }> {
  const [appt] = await db
    .select({ id: appointments.id, practiceId: appointments.practiceId, serviceId: appointments.serviceId, startsAt: appointments.startsAt, practiceName: practices.name })
    .from(appointments)
    .innerJoin(practices, eq(practices.id, appointments.practiceId))
    .where(eq(appointments.id, appointmentId));
  if (!appt) return { assigned: 0 };
  const required = await db
    .select({ templateId: serviceForms.templateId })
    .from(serviceForms)
    .innerJoin(formTemplates, and(eq(formTemplates.id, serviceForms.templateId), isNull(formTemplates.archivedAt)))
    .where(and(eq(serviceForms.practiceId, appt.practiceId), eq(serviceForms.serviceId, appt.serviceId)))
    .orderBy(asc(serviceForms.position));
  if (required.length === 0) return { assigned: 0 };
  const versions = await currentVersions(
    appt.practiceId,
    required.map((r) => r.templateId),
  );
  const attendees = await db
    .select({ clientId: clients.id, email: clients.email, firstName: clients.firstName, preferredName: clients.preferredName })
    .from(appointmentAttendees)
    .innerJoin(clients, and(eq(clients.practiceId, appointmentAttendees.practiceId), eq(clients.id, appointmentAttendees.clientId)))
    .where(eq(appointmentAttendees.appointmentId, appointmentId));

  let assigned = 0;
  let failed = 0;
  for (const person of attendees) {
    const rows = required
      .filter((r) => versions.has(r.templateId))
      .map((r) => ({
        practiceId: appt.practiceId,
        clientId: person.clientId,
        templateId: r.templateId,
        versionId: versions.get(r.templateId)!.id,
        appointmentId,
        source: "booking" as const,
        dueAt: appt.startsAt,
        sentAt: now,
      }));
    // Skip forms this client already has open or completed (e.g. a second booking), measures excepted.
    const existing = await db
      .select({ templateId: formAssignments.templateId, appointmentId: formAssignments.appointmentId, source: formAssignments.source })
      .from(formAssignments)
      .innerJoin(formTemplates, eq(formTemplates.id, formAssignments.templateId))
      .where(and(eq(formAssignments.clientId, person.clientId), sql`${formTemplates.kind} <> 'measure'`));
    const have = new Set(existing.map((e) => e.templateId));
    // Assigned for this booking by an earlier run whose email may not have gone out.
    const earlier = existing.filter((e) => e.appointmentId === appointmentId && e.source === "booking").length;
    const fresh = rows.filter((r) => !have.has(r.templateId));
    const inserted =
      fresh.length === 0
        ? []
        : await db
            .insert(formAssignments)
            .values(fresh)
            .onConflictDoNothing({ target: [formAssignments.appointmentId, formAssignments.clientId, formAssignments.templateId], where: sql`source = 'booking'` })
            .returning({ id: formAssignments.id });
    assigned += inserted.length;
    const count = inserted.length + earlier;
    if (count > 0 && person.email) {
      const sent = await sendEmail(
        {
          key: `forms-assigned:booking:${appointmentId}:${person.clientId}`,
          to: person.email,
          template: "forms-to-complete",
          practiceId: appt.practiceId,
          subject: formsToCompleteSubject({ practiceName: appt.practiceName, kind: "new" }),
          element: createElement(FormsToCompleteEmail, {
            practiceName: appt.practiceName,
            recipientName: person.preferredName ?? person.firstName,
            count,
            url: portalFormsUrl(person.clientId),
            kind: "new",
          }),
          retryFailed: true,
        },
        transport,
      );
      if (sent.status === "failed") failed++;
    }
  }
  if (failed > 0) throw new Error(`${failed} forms email(s) for appointment ${appointmentId} not sent`);
  return { assigned };
}
