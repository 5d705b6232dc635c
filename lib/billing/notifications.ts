import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { createElement } from "react";
import { db, type DbOrTx } from "@/db/client";
import { billingNotifications, clients, payments, practices } from "@/db/schema";
import BillingNoticeEmail, { billingNoticeSubject, type BillingNoticeKind } from "@/emails/billing-notice";
import { sendEmail } from "@/lib/email/send-email";
import { runningBoss } from "@/lib/jobs/queue-handle";
import { logError } from "@/lib/db/pg-error";
import { feeLabel, paymentLabels } from "./payment-label";
import { practiceReader } from "@/lib/dates";

/**
 * Billing emails (receipts, payment links, refunds, fees) go through a
 * table written in the same transaction as the change that calls for them,
 * then a job sends them. A booking's confirmation is not billing's: paying
 * calls the lifecycle's `confirm`, whose outbox sends it
 * (lib/booking/lifecycle/outbox.ts). A webhook handler therefore answers at once, a crash between the
 * change and the email loses nothing, and the key makes a repeat a no-op.
 */
export type BillingNotification = {
  kind: BillingNoticeKind;
  clientId: string;
  amountCents: number;
  currency: string;
  description: string;
  actionUrl?: string | null;
  reason?: string | null;
  /** The payment it is about: its description is then read when the email is sent, from the appointment as it is then. */
  paymentId?: string | null;
  /** The fee it is about when there is no payment (nothing was charged): read the same way. */
  feeId?: string | null;
};

export async function queueNotification(tx: DbOrTx, practiceId: string, key: string, notification: BillingNotification): Promise<void> {
  const { kind, ...data } = notification;
  await tx
    .insert(billingNotifications)
    .values({ key, practiceId, kind, data: data as Record<string, string | number | null> })
    .onConflictDoNothing({ target: billingNotifications.key });
}

/** Asks the job runner (when this process runs one) to send queued notifications now rather than at the next tick. */
export function kickNotifications(): void {
  runningBoss()
    ?.send("billing-notify", {}, { singletonKey: "billing-notify", singletonSeconds: 1 })
    .catch(() => {});
}

const MAX_ATTEMPTS = 5;

/** Sends what is queued. Returns how many were sent. Safe on several instances: the email key never sends twice. */
export async function sendBillingNotifications(now: Date, limit = 50): Promise<number> {
  const due = await db
    .select()
    .from(billingNotifications)
    .where(and(isNull(billingNotifications.sentAt), lte(billingNotifications.attempts, MAX_ATTEMPTS - 1), lte(billingNotifications.createdAt, now)))
    .orderBy(billingNotifications.createdAt)
    .limit(limit);
  let sent = 0;
  for (const row of due) {
    await db.update(billingNotifications).set({ attempts: sql`${billingNotifications.attempts} + 1` }).where(eq(billingNotifications.key, row.key));
    try {
      await deliver(row.key, row.practiceId, row.kind, row.data);
      await db.update(billingNotifications).set({ sentAt: now }).where(eq(billingNotifications.key, row.key));
      sent++;
    } catch (error) {
      // Ids only in logs.
      logError("billing", `notification ${row.kind} ${row.key} failed`, error);
    }
  }
  return sent;
}

async function deliver(key: string, practiceId: string, kind: string, data: Record<string, string | number | null>): Promise<void> {
  const [row] = await db
    .select({ email: clients.email, firstName: clients.firstName, practiceName: practices.name })
    .from(clients)
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .where(and(eq(clients.id, String(data.clientId)), eq(clients.practiceId, practiceId)));
  if (!row?.email) return;
  const description = data.paymentId || data.feeId ? await currentDescription(practiceId, data) : null;
  const props = {
    kind: kind as BillingNoticeKind,
    practiceName: row.practiceName,
    recipientName: row.firstName,
    amountCents: Number(data.amountCents),
    currency: String(data.currency),
    description: description ?? String(data.description),
    actionUrl: data.actionUrl ? String(data.actionUrl) : null,
    reason: data.reason ? String(data.reason) : null,
  };
  await sendEmail({
    key: `billing:${key}`,
    to: row.email,
    subject: billingNoticeSubject(props),
    template: `billing-${kind}`,
    practiceId,
    element: createElement(BillingNoticeEmail, props),
  });
}

/** A payment's description as of now: a rescheduled session's refund names the new date, not the one it was paid for. */
async function currentDescription(practiceId: string, data: Record<string, string | number | null>): Promise<string | null> {
  const [practice] = await db.select({ timeZone: practices.timeZone, locale: practices.locale }).from(practices).where(eq(practices.id, practiceId));
  if (!practice) return null;
  if (!data.paymentId) return feeLabel(practiceId, String(data.feeId), practiceReader(practice));
  const [payment] = await db.select().from(payments).where(and(eq(payments.id, String(data.paymentId)), eq(payments.practiceId, practiceId)));
  return payment ? ((await paymentLabels(practiceId, practiceReader(practice), [payment], { forPayer: true })).get(payment.id) ?? null) : null;
}
