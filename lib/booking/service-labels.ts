import type { ServiceFormat } from "@/db/schema";

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
