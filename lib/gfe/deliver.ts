import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import { createElement } from "react";
import { db } from "@/db/client";
import { clients, goodFaithEstimates, practices } from "@/db/schema";
import GfeReadyEmail, { gfeReadySubject } from "@/emails/gfe-ready";
import { logError } from "@/lib/db/pg-error";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";

export const MAX_DELIVERY_ATTEMPTS = 5;

/** One email per estimate, ever (lib/email/send-email.ts dedupes by key). */
export function gfeEmailKey(gfeId: string): string {
  return `gfe-ready:${gfeId}`;
}

export interface DeliverRun {
  due: number;
  sent: number;
  outbox: number;
  duplicate: number;
  failed: number;
}

/**
 * Delivers what is owed: each issued, undelivered estimate whose client has
 * an email address gets one email saying only that it is ready, with a
 * link to the portal (where it is read and downloaded), and is marked
 * delivered. The "gfe-deliver" job runs this every minute; the booking hook
 * and the request run it at once for their own estimate. A client with no
 * email, or a failing address after MAX_DELIVERY_ATTEMPTS, stays undelivered
 * and shows on the staff's overdue list once past due.
 */
export async function deliverGfes(now: Date, options: { transport?: EmailTransport; gfeId?: string; limit?: number } = {}): Promise<DeliverRun> {
  const due = await db
    .select({
      id: goodFaithEstimates.id,
      practiceId: goodFaithEstimates.practiceId,
      email: clients.email,
      firstName: clients.firstName,
      preferredName: clients.preferredName,
      practiceName: practices.name,
    })
    .from(goodFaithEstimates)
    .innerJoin(clients, eq(clients.id, goodFaithEstimates.clientId))
    .innerJoin(practices, eq(practices.id, goodFaithEstimates.practiceId))
    .where(
      and(
        isNull(goodFaithEstimates.deliveredAt),
        lt(goodFaithEstimates.attempts, MAX_DELIVERY_ATTEMPTS),
        sql`${clients.email} is not null`,
        options.gfeId ? eq(goodFaithEstimates.id, options.gfeId) : undefined,
      ),
    )
    .orderBy(asc(goodFaithEstimates.dueBy))
    .limit(options.limit ?? 100);
  const run: DeliverRun = { due: due.length, sent: 0, outbox: 0, duplicate: 0, failed: 0 };
  const base = env.APP_URL.replace(/\/+$/, "");
  for (const row of due) {
    // Claimed by the attempt itself: a second run beside this one finds the count moved and the key taken.
    const [claimed] = await db
      .update(goodFaithEstimates)
      .set({ attempts: sql`${goodFaithEstimates.attempts} + 1` })
      .where(and(eq(goodFaithEstimates.id, row.id), isNull(goodFaithEstimates.deliveredAt)))
      .returning({ id: goodFaithEstimates.id });
    if (!claimed) continue;
    try {
      const result = await sendEmail(
        {
          key: gfeEmailKey(row.id),
          to: row.email!,
          subject: gfeReadySubject(row.practiceName),
          template: "gfe-ready",
          practiceId: row.practiceId,
          retryFailed: true,
          element: createElement(GfeReadyEmail, { practiceName: row.practiceName, recipientName: row.preferredName ?? row.firstName, portalUrl: `${base}/portal` }),
        },
        options.transport,
      );
      if (result.status === "failed") {
        run.failed += 1;
        continue;
      }
      run[result.status] += 1;
      await db.update(goodFaithEstimates).set({ deliveredAt: now }).where(and(eq(goodFaithEstimates.id, row.id), isNull(goodFaithEstimates.deliveredAt)));
    } catch (error) {
      // Ids only in logs.
      logError("gfe", `estimate email ${row.id} failed`, error);
      run.failed += 1;
    }
  }
  return run;
}
