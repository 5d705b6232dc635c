import { and, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db } from "@/db/client";
import { appointments, clients, fees, members, packagePurchases, packages, payments, refunds, services, stripeCustomers } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { practiceReader } from "@/lib/dates";
import type { PaymentRow } from "./payments-csv";
import { paymentLabels } from "./payment-label";

export type { PaymentRow } from "./payments-csv";

/** The dashboard's filters, from the URL (every one optional). */
export const paymentFiltersSchema = z.object({
  from: z.iso.date({ message: "Use a date like 2026-03-01" }).optional().catch(undefined),
  to: z.iso.date({ message: "Use a date like 2026-03-31" }).optional().catch(undefined),
  clinician: z.uuid().optional().catch(undefined),
  service: z.uuid().optional().catch(undefined),
  status: z.enum(["pending", "succeeded", "failed", "expired", "cancelled", "refunded"]).optional().catch(undefined),
});
export type PaymentFilters = z.infer<typeof paymentFiltersSchema>;


const feeAppointments = alias(appointments, "fee_appointments");

/** Payments of the signed-in practice, newest first, as the filters narrow them (dates in the practice's zone). */
export async function listPayments(scope: PracticeScope, filters: PaymentFilters, limit = 500): Promise<PaymentRow[]> {
  const zone = scope.practice.timeZone;
  const where: SQL[] = [eq(payments.practiceId, scope.practice.id)];
  if (filters.from) where.push(gte(payments.createdAt, sql`(${filters.from}::date)::timestamp at time zone ${zone}`));
  if (filters.to) where.push(lt(payments.createdAt, sql`((${filters.to}::date + 1)::timestamp) at time zone ${zone}`));
  const apptMember = sql`coalesce(${appointments.memberId}, ${feeAppointments.memberId})`;
  const apptService = sql`coalesce(${appointments.serviceId}, ${feeAppointments.serviceId})`;
  if (filters.clinician) where.push(sql`${apptMember} = ${filters.clinician}::uuid`);
  if (filters.service) where.push(sql`${apptService} = ${filters.service}::uuid`);
  if (filters.status === "refunded") where.push(sql`${payments.refundedCents} > 0`);
  else if (filters.status) where.push(eq(payments.status, filters.status));
  const rows = await db
    .select({
      p: payments,
      clientFirst: clients.firstName,
      clientLast: clients.lastName,
      clinicianName: sql<string | null>`(select ${members.displayName} from ${members} where ${members.id} = ${apptMember})`,
      serviceName: sql<string | null>`(select ${services.name} from ${services} where ${services.id} = ${apptService})`,
    })
    .from(payments)
    .innerJoin(clients, eq(clients.id, payments.clientId))
    .leftJoin(appointments, eq(appointments.id, payments.appointmentId))
    .leftJoin(fees, eq(fees.id, payments.feeId))
    .leftJoin(feeAppointments, eq(feeAppointments.id, fees.appointmentId))
    .where(and(...where))
    .orderBy(desc(payments.createdAt))
    .limit(limit);
  // What each was for, from its appointment as it is now (the dashboard and the CSV), in the practice's zone.
  const labels = await paymentLabels(scope.practice.id, practiceReader(scope.practice), rows.map((r) => r.p));
  return rows.map((r) => ({
    id: r.p.id,
    createdAt: r.p.createdAt,
    paidAt: r.p.paidAt,
    kind: r.p.kind,
    status: r.p.status,
    amountCents: r.p.amountCents,
    refundedCents: r.p.refundedCents,
    currency: r.p.currency,
    description: labels.get(r.p.id) ?? r.p.description,
    clientId: r.p.clientId,
    clientName: `${r.clientFirst} ${r.clientLast}`,
    clinicianName: r.clinicianName,
    serviceName: r.serviceName,
  }));
}

/** Net revenue (paid minus refunded) per month in the practice's zone, per currency. */
export async function revenueByMonth(scope: PracticeScope, months = 12): Promise<{ month: string; currency: string; paidCents: number; refundedCents: number; netCents: number }[]> {
  const zone = scope.practice.timeZone;
  const rows = await db.execute<{ month: string; currency: string; paid: number; refunded: number }>(sql`
    with paid as (
      select to_char(date_trunc('month', ${payments.paidAt} at time zone ${zone}), 'YYYY-MM') as month, ${payments.currency} as currency, sum(${payments.amountCents})::int as paid
      from ${payments} where ${payments.practiceId} = ${scope.practice.id} and ${payments.status} = 'succeeded'
        and ${payments.paidAt} >= now() - make_interval(months => ${months})
      group by 1, 2
    ), back as (
      select to_char(date_trunc('month', ${refunds.createdAt} at time zone ${zone}), 'YYYY-MM') as month, ${refunds.currency} as currency, sum(${refunds.amountCents})::int as refunded
      from ${refunds} where ${refunds.practiceId} = ${scope.practice.id} and ${refunds.status} = 'succeeded'
        and ${refunds.createdAt} >= now() - make_interval(months => ${months})
      group by 1, 2
    )
    select coalesce(paid.month, back.month) as month, coalesce(paid.currency, back.currency) as currency,
           coalesce(paid.paid, 0) as paid, coalesce(back.refunded, 0) as refunded
    from paid full join back on paid.month = back.month and paid.currency = back.currency
    order by 1, 2`);
  return rows.map((r) => ({ month: r.month, currency: r.currency, paidCents: Number(r.paid), refundedCents: Number(r.refunded), netCents: Number(r.paid) - Number(r.refunded) }));
}

/** Open fees: what clients owe. */
export async function outstandingBalances(practiceId: string, clientId?: string) {
  return db
    .select({ id: fees.id, kind: fees.kind, amountCents: fees.amountCents, currency: fees.currency, createdAt: fees.createdAt, clientId: fees.clientId, firstName: clients.firstName, lastName: clients.lastName, appointmentId: fees.appointmentId })
    .from(fees)
    .innerJoin(clients, eq(clients.id, fees.clientId))
    .where(and(eq(fees.practiceId, practiceId), eq(fees.status, "open"), clientId ? eq(fees.clientId, clientId) : undefined))
    .orderBy(desc(fees.createdAt));
}

export async function recentRefunds(practiceId: string, limit = 50) {
  return db
    .select({ r: refunds, firstName: clients.firstName, lastName: clients.lastName, description: payments.description })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .innerJoin(clients, eq(clients.id, payments.clientId))
    .where(eq(refunds.practiceId, practiceId))
    .orderBy(desc(refunds.createdAt))
    .limit(limit);
}

export async function packageSales(practiceId: string) {
  return db
    .select({ name: packages.name, currency: packages.currency, sold: sql<number>`count(${packagePurchases.id})::int`, revenueCents: sql<number>`coalesce(sum(${packages.priceCents}), 0)::int` })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(and(eq(packagePurchases.practiceId, practiceId), isNotNull(packagePurchases.activatedAt)))
    .groupBy(packages.name, packages.currency)
    .orderBy(packages.name);
}

/** One payment of the practice, with its refunds and the client's card on file. */
export async function loadPayment(practiceId: string, paymentId: string) {
  const [row] = await db
    .select({ p: payments, firstName: clients.firstName, lastName: clients.lastName, email: clients.email })
    .from(payments)
    .innerJoin(clients, eq(clients.id, payments.clientId))
    .where(and(eq(payments.id, paymentId), eq(payments.practiceId, practiceId)));
  if (!row) return null;
  const list = await db.select().from(refunds).where(eq(refunds.paymentId, paymentId)).orderBy(refunds.createdAt);
  return { ...row, refunds: list };
}

/** Payments and fees of one appointment, for its page. */
export async function appointmentBilling(practiceId: string, appointmentId: string) {
  const feeRows = await db.select().from(fees).where(and(eq(fees.practiceId, practiceId), eq(fees.appointmentId, appointmentId)));
  const feeIds = feeRows.map((f) => f.id);
  const paymentRows = await db
    .select()
    .from(payments)
    .where(and(eq(payments.practiceId, practiceId), feeIds.length ? sql`(${payments.appointmentId} = ${appointmentId} or ${inArray(payments.feeId, feeIds)})` : eq(payments.appointmentId, appointmentId)))
    .orderBy(payments.createdAt);
  return { fees: feeRows, payments: paymentRows };
}

export async function cardOnFile(clientIds: string[]) {
  if (clientIds.length === 0) return [];
  return db
    .select({ clientId: stripeCustomers.clientId, brand: stripeCustomers.cardBrand, last4: stripeCustomers.cardLast4, consentAt: stripeCustomers.consentAt })
    .from(stripeCustomers)
    .where(and(inArray(stripeCustomers.clientId, clientIds), isNotNull(stripeCustomers.paymentMethodId)));
}

