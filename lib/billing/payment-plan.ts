import type { BookingPaymentMode } from "@/db/schema";

/** Who pays a couple's session: the booker, the partner, or each half. */
export const PAYERS = ["me", "partner", "split"] as const;
export type Payer = (typeof PAYERS)[number];

export interface PlannedPayment {
  /** Index into the booking's attendees (0: the booker, 1: the partner). */
  attendee: 0 | 1;
  kind: "session" | "deposit";
  amountCents: number;
  splitPart: 1 | 2 | null;
}

/** Stripe's smallest charge in the currencies we take (0.50). */
export const MIN_CHARGE_CENTS = 50;

/**
 * What a booking asks for at checkout: nothing, the full price, or the
 * deposit; for a couple, one payment or two halves (the odd cent goes to
 * the first half so the halves always add up to the total).
 */
export function planBookingPayments(input: {
  priceCents: number;
  mode: BookingPaymentMode;
  depositCents: number | null;
  attendees: number;
  payer: Payer;
}): PlannedPayment[] {
  if (input.priceCents <= 0 || input.mode === "none") return [];
  const kind = input.mode === "deposit" ? "deposit" : "session";
  const total = kind === "deposit" ? Math.min(input.depositCents ?? 0, input.priceCents) : input.priceCents;
  if (total < MIN_CHARGE_CENTS) return [];
  if (input.attendees < 2 || input.payer === "me") return [{ attendee: 0, kind, amountCents: total, splitPart: null }];
  if (input.payer === "partner") return [{ attendee: 1, kind, amountCents: total, splitPart: null }];
  const first = Math.ceil(total / 2);
  const second = total - first;
  if (second < MIN_CHARGE_CENTS) return [{ attendee: 0, kind, amountCents: total, splitPart: null }];
  return [
    { attendee: 0, kind, amountCents: first, splitPart: 1 },
    { attendee: 1, kind, amountCents: second, splitPart: 2 },
  ];
}

/**
 * Minutes the checkout (and so the hold on the time) stays open: Stripe's
 * minimum, 30, when the booker pays; two hours when a partner has to open
 * an emailed link and pay.
 */
export function checkoutMinutesFor(payments: number, payer: Payer): number {
  return payments > 1 || payer === "partner" ? 120 : 30;
}

/**
 * The refund a cancellation earns under the service's policy: outside the
 * window everything paid comes back; inside it the late-cancel fee is kept
 * from what was paid and the rest comes back.
 */
export function cancellationRefund(input: { paidCents: number; refundedCents: number; late: boolean; lateCancelFeeCents: number }): number {
  const keep = input.late ? Math.min(Math.max(0, input.lateCancelFeeCents), input.paidCents) : 0;
  return Math.max(0, input.paidCents - keep - input.refundedCents);
}
