import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, creditUses, payments, services } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { formatMoney } from "@/lib/money";
import { openFee } from "./fees";
import { kickNotifications } from "./notifications";
import { cancellationRefund } from "./payment-plan";
import { queueSystemRefund, submitRefund } from "./refunds";

/**
 * After a booking is cancelled: outside the window, whatever was paid is
 * refunded and a package credit comes back; inside it, the late-cancel fee
 * is kept from what was paid (the rest refunded), or, if nothing was paid,
 * opened as a fee staff charge to the card on file with one click.
 */
export async function applyCancellationPolicy(appointmentId: string, now: Date): Promise<{ refundIds: string[]; creditReturned: boolean; feeOpened: boolean }> {
  const result = await db.transaction(async (tx) => {
    const [appt] = await tx
      .select({ practiceId: appointments.practiceId, status: appointments.status, lateFee: services.lateCancelFeeCents })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .where(eq(appointments.id, appointmentId))
      .for("update", { of: appointments });
    if (!appt || (appt.status !== "cancelled" && appt.status !== "late_cancelled")) return { refundIds: [], creditReturned: false, feeOpened: false };
    const late = appt.status === "late_cancelled";
    let creditReturned = false;
    if (!late) {
      const returned = await tx.update(creditUses).set({ returnedAt: now }).where(and(eq(creditUses.appointmentId, appointmentId), isNull(creditUses.returnedAt))).returning({ id: creditUses.id });
      creditReturned = returned.length > 0;
      if (creditReturned) await recordAudit({ practiceId: appt.practiceId, actor: { kind: "system" }, action: "package.credit_returned", subjectType: "appointment", subjectId: appointmentId }, tx);
    }
    const paid = await tx
      .select()
      .from(payments)
      .where(and(eq(payments.appointmentId, appointmentId), eq(payments.status, "succeeded"), inArray(payments.kind, ["session", "deposit"])))
      .orderBy(payments.splitPart);
    const paidCents = paid.reduce((n, p) => n + p.amountCents, 0);
    const refundedCents = paid.reduce((n, p) => n + p.refundedCents, 0);
    let toRefund = cancellationRefund({ paidCents, refundedCents, late, lateCancelFeeCents: appt.lateFee });
    const refundIds: string[] = [];
    for (const p of paid) {
      const share = Math.min(toRefund, p.amountCents - p.refundedCents);
      if (share <= 0) continue;
      const id = await queueSystemRefund(tx, p.id, share, late ? "Late cancellation: the fee is kept, the rest refunded" : "Cancelled in time: refunded under the cancellation policy", now);
      if (id) refundIds.push(id);
      toRefund -= share;
    }
    let feeOpened = false;
    const usedCredit = late && (await tx.select({ id: creditUses.id }).from(creditUses).where(and(eq(creditUses.appointmentId, appointmentId), isNull(creditUses.returnedAt)))).length > 0;
    if (late && paidCents === 0 && !usedCredit && appt.lateFee > 0) {
      feeOpened = "fee" in (await openFee(tx, { practiceId: appt.practiceId, appointmentId, kind: "late_cancel", actorUserId: null, now }));
    }
    return { refundIds, creditReturned, feeOpened };
  });
  for (const id of result.refundIds) await submitRefund(id, now);
  kickNotifications();
  return result;
}

export interface CancellationPreview {
  currency: string;
  paidCents: number;
  refundedCents: number;
  lateCancelFeeCents: number;
  usedCredit: boolean;
}

/** What is paid toward an appointment now: the input of `cancellationEffects`, read for the confirm dialog. */
export async function cancellationPreview(practiceId: string, appointmentId: string): Promise<CancellationPreview | null> {
  const [appt] = await db
    .select({
      currency: appointments.currency,
      lateFee: services.lateCancelFeeCents,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .where(and(eq(appointments.id, appointmentId), eq(appointments.practiceId, practiceId)));
  if (!appt) return null;
  const paid = await db
    .select({
      amountCents: payments.amountCents,
      refundedCents: payments.refundedCents,
    })
    .from(payments)
    .where(and(eq(payments.appointmentId, appointmentId), eq(payments.status, "succeeded"), inArray(payments.kind, ["session", "deposit"])));
  const credit = await db
    .select({ id: creditUses.id })
    .from(creditUses)
    .where(and(eq(creditUses.appointmentId, appointmentId), isNull(creditUses.returnedAt)))
    .limit(1);
  return {
    currency: appt.currency,
    paidCents: paid.reduce((n, p) => n + p.amountCents, 0),
    refundedCents: paid.reduce((n, p) => n + p.refundedCents, 0),
    lateCancelFeeCents: appt.lateFee,
    usedCredit: credit.length > 0,
  };
}

/**
 * What cancelling will do to the money, in the words of the confirm dialog,
 * by the same rules `applyCancellationPolicy` applies: `late` false for a
 * cancellation in time (or a late one whose fee staff waive).
 */
export function cancellationEffects(p: CancellationPreview, late: boolean, reader: "staff" | "client" = "staff"): string[] {
  const refund = cancellationRefund({
    paidCents: p.paidCents,
    refundedCents: p.refundedCents,
    late,
    lateCancelFeeCents: p.lateCancelFeeCents,
  });
  const out: string[] = [];
  if (refund > 0) out.push(`${formatMoney(refund, p.currency)} is refunded to the card that paid${reader === "client" ? ", within 5 to 10 business days" : ""}.`);
  if (late && p.paidCents > 0 && p.lateCancelFeeCents > 0) out.push(`${formatMoney(Math.min(p.lateCancelFeeCents, p.paidCents), p.currency)} is kept as the late-cancellation fee.`);
  if (late && p.paidCents === 0 && !p.usedCredit && p.lateCancelFeeCents > 0) {
    const fee = formatMoney(p.lateCancelFeeCents, p.currency);
    out.push(
      reader === "staff"
        ? `A late-cancellation fee of ${fee} is recorded as owed; no card is charged until someone presses Charge.`
        : `A late-cancellation fee of ${fee} is recorded as owed; the practice may charge it to your card on file, or you can pay it from your portal.`,
    );
  }
  if (p.usedCredit) out.push(late ? "The package credit it used is not returned." : "The package credit it used comes back.");
  if (out.length === 0) out.push("Nothing is charged or refunded.");
  return out;
}
