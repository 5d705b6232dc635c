import HomeworkDigestEmail from "@/emails/homework-digest";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { todayIn, weekStart } from "@/lib/dates";
import { computeFlags } from "@/lib/homework/flags";
import { loadActiveHomework } from "@/lib/homework/load-active";
import { lastDayOf } from "@/lib/homework/schedule";
import { logError } from "@/lib/db/pg-error";

export function homeworkDigestKey(memberId: string, weekOf: string): string {
  return `homework-digest:${memberId}:${weekOf}`;
}

export interface DigestRun {
  clinicians: number;
  flaggedClients: number;
  sent: number;
  outbox: number;
  duplicate: number;
  failed: number;
}

/**
 * Once a week, each clinician who assigned running homework gets the list
 * of those clients with a flag (no check-in for 7 days, pain of 7 or more, a
 * sharp drop in closeness). The email names the clients only; the reasons
 * stay behind sign-in. Keyed by clinician and week: one per week.
 */
export async function sendHomeworkDigest(now: Date, options: { transport?: EmailTransport } = {}): Promise<DigestRun> {
  const active = await loadActiveHomework(now, 28);
  const run: DigestRun = { clinicians: 0, flaggedClients: 0, sent: 0, outbox: 0, duplicate: 0, failed: 0 };
  const byMember = new Map<string, typeof active.assignments>();
  for (const a of active.assignments) {
    if (!a.assignedByMemberId) continue;
    byMember.set(a.assignedByMemberId, [...(byMember.get(a.assignedByMemberId) ?? []), a]);
  }
  for (const [memberId, list] of byMember) {
    const member = active.members.get(memberId);
    const practice = active.practices.get(list[0]!.practiceId);
    if (!member || !practice) continue;
    const today = todayIn(practice.timeZone, now);
    const ids = new Set(list.map((a) => a.plan.id));
    const clientIds = [...new Set(list.flatMap((a) => a.clientIds))];
    const flags = computeFlags(
      clientIds,
      list.map((a) => ({ id: a.plan.id, startDate: a.plan.startDate, lastDay: lastDayOf(a.plan), clientIds: a.clientIds, together: a.plan.mode === "together" })),
      active.checkIns.filter((c) => ids.has(c.assignmentId)),
      today,
    );
    const flagged = [...new Set(flags.map((f) => f.clientId))].map((id) => active.clients.get(id)).filter((c) => c !== undefined);
    if (flagged.length === 0) continue;
    run.clinicians += 1;
    run.flaggedClients += flagged.length;
    const base = env.APP_URL.replace(/\/+$/, "");
    try {
      const result = await sendEmail(
        {
          key: homeworkDigestKey(memberId, weekStart(today)),
          to: member.email,
          subject: `Homework this week: ${flagged.length} client(s) to look at`,
          template: "homework-digest",
          element: HomeworkDigestEmail({
            practiceName: practice.name,
            clinicianName: member.displayName,
            clients: flagged.map((c) => ({ name: `${c.firstName} ${c.lastName}`, url: `${base}/clinic/${practice.slug}/homework/clients/${c.id}` })),
          }),
          practiceId: list[0]!.practiceId,
        },
        options.transport,
      );
      if (result.status === "failed") run.failed += 1;
      else run[result.status] += 1;
    } catch (error) {
      logError("jobs", `homework digest for member ${memberId} failed`, error);
      run.failed += 1;
    }
  }
  return run;
}
