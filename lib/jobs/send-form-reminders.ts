import { createElement } from "react";
import { and, eq, gt, isNotNull, lte, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, clients, emailMessages, formAssignments, practices } from "@/db/schema";
import FormsToCompleteEmail, { formsToCompleteSubject } from "@/emails/forms-to-complete";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { portalFormsUrl } from "@/lib/intake/assign-forms";
import { logError } from "@/lib/db/pg-error";

const HOUR = 3_600_000;
export const FORM_REMINDER_LEAD_HOURS = 48;

/** One reminder per form assignment, ever, whichever worker sends it. */
export function formReminderKey(assignmentId: string): string {
  return `form-reminder:${assignmentId}`;
}

export interface FormReminderRun {
  due: number;
  sent: number;
  outbox: number;
  duplicate: number;
  failed: number;
}

/**
 * Reminds clients of forms still incomplete when their first session (no
 * earlier live or completed session with the practice) starts within 48 h.
 * One email per incomplete form, keyed by the assignment, so re-runs and
 * parallel workers never send it twice. The email carries no form names.
 */
export async function sendFormReminders(now: Date, options: { transport?: EmailTransport } = {}): Promise<FormReminderRun> {
  const horizon = new Date(now.getTime() + FORM_REMINDER_LEAD_HOURS * HOUR);
  const rows = await db
    .select({
      assignmentId: formAssignments.id,
      practiceId: formAssignments.practiceId,
      clientId: clients.id,
      email: clients.email,
      firstName: clients.firstName,
      preferredName: clients.preferredName,
      practiceName: practices.name,
    })
    .from(formAssignments)
    .innerJoin(appointments, and(eq(appointments.practiceId, formAssignments.practiceId), eq(appointments.id, formAssignments.appointmentId)))
    .innerJoin(clients, and(eq(clients.practiceId, formAssignments.practiceId), eq(clients.id, formAssignments.clientId)))
    .innerJoin(practices, eq(practices.id, formAssignments.practiceId))
    .where(
      and(
        ne(formAssignments.status, "completed"),
        eq(appointments.status, "confirmed"),
        gt(appointments.startsAt, now),
        lte(appointments.startsAt, horizon),
        isNotNull(clients.email),
        sql`not exists (
          select 1 from appointment_attendees earlier_attendee
          join appointments earlier on earlier.id = earlier_attendee.appointment_id
          where earlier_attendee.client_id = ${formAssignments.clientId}
            and earlier.starts_at < ${appointments.startsAt}
            and earlier.status in ('confirmed', 'completed', 'no_show')
        )`,
        sql`not exists (select 1 from ${emailMessages} where ${emailMessages.key} = 'form-reminder:' || ${formAssignments.id})`,
      ),
    )
    .orderBy(formAssignments.id);

  const run: FormReminderRun = { due: rows.length, sent: 0, outbox: 0, duplicate: 0, failed: 0 };
  for (const row of rows) {
    try {
      const result = await sendEmail(
        {
          key: formReminderKey(row.assignmentId),
          to: row.email!,
          template: "forms-reminder",
          practiceId: row.practiceId,
          subject: formsToCompleteSubject({ practiceName: row.practiceName, kind: "reminder" }),
          element: createElement(FormsToCompleteEmail, {
            practiceName: row.practiceName,
            recipientName: row.preferredName ?? row.firstName,
            count: 1,
            url: portalFormsUrl(row.clientId),
            kind: "reminder",
          }),
        },
        options.transport,
      );
      if (result.status === "failed") run.failed += 1;
      else run[result.status] += 1;
    } catch (error) {
      logError("jobs", `form reminder for assignment ${row.assignmentId} failed`, error);
      run.failed += 1;
    }
  }
  return run;
}
