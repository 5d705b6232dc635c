import { and, asc, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { creditUses, packagePurchases, packages, payments, serviceBilling, services } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { paymentLabel } from "./payment-label";
import { planBookingPayments, type Payer } from "./payment-plan";
import { practiceStripe } from "./practice-billing";

export type BookingCharge = { kind: "none" } | { kind: "credit"; purchaseId: string } | { kind: "payments"; count: number } | { kind: "no_credit" };

/** Whose credits a booking may spend: only a client signed in to their own portal (decision 0012). */
export interface CreditOwner {
  clientId: string;
  /** The signed-in client's couple: credits bought for the couple are shared. */
  coupleId: string | null;
}

/**
 * Decides, inside the booking's transaction, how a new booking is paid: a
 * package credit the signed-in client (or their couple) holds for this
 * service when they asked to use one, a checkout for the price or deposit,
 * or nothing online. Records the credit use or the pending payments; Stripe
 * is called only after commit. `no_credit`: a credit was asked for and none
 * covers this service (the caller refuses the booking).
 */
export async function chargeForBooking(
  tx: Tx,
  input: {
    practiceId: string;
    appointmentId: string;
    serviceId: string;
    clientIds: string[];
    coupleId: string | null;
    credit: CreditOwner | null;
    payer: Payer;
    startsAt: Date;
    timeZone: string;
    /** The zone the booking page showed (lib/booking/booking-schema.ts): what Stripe's description reads in. */
    readerZone?: string | null;
    now: Date;
  },
): Promise<BookingCharge> {
  if (input.credit) {
    const purchaseId = await takeCredit(tx, { ...input, owner: input.credit });
    return purchaseId ? { kind: "credit", purchaseId } : { kind: "no_credit" };
  }

  const [service] = await tx
    .select({ name: services.name, priceCents: services.priceCents, currency: services.currency, lateFee: services.lateCancelFeeCents, noShowFee: services.noShowFeeCents, mode: serviceBilling.paymentMode, deposit: serviceBilling.depositCents })
    .from(services)
    .leftJoin(serviceBilling, eq(serviceBilling.serviceId, services.id))
    .where(and(eq(services.id, input.serviceId), eq(services.practiceId, input.practiceId)));
  if (!service) return { kind: "none" };
  const plan = planBookingPayments({ priceCents: service.priceCents, mode: service.mode ?? "none", depositCents: service.deposit, attendees: input.clientIds.length, payer: input.payer });
  if (plan.length === 0) return { kind: "none" };
  const account = await practiceStripe(input.practiceId, tx);
  if (!account.canTakePayments) return { kind: "none" };
  await tx.insert(payments).values(
    plan.map((p) => ({
      practiceId: input.practiceId,
      kind: p.kind,
      amountCents: p.amountCents,
      currency: service.currency,
      clientId: input.clientIds[p.attendee]!,
      coupleId: input.coupleId,
      appointmentId: input.appointmentId,
      splitPart: p.splitPart,
      // What Stripe is told; pages and emails name the appointment as it is then (payment-label.ts).
      description: paymentLabel({ kind: p.kind, splitPart: p.splitPart, description: service.name }, { serviceName: service.name, startsAt: input.startsAt }, { zone: input.readerZone ?? input.timeZone, practiceZone: input.timeZone }),
      stripeAccountId: account.stripeAccountId,
      saveCard: service.lateFee > 0 || service.noShowFee > 0,
      createdAt: input.now,
      updatedAt: input.now,
    })),
  );
  return { kind: "payments", count: plan.length };
}

/** Uses one credit from the soonest-expiring eligible package of the owner (or their couple), if any. */
async function takeCredit(tx: Tx, input: { practiceId: string; appointmentId: string; serviceId: string; owner: CreditOwner; now: Date }): Promise<string | null> {
  const owners = [eq(packagePurchases.clientId, input.owner.clientId)];
  if (input.owner.coupleId) owners.push(eq(packagePurchases.coupleId, input.owner.coupleId));
  const candidates = await tx
    .select({ id: packagePurchases.id, credits: packagePurchases.credits })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(
      and(
        eq(packagePurchases.practiceId, input.practiceId),
        isNotNull(packagePurchases.activatedAt),
        gt(packagePurchases.expiresAt, input.now),
        or(...owners),
        sql`${input.serviceId}::uuid = any(${packages.serviceIds})`,
      ),
    )
    .orderBy(asc(packagePurchases.expiresAt))
    .for("update", { of: packagePurchases });
  for (const c of candidates) {
    const [{ used } = { used: 0 }] = await tx
      .select({ used: sql<number>`count(*)::int` })
      .from(creditUses)
      .where(and(eq(creditUses.purchaseId, c.id), isNull(creditUses.returnedAt)));
    if (used < c.credits) {
      await tx.insert(creditUses).values({ practiceId: input.practiceId, purchaseId: c.id, appointmentId: input.appointmentId, createdAt: input.now });
      await recordAudit({ practiceId: input.practiceId, actor: { kind: "system" }, action: "package.credit_used", subjectType: "appointment", subjectId: input.appointmentId, detail: { purchaseId: c.id } }, tx);
      return c.id;
    }
  }
  return null;
}
