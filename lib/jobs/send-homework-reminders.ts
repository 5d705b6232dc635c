import { DateTime } from "luxon";
import HomeworkReminderEmail from "@/emails/homework-reminder";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { portalUrl } from "@/lib/homework/assign";
import { dueThisWeek } from "@/lib/homework/compute-adherence";
import { todayIn } from "@/lib/dates";
import { loadActiveHomework } from "@/lib/homework/load-active";
import { logError } from "@/lib/db/pg-error";

/** Reminders go out from this local hour on, never in the night. */
export const REMINDER_LOCAL_HOUR = 9;

export function homeworkReminderKey(clientId: string, localDate: string): string {
  return `homework-reminder:${clientId}:${localDate}`;
}

export interface HomeworkReminderRun {
  due: number;
  sent: number;
  outbox: number;
  duplicate: number;
  failed: number;
}

/**
 * At most one reminder a day per client, only when something is still open
 * this week and not checked in today, only to clients with portal access
 * who have not turned reminders off, and not before 9:00 their practice's
 * time. The key (client and local date) makes a second run the same day a
 * no-op, however many workers run it.
 */
export async function sendHomeworkReminders(now: Date, options: { transport?: EmailTransport } = {}): Promise<HomeworkReminderRun> {
  const active = await loadActiveHomework(now, 14);
  const run: HomeworkReminderRun = { due: 0, sent: 0, outbox: 0, duplicate: 0, failed: 0 };
  for (const client of active.clients.values()) {
    if (!client.email || !client.hasPortal || !client.remindersEnabled) continue;
    const mine = active.assignments.filter((a) => a.clientIds.includes(client.id));
    const practiceId = mine[0]?.practiceId;
    const practice = practiceId ? active.practices.get(practiceId) : undefined;
    if (!practice || !practiceId) continue;
    if (DateTime.fromJSDate(now, { zone: practice.timeZone }).hour < REMINDER_LOCAL_HOUR) continue;
    const today = todayIn(practice.timeZone, now);
    const open = dueThisWeek(
      mine.map((a) => ({ plan: a.plan, clientIds: a.clientIds })),
      client.id,
      active.checkIns,
      today,
    ).filter((d) => d.remaining > 0 && !d.checkedInToday);
    if (open.length === 0) continue;
    run.due += 1;
    try {
      const result = await sendEmail(
        {
          key: homeworkReminderKey(client.id, today),
          to: client.email,
          subject: `A gentle reminder from ${practice.name}`,
          template: "homework-reminder",
          element: HomeworkReminderEmail({ practiceName: practice.name, recipientName: client.preferredName ?? client.firstName, dueCount: open.length, portalUrl: portalUrl(client.id) }),
          practiceId,
        },
        options.transport,
      );
      if (result.status === "failed") run.failed += 1;
      else run[result.status] += 1;
    } catch (error) {
      logError("jobs", `homework reminder for client ${client.id} failed`, error);
      run.failed += 1;
    }
  }
  return run;
}
