import { and, eq, inArray, sql } from "drizzle-orm";
import Stripe from "stripe";
import { db, type DbOrTx, type Tx } from "@/db/client";
import { appointmentAttendees, appointments, fees, payments, services, stripeCustomers, type Fee } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { formatMoney } from "@/lib/money";
import { portalBillingUrl } from "./links";
import { FEE_LABELS } from "./payment-label";
import { notifyPaymentFailed } from "@/lib/notifications/producers";
import { kickStaffNotifications } from "@/lib/notifications/record";
import { kickNotifications, queueNotification } from "./notifications";
import { accountOptions, stripe, stripeErrorMessage } from "./stripe-client";
import { applyPaymentIntent } from "./sync-payments";
import { practiceStripe } from "./practice-billing";

export type FeeKind = Fee["kind"];
export { FEE_LABELS };

export type ChargeFeeResult =
  | { ok: true; outcome: "charged" | "declined" | "no_card" | "pending"; message: string }
  | { ok: false; message: string };

/** Net amount already paid ahead for the session (its payments minus refunds). */
async function prepaid(tx: Tx, appointmentId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(sum(${payments.amountCents} - ${payments.refundedCents}), 0)::int` })
    .from(payments)
    .where(and(eq(payments.appointmentId, appointmentId), eq(payments.status, "succeeded"), inArray(payments.kind, ["session", "deposit"])));
  return row?.n ?? 0;
}

/**
 * Who a session's fee is charged to: the payer of the booking, otherwise
 * the first attendee with a card on file, otherwise the first attendee.
 * Also whom the Charge dialog names before anything is opened.
 */
export async function feePayer(tx: DbOrTx, appointmentId: string): Promise<string | null> {
  const attendees = await tx.select({ clientId: appointmentAttendees.clientId }).from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, appointmentId)).orderBy(appointmentAttendees.createdAt);
  if (attendees.length === 0) return null;
  const [payer] = await tx.select({ clientId: payments.clientId }).from(payments).where(and(eq(payments.appointmentId, appointmentId), eq(payments.status, "succeeded"))).limit(1);
  const cards = await tx.select({ clientId: stripeCustomers.clientId, pm: stripeCustomers.paymentMethodId }).from(stripeCustomers).where(inArray(stripeCustomers.clientId, attendees.map((a) => a.clientId)));
  const withCard = attendees.find((a) => cards.some((c) => c.clientId === a.clientId && c.pm));
  return payer?.clientId ?? withCard?.clientId ?? attendees[0]!.clientId;
}

/**
 * The fee row for an appointment's late cancellation or no-show, opened
 * once (the unique key makes a second click find the first). The payer of
 * the booking is charged; otherwise the first attendee with a card on file.
 */
export async function openFee(tx: Tx, input: { practiceId: string; appointmentId: string; kind: FeeKind; actorUserId: string | null; now: Date }): Promise<{ fee: Fee } | { error: string }> {
  const [appt] = await tx
    .select({ status: appointments.status, currency: appointments.currency, lateFee: services.lateCancelFeeCents, noShowFee: services.noShowFeeCents })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .where(and(eq(appointments.id, input.appointmentId), eq(appointments.practiceId, input.practiceId)))
    .for("update", { of: appointments });
  if (!appt) return { error: "That session was not found." };
  const needed = input.kind === "no_show" ? "no_show" : "late_cancelled";
  if (appt.status !== needed) return { error: input.kind === "no_show" ? "Mark the session as a no-show first." : "Only a late-cancelled session has a late-cancellation fee." };
  const amount = input.kind === "no_show" ? appt.noShowFee : appt.lateFee;
  if (amount <= 0) return { error: `This service has no ${FEE_LABELS[input.kind].toLowerCase()}.` };
  if ((await prepaid(tx, input.appointmentId)) >= amount) return { error: "This session was paid in advance; that payment covers the fee." };
  const clientId = await feePayer(tx, input.appointmentId);
  if (!clientId) return { error: "This session has no client to charge." };
  await tx
    .insert(fees)
    .values({ practiceId: input.practiceId, appointmentId: input.appointmentId, clientId, kind: input.kind, amountCents: amount, currency: appt.currency, createdByUserId: input.actorUserId, createdAt: input.now, updatedAt: input.now })
    .onConflictDoNothing({ target: [fees.appointmentId, fees.clientId, fees.kind] });
  const [fee] = await tx.select().from(fees).where(and(eq(fees.appointmentId, input.appointmentId), eq(fees.kind, input.kind))).for("update");
  return { fee: fee! };
}

/**
 * Staff charge a late-cancel or no-show fee to the card on file, off-session,
 * with one click. A decline (or no card) leaves the fee open: an outstanding
 * balance the client can pay from the portal, and they are emailed about it.
 */
export async function chargeFee(input: { practiceId: string; appointmentId: string; kind: FeeKind; actorUserId: string }, now: Date): Promise<ChargeFeeResult> {
  const account = await practiceStripe(input.practiceId);
  const prepared = await db.transaction(async (tx) => {
    const opened = await openFee(tx, { ...input, now });
    if ("error" in opened) return opened;
    const fee = opened.fee;
    if (fee.status !== "open") return { error: fee.status === "paid" ? "This fee is already paid." : "This fee was waived." };
    const [inFlight] = await tx.select({ id: payments.id }).from(payments).where(and(eq(payments.feeId, fee.id), eq(payments.status, "pending")));
    if (inFlight) return { error: "A charge for this fee is already in progress." };
    const [card] = await tx.select().from(stripeCustomers).where(eq(stripeCustomers.clientId, fee.clientId));
    const description = FEE_LABELS[fee.kind];
    if (!card?.paymentMethodId) {
      await recordAudit({ practiceId: fee.practiceId, actor: { kind: "member", userId: input.actorUserId }, action: "fee.open", subjectType: "fee", subjectId: fee.id, detail: { amountCents: fee.amountCents, card: false } }, tx);
      await queueNotification(tx, fee.practiceId, `fee-due:${fee.id}`, { kind: "fee-due", clientId: fee.clientId, amountCents: fee.amountCents, currency: fee.currency, description, actionUrl: portalBillingUrl(fee.clientId), feeId: fee.id });
      return { noCard: true as const, fee };
    }
    const [payment] = await tx
      .insert(payments)
      .values({
        practiceId: fee.practiceId,
        kind: "fee",
        amountCents: fee.amountCents,
        currency: fee.currency,
        clientId: fee.clientId,
        appointmentId: null,
        feeId: fee.id,
        description,
        stripeAccountId: account.stripeAccountId,
        createdByUserId: input.actorUserId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit({ practiceId: fee.practiceId, actor: { kind: "member", userId: input.actorUserId }, action: "fee.charge", subjectType: "fee", subjectId: fee.id, detail: { paymentId: payment!.id, amountCents: fee.amountCents } }, tx);
    return { payment: payment!, card, fee };
  });
  kickNotifications();
  if ("error" in prepared) return { ok: false, message: prepared.error };
  const amount = formatMoney(prepared.fee.amountCents, prepared.fee.currency);
  if ("noCard" in prepared) return { ok: true, outcome: "no_card", message: `No card on file: ${amount} is now an outstanding balance the client can pay from their portal.` };
  return submitFeeCharge(prepared.payment.id, prepared.card.stripeCustomerId, prepared.card.paymentMethodId!, now);
}

/** Sends (or, after a timeout, re-sends under the same key) the off-session charge for a fee payment. */
export async function submitFeeCharge(paymentId: string, customer: string, paymentMethod: string, now: Date): Promise<ChargeFeeResult> {
  const [payment] = await db.select().from(payments).where(eq(payments.id, paymentId));
  if (!payment) return { ok: false, message: "Payment not found" };
  const amount = formatMoney(payment.amountCents, payment.currency);
  try {
    const pi = await stripe().paymentIntents.create(
      {
        amount: payment.amountCents,
        currency: payment.currency.toLowerCase(),
        customer,
        payment_method: paymentMethod,
        off_session: true,
        confirm: true,
        description: payment.description,
        metadata: { paymentId: payment.id, feeId: payment.feeId ?? "" },
      },
      { idempotencyKey: `fee:${payment.id}`, ...accountOptions(payment.stripeAccountId) },
    );
    const status = await applyPaymentIntent(payment.id, pi, now);
    return status === "succeeded" ? { ok: true, outcome: "charged", message: `${amount} charged to the card on file.` } : { ok: true, outcome: "pending", message: "The charge is processing." };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) {
      const pi = (error.raw as { payment_intent?: Stripe.PaymentIntent }).payment_intent ?? error.payment_intent;
      if (pi) await applyPaymentIntent(payment.id, pi as Stripe.PaymentIntent, now);
      else
        await db.transaction(async (tx) => {
          const failed = await tx.update(payments).set({ status: "failed", failureMessage: error.message, updatedAt: now }).where(and(eq(payments.id, payment.id), eq(payments.status, "pending"))).returning({ id: payments.id });
          // Without an intent to converge from, the decline email is queued here (applyPaymentIntent queues it otherwise).
          if (failed.length) await notifyPaymentFailed(tx, { practiceId: payment.practiceId, paymentId: payment.id, clientId: payment.clientId, appointmentId: payment.appointmentId, now });
          if (failed.length && payment.feeId) await queueNotification(tx, payment.practiceId, `fee-failed:${payment.id}`, { kind: "fee-failed", clientId: payment.clientId, amountCents: payment.amountCents, currency: payment.currency, description: payment.description, actionUrl: portalBillingUrl(payment.clientId), paymentId: payment.id });
        });
      kickStaffNotifications();
      return {
        ok: true,
        outcome: "declined",
        message: payment.feeId
          ? `The card was declined (${error.message}). ${amount} is now an outstanding balance; the client was emailed to pay it from their portal.`
          : `The card was declined (${error.message}). Nothing was charged.`,
      };
    }
    if (error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeAPIError) {
      return { ok: false, message: "Stripe did not answer. The charge will be checked and retried automatically; it will not be charged twice." };
    }
    await db.update(payments).set({ status: "failed", failureMessage: stripeErrorMessage(error), updatedAt: now }).where(and(eq(payments.id, payment.id), eq(payments.status, "pending")));
    return { ok: false, message: stripeErrorMessage(error) };
  }
}
