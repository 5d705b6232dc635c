import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, payments, practiceBrands, practices } from "@/db/schema";
import { paymentLabels } from "./payment-label";

export interface PaymentStatusView {
  id: string;
  kind: string;
  status: string;
  amountCents: number;
  currency: string;
  description: string;
  practiceName: string;
  practiceSlug: string;
  checkoutUrl: string | null;
  checkoutExpiresAt: Date | null;
  appointmentStatus: string | null;
  /** The other half of a split, if any. */
  partnerPaid: boolean | null;
  clientId: string;
}

/** What the public payment pages show about one payment (no names, no clinical detail). */
export async function paymentStatusView(where: { paymentId?: string; sessionId?: string }): Promise<PaymentStatusView | null> {
  const [row] = await db
    // The name the practice shows its clients (its brand's display name, decision 0040), as the page's header does.
    .select({ p: payments, practiceName: sql<string>`coalesce(${practiceBrands.displayName}, ${practices.name})`, practiceSlug: practices.slug, practiceZone: practices.timeZone, practiceLocale: practices.locale, appointmentStatus: appointments.status })
    .from(payments)
    .innerJoin(practices, eq(practices.id, payments.practiceId))
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, payments.practiceId))
    .leftJoin(appointments, eq(appointments.id, payments.appointmentId))
    .where(where.paymentId ? eq(payments.id, where.paymentId) : eq(payments.stripeCheckoutSessionId, where.sessionId ?? ""));
  if (!row) return null;
  let partnerPaid: boolean | null = null;
  if (row.p.splitPart && row.p.appointmentId) {
    const others = await db
      .select({ status: payments.status, id: payments.id })
      .from(payments)
      .where(and(eq(payments.appointmentId, row.p.appointmentId), inArray(payments.kind, ["session", "deposit"])));
    partnerPaid = others.filter((o) => o.id !== row.p.id).every((o) => o.status === "succeeded");
  }
  return {
    id: row.p.id,
    kind: row.p.kind,
    status: row.p.status,
    amountCents: row.p.amountCents,
    currency: row.p.currency,
    // The appointment as it is now, in the payer's zone (decision 0039); the stored copy only for what has no appointment.
    description: (await paymentLabels(row.p.practiceId, { zone: row.practiceZone, locale: row.practiceLocale }, [row.p], { forPayer: true })).get(row.p.id) ?? row.p.description,
    practiceName: row.practiceName,
    practiceSlug: row.practiceSlug,
    checkoutUrl: row.p.checkoutUrl,
    checkoutExpiresAt: row.p.checkoutExpiresAt,
    appointmentStatus: row.appointmentStatus,
    partnerPaid,
    clientId: row.p.clientId,
  };
}
