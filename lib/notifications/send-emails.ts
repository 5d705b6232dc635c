import { practiceReader } from "@/lib/dates";
import { and, asc, eq, isNull, lt, lte, sql } from "drizzle-orm";
import { createElement } from "react";
import { db } from "@/db/client";
import { members, practices, staffNotifications, users } from "@/db/schema";
import StaffNoticeEmail from "@/emails/staff-notice";
import { logError } from "@/lib/db/pg-error";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { describeNotices, TITLES } from "./describe";
import { isNotificationKind } from "./kinds";

const MAX_ATTEMPTS = 5;

/** One email per notice, ever (lib/email/send-email.ts never sends a key twice). */
export function staffNoticeEmailKey(noticeId: string): string {
  return `staff-notice:${noticeId}`;
}

export interface StaffEmailRun {
  due: number;
  sent: number;
  failed: number;
}

/**
 * Sends the staff emails the notices owe (written with each event,
 * lib/notifications/record.ts), oldest first: the `staff-notify` job every
 * minute, and the appointment outbox's run right after a booking changes.
 * Safe on several instances at once: the email key makes a repeat a no-op.
 */
export async function sendStaffNotificationEmails(now: Date, options: { transport?: EmailTransport; limit?: number; appointmentId?: string } = {}): Promise<StaffEmailRun> {
  const due = await db
    .select({ notice: staffNotifications, email: users.email, memberName: members.displayName, practiceName: practices.name, slug: practices.slug, timeZone: practices.timeZone, locale: practices.locale })
    .from(staffNotifications)
    .innerJoin(members, eq(members.id, staffNotifications.memberId))
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(practices, eq(practices.id, staffNotifications.practiceId))
    .where(
      and(
        eq(staffNotifications.email, true),
        isNull(staffNotifications.emailSentAt),
        lt(staffNotifications.emailAttempts, MAX_ATTEMPTS),
        lte(staffNotifications.createdAt, now),
        options.appointmentId ? eq(staffNotifications.appointmentId, options.appointmentId) : undefined,
      ),
    )
    .orderBy(asc(staffNotifications.createdAt))
    .limit(options.limit ?? 100);
  const run: StaffEmailRun = { due: due.length, sent: 0, failed: 0 };
  const base = env.APP_URL.replace(/\/+$/, "");
  for (const row of due) {
    const n = row.notice;
    await db.update(staffNotifications).set({ emailAttempts: sql`${staffNotifications.emailAttempts} + 1` }).where(eq(staffNotifications.id, n.id));
    try {
      if (!isNotificationKind(n.kind)) continue;
      const text = (await describeNotices(n.practiceId, practiceReader(row), [n])).get(n.id);
      const workspace = `${base}/clinic/${row.slug}`;
      const result = await sendEmail(
        {
          key: staffNoticeEmailKey(n.id),
          to: row.email,
          subject: TITLES[n.kind],
          template: "staff-notice",
          practiceId: n.practiceId,
          retryFailed: true,
          element: createElement(StaffNoticeEmail, {
            practiceName: row.practiceName,
            memberName: row.memberName,
            headline: TITLES[n.kind],
            lines: text?.emailLines ?? [],
            // Through the notice, so opening the email's link marks it read too.
            url: `${workspace}/notifications/${n.id}`,
            settingsUrl: `${workspace}/settings/notifications`,
          }),
        },
        options.transport,
      );
      if (result.status === "failed") {
        run.failed += 1;
        continue;
      }
      run.sent += 1;
      await db.update(staffNotifications).set({ emailSentAt: now }).where(eq(staffNotifications.id, n.id));
    } catch (error) {
      // Ids only in logs.
      logError("notifications", `staff notice email ${n.id} failed`, error);
      run.failed += 1;
    }
  }
  return run;
}
