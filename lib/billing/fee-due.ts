import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, stripeCustomers, type AppointmentStatus, type Fee, type Payment } from "@/db/schema";
import { appointmentBilling } from "./billing-queries";
import { feePayer } from "./fees";

export interface FeeDue {
  kind: Fee["kind"];
  amountCents: number;
  currency: string;
  /** The fee row once opened (a decline or no card leaves it open). */
  existing: Fee | undefined;
}

/**
 * The policy fee staff can still charge for a no-show or a late
 * cancellation: none when the service has no such fee, when what was paid
 * ahead covers it, or when it was waived or paid. The one rule behind the
 * Charge button and the page's "nothing more to do" (decision 0034).
 */
export function feeStillDue(input: {
  status: AppointmentStatus;
  payments: Pick<Payment, "status" | "kind" | "amountCents" | "refundedCents">[];
  fees: Fee[];
  policy: {
    lateCancelFeeCents: number;
    noShowFeeCents: number;
    currency: string;
  };
}): FeeDue | null {
  const kind = input.status === "no_show" ? "no_show" : input.status === "late_cancelled" ? "late_cancel" : null;
  if (!kind) return null;
  const amountCents = kind === "no_show" ? input.policy.noShowFeeCents : input.policy.lateCancelFeeCents;
  const prepaid = input.payments.filter((p) => p.status === "succeeded" && (p.kind === "session" || p.kind === "deposit")).reduce((n, p) => n + p.amountCents - p.refundedCents, 0);
  const existing = input.fees.find((f) => f.kind === kind);
  if (amountCents <= 0 || prepaid >= amountCents || existing?.status === "waived" || existing?.status === "paid") return null;
  return { kind, amountCents, currency: input.policy.currency, existing };
}

/** `feeStillDue` for one appointment, read from its payments and fees. */
export async function appointmentFeeDue(
  practiceId: string,
  appointmentId: string,
  status: AppointmentStatus,
  policy: {
    lateCancelFeeCents: number;
    noShowFeeCents: number;
    currency: string;
  },
): Promise<FeeDue | null> {
  if (status !== "no_show" && status !== "late_cancelled") return null;
  const { payments, fees } = await appointmentBilling(practiceId, appointmentId);
  return feeStillDue({ status, payments, fees, policy });
}

export interface FeeChargePreview {
  payerName: string;
  payerHasEmail: boolean;
  card: { brand: string | null; last4: string | null } | null;
}

/** Whom the Charge button would charge and with what card, for its confirm dialog. */
export async function feeChargePreview(practiceId: string, appointmentId: string, due: FeeDue): Promise<FeeChargePreview | null> {
  const clientId = due.existing?.clientId ?? (await feePayer(db, appointmentId));
  if (!clientId) return null;
  const [row] = await db
    .select({
      firstName: clients.firstName,
      lastName: clients.lastName,
      email: clients.email,
      pm: stripeCustomers.paymentMethodId,
      brand: stripeCustomers.cardBrand,
      last4: stripeCustomers.cardLast4,
    })
    .from(clients)
    .leftJoin(stripeCustomers, eq(stripeCustomers.clientId, clients.id))
    .where(and(eq(clients.id, clientId), eq(clients.practiceId, practiceId)));
  if (!row) return null;
  return {
    payerName: `${row.firstName} ${row.lastName}`,
    payerHasEmail: Boolean(row.email),
    card: row.pm ? { brand: row.brand, last4: row.last4 } : null,
  };
}
