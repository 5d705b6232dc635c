import { and, asc, eq, isNull, lt, lte, sql } from "drizzle-orm";
import { createElement } from "react";
import { db } from "@/db/client";
import { members, practices, safetyFlagNotifications, safetyFlags, users } from "@/db/schema";
import SafetyFlagEmail, { SAFETY_FLAG_SUBJECT } from "@/emails/safety-flag";
import { logError } from "@/lib/db/pg-error";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";

const MAX_ATTEMPTS = 5;

/** One email per flag and member, ever: the same key never sends twice (lib/email/send-email.ts). */
export function safetyFlagEmailKey(flagId: string, memberId: string): string {
  return `safety-flag:${flagId}:${memberId}`;
}

export interface SafetyNotifyRun {
  due: number;
  sent: number;
  outbox: number;
  duplicate: number;
  failed: number;
}

/**
 * Sends the flag emails queued with each flag (lib/safety/raise-flags.ts).
 * The email says only that a response needs attention, with a link to the
 * client's record: no name, question or answer. A flag acknowledged before
 * its email went out still sends it (the clinician who was told should
 * know the flag existed; the record shows who acknowledged it).
 */
export async function sendSafetyNotifications(now: Date, options: { transport?: EmailTransport; limit?: number } = {}): Promise<SafetyNotifyRun> {
  const due = await db
    .select({
      flagId: safetyFlagNotifications.flagId,
      memberId: safetyFlagNotifications.memberId,
      practiceId: safetyFlagNotifications.practiceId,
      clientId: safetyFlags.clientId,
      clinicianName: members.displayName,
      email: users.email,
      practiceName: practices.name,
      practiceSlug: practices.slug,
    })
    .from(safetyFlagNotifications)
    .innerJoin(safetyFlags, eq(safetyFlags.id, safetyFlagNotifications.flagId))
    .innerJoin(members, eq(members.id, safetyFlagNotifications.memberId))
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(practices, eq(practices.id, safetyFlagNotifications.practiceId))
    .where(and(isNull(safetyFlagNotifications.sentAt), lt(safetyFlagNotifications.attempts, MAX_ATTEMPTS), lte(safetyFlagNotifications.createdAt, now)))
    .orderBy(asc(safetyFlagNotifications.createdAt))
    .limit(options.limit ?? 100);
  const run: SafetyNotifyRun = { due: due.length, sent: 0, outbox: 0, duplicate: 0, failed: 0 };
  const base = env.APP_URL.replace(/\/+$/, "");
  for (const row of due) {
    const which = and(eq(safetyFlagNotifications.flagId, row.flagId), eq(safetyFlagNotifications.memberId, row.memberId));
    await db.update(safetyFlagNotifications).set({ attempts: sql`${safetyFlagNotifications.attempts} + 1` }).where(which);
    try {
      const result = await sendEmail(
        {
          key: safetyFlagEmailKey(row.flagId, row.memberId),
          to: row.email,
          subject: SAFETY_FLAG_SUBJECT,
          template: "safety-flag",
          practiceId: row.practiceId,
          retryFailed: true,
          element: createElement(SafetyFlagEmail, {
            practiceName: row.practiceName,
            clinicianName: row.clinicianName,
            url: `${base}/clinic/${row.practiceSlug}/clients/${row.clientId}`,
          }),
        },
        options.transport,
      );
      if (result.status === "failed") {
        run.failed += 1;
        continue;
      }
      run[result.status] += 1;
      await db.update(safetyFlagNotifications).set({ sentAt: now }).where(which);
    } catch (error) {
      // Ids only in logs.
      logError("safety", `flag email ${row.flagId} to member ${row.memberId} failed`, error);
      run.failed += 1;
    }
  }
  return run;
}
