import type { ServiceFormat } from "@/db/schema";
import { formatMoney } from "@/lib/money";

/**
 * How a service reads to people: its format and attendance, and how a client
 * pays for it. The one home for these labels; pages, forms, the booking
 * wizard and the calendar import them. Pure and type-only imports: safe in
 * the browser.
 */

export const FORMAT_LABELS = { in_person: "In person", online: "Online video", phone: "Phone" } as const satisfies Record<ServiceFormat, string>;

/** The calendar's compact cells say "Online" where the rest say "Online video". */
export const FORMAT_SHORT_LABELS = { ...FORMAT_LABELS, online: "Online" } as const satisfies Record<ServiceFormat, string>;

export const ATTENDANCE_LABELS = { individual: "Individual", couple: "Couple", either: "Individual or couple" } as const;

/**
 * How a client pays for a service, as the service list and booking pages say
 * it. The one place to change when online payment (billing) arrives.
 */
export function paymentLabel(priceCents: number): string {
  return priceCents > 0 ? "Pay at the session" : "Free";
}

/** The public booking wizard speaks to the client: "For couples" rather than the staff's "Couple". */
export const CLIENT_ATTENDANCE_LABELS = { individual: "For one person", couple: "For couples", either: "For one person or a couple" } as const;

/** What a visitor pays online when booking; null: nothing online (paid at the session, or free). */
export type PayAtBooking = { mode: "full" | "deposit"; amountCents: number } | null;

/**
 * The one rule for what is charged at booking: the service's billing setting,
 * only when the practice can take payments online and the service has a price.
 * The booking page and the Services settings page both read it, so the clinic
 * sees the rule the client will meet.
 */
export function payAtBookingFor(
  billing: { paymentMode: "none" | "full" | "deposit"; depositCents: number | null } | null | undefined,
  priceCents: number,
  takesPayments: boolean,
): PayAtBooking {
  if (!takesPayments || !billing || billing.paymentMode === "none" || priceCents <= 0) return null;
  return billing.paymentMode === "deposit" ? { mode: "deposit", amountCents: Math.min(billing.depositCents ?? 0, priceCents) } : { mode: "full", amountCents: priceCents };
}

/** "$190 · paid online when you book", "$190 · $50 deposit online when you book", "$190 · pay at the session", "Free". */
export function priceLabel(s: { priceCents: number; currency: string; payAtBooking: PayAtBooking }): string {
  if (s.priceCents <= 0) return paymentLabel(0);
  const price = formatMoney(s.priceCents, s.currency);
  if (s.payAtBooking?.mode === "full") return `${price} · paid online when you book`;
  if (s.payAtBooking?.mode === "deposit") return `${price} · ${formatMoney(s.payAtBooking.amountCents, s.currency)} deposit online when you book`;
  return `${price} · ${paymentLabel(s.priceCents).toLowerCase()}`;
}
