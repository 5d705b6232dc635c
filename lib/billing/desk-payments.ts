import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { appointmentAttendees, appointments, clients, fees, packagePurchases, packages, payments, services, stripeCustomers, type Payment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { formatDateTime, type Reader } from "@/lib/dates";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { formatMoney, parseMoney } from "@/lib/money";
import { deskPaymentSchema, parseTarget, type DeskMethod } from "./desk-schema";
import { submitFeeCharge } from "./fees";
import { FEE_LABELS } from "./payment-label";
import { kickNotifications, queueNotification } from "./notifications";
import { practiceStripe } from "./practice-billing";
import { activatePurchase } from "./sync-payments";

/**
 * The front desk takes money (issue 11, problem 4; decision 0038): cash, a
 * cheque, a card terminal or the client's card on file, for a visit, an open
 * balance (a fee) or a package sold at the desk. Every path writes a row in
 * `payments`, so the dashboard, refunds, receipts, the superbill and the
 * statement read desk money exactly as they read online money.
 */

export type DeskResult =
  | { ok: true; outcome: "recorded" | "charged" | "pending" | "declined"; message: string; paymentId: string }
  | { ok: false; errors: FieldErrors; message?: string };

/** Sessions that count as owed: attended, or booked and not called off. Pending payment is the booking flow's. */
const OWED_STATUSES = ["confirmed", "completed"] as const;

export interface DeskTarget {
  value: string;
  label: string;
  dueCents: number;
  currency: string;
}

export interface DeskCard {
  brand: string | null;
  last4: string | null;
  /** The client's consent covers sessions and packages, not only policy fees (decision 0038). */
  coversVisits: boolean;
}

/** What the desk form offers for one client of the practice: sessions with money due, open balances, packages, the card. */
/** `who`: the practice's zone, or its Reader (zone and locale) for the labels. */
export async function deskOptions(practiceId: string, clientId: string, who: string | Reader): Promise<{ targets: DeskTarget[]; packages: DeskTarget[]; card: DeskCard | null } | null> {
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, clientId), eq(clients.practiceId, practiceId)));
  if (!client) return null;
  const visits = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt, currency: appointments.currency, service: services.name })
    .from(appointmentAttendees)
    .innerJoin(appointments, eq(appointments.id, appointmentAttendees.appointmentId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .where(and(eq(appointmentAttendees.clientId, clientId), eq(appointments.practiceId, practiceId), inArray(appointments.status, [...OWED_STATUSES])))
    .orderBy(desc(appointments.startsAt))
    .limit(30);
  // One query for the thirty, not three each (the record page draws this form on every view).
  const dues = await visitDues(db, visits.map((v) => v.id));
  const targets: DeskTarget[] = visits
    .map((v) => ({ value: `visit:${v.id}`, label: `${v.service}, ${formatDateTime(v.startsAt, who)}`, dueCents: dues.get(v.id) ?? 0, currency: v.currency }))
    .filter((t) => t.dueCents > 0);
  const open = await db.select().from(fees).where(and(eq(fees.practiceId, practiceId), eq(fees.clientId, clientId), eq(fees.status, "open"))).orderBy(asc(fees.createdAt));
  for (const f of open) targets.push({ value: `fee:${f.id}`, label: `Balance: ${FEE_LABELS[f.kind]}, ${formatDateTime(f.createdAt, who)}`, dueCents: f.amountCents, currency: f.currency });
  const offered = await db.select().from(packages).where(and(eq(packages.practiceId, practiceId), isNull(packages.archivedAt))).orderBy(asc(packages.name));
  const [card] = await db
    .select({ brand: stripeCustomers.cardBrand, last4: stripeCustomers.cardLast4, pm: stripeCustomers.paymentMethodId, coversVisits: stripeCustomers.consentCoversVisits })
    .from(stripeCustomers)
    .where(and(eq(stripeCustomers.clientId, clientId), eq(stripeCustomers.practiceId, practiceId)));
  return {
    targets,
    packages: offered.map((p) => ({ value: `package:${p.id}`, label: `${p.name} (${p.sessionCount} sessions)`, dueCents: p.priceCents, currency: p.currency })),
    card: card?.pm ? { brand: card.brand, last4: card.last4, coversVisits: card.coversVisits } : null,
  };
}

/**
 * What is still owed for a session: its price less what was paid for it
 * (by anyone, less refunds; a pending charge counts, so two desks cannot
 * charge it twice). A session paid with a package credit owes nothing.
 */
async function visitDue(tx: Tx | typeof db, appointmentId: string): Promise<number> {
  return (await visitDues(tx, [appointmentId])).get(appointmentId) ?? 0;
}

/** `visitDue` for several sessions in one query (an unknown id is absent: nothing due). */
async function visitDues(tx: Tx | typeof db, appointmentIds: string[]): Promise<Map<string, number>> {
  if (appointmentIds.length === 0) return new Map();
  const rows = await tx
    .select({
      id: appointments.id,
      price: appointments.priceCents,
      // Plain names with aliases: in a one-table select drizzle writes columns unqualified, which inside
      // these subqueries would name the inner table's own columns.
      credited: sql<boolean>`exists (select 1 from credit_uses cu where cu.appointment_id = appointments.id and cu.returned_at is null)`,
      paid: sql<number>`(select coalesce(sum(p.amount_cents - p.refunded_cents), 0)::int from payments p
        where p.appointment_id = appointments.id and p.kind in ('session', 'deposit') and p.status in ('succeeded', 'pending'))`,
    })
    .from(appointments)
    .where(inArray(appointments.id, appointmentIds));
  return new Map(rows.map((r) => [r.id, r.credited ? 0 : Math.max(0, r.price - Number(r.paid))]));
}

type Prepared =
  | { error: { ok: false; errors: FieldErrors; message?: string } }
  | { existing: Payment }
  | { payment: Payment; card: { customer: string; paymentMethod: string } | null };

/**
 * Takes one desk payment for a client of the practice. Offline money is
 * recorded as paid at once; the card on file is charged off-session after
 * the transaction commits, under a key derived from the payment row. The
 * form's request key makes a resubmission return the first payment's
 * outcome instead of taking the money again.
 */
export async function takeDeskPayment(input: { practiceId: string; clientId: string; actorUserId: string; timeZone: string; values: unknown }, now: Date): Promise<DeskResult> {
  const parsed = deskPaymentSchema.safeParse(input.values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const v = parsed.data;
  const amountCents = (parseMoney(v.amount) as { cents: number }).cents;
  const target = parseTarget(v.target);
  const method = v.method as DeskMethod;
  const account = method === "card_on_file" ? await practiceStripe(input.practiceId) : null;
  if (account && !account.canTakePayments) return fieldError("method", "This practice cannot take card payments yet: connect Stripe in billing settings");

  const prepared: Prepared = await db.transaction(async (tx) => {
    // Two submissions of one form at once queue here; the second then finds the first's payment.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${v.requestKey}))`);
    const [again] = await tx.select().from(payments).where(eq(payments.requestKey, v.requestKey));
    if (again) return again.practiceId === input.practiceId && again.clientId === input.clientId ? { existing: again } : { error: fieldError("form", "Reload the page and try again") };
    const [client] = await tx.select({ id: clients.id }).from(clients).where(and(eq(clients.id, input.clientId), eq(clients.practiceId, input.practiceId))).for("update");
    if (!client) return { error: fieldError("target", "That client was not found") };

    let card: { customer: string; paymentMethod: string } | null = null;
    if (method === "card_on_file") {
      const [saved] = await tx.select().from(stripeCustomers).where(and(eq(stripeCustomers.clientId, input.clientId), eq(stripeCustomers.practiceId, input.practiceId)));
      if (!saved?.paymentMethodId) return { error: fieldError("method", "This client has no card on file") };
      if (target.kind !== "fee" && !saved.consentCoversVisits) return { error: fieldError("method", "The card on file was kept for policy fees only; take this payment another way") };
      card = { customer: saved.stripeCustomerId, paymentMethod: saved.paymentMethodId };
    }

    const subject = await lockSubject(tx, input, target, amountCents, now);
    if ("error" in subject) return subject;
    const offline = method !== "card_on_file";
    const [payment] = await tx
      .insert(payments)
      .values({
        practiceId: input.practiceId,
        kind: subject.kind,
        status: offline ? "succeeded" : "pending",
        paidAt: offline ? now : null,
        amountCents,
        currency: subject.currency,
        clientId: input.clientId,
        appointmentId: subject.appointmentId,
        feeId: subject.feeId,
        purchaseId: subject.purchaseId,
        description: subject.description,
        method: offline ? method : "stripe",
        reference: v.reference || null,
        requestKey: v.requestKey,
        stripeAccountId: account?.stripeAccountId ?? null,
        createdByUserId: input.actorUserId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const p = payment!;
    await recordAudit(
      {
        practiceId: p.practiceId,
        actor: { kind: "member", userId: input.actorUserId },
        action: offline ? "payment.recorded_at_desk" : "payment.card_on_file",
        subjectType: "payment",
        subjectId: p.id,
        detail: { amountCents, method, kind: p.kind },
      },
      tx,
    );
    if (offline) {
      // What a Stripe success does (sync-payments markSucceeded), for money already in hand.
      if (p.feeId) await tx.update(fees).set({ status: "paid", updatedAt: now }).where(and(eq(fees.id, p.feeId), eq(fees.status, "open")));
      if (p.purchaseId) await activatePurchase(tx, p.purchaseId, now);
      await queueNotification(tx, p.practiceId, `receipt:${p.id}`, { kind: "receipt", clientId: p.clientId, amountCents: p.amountCents, currency: p.currency, description: p.description, paymentId: p.id });
    }
    return { payment: p, card };
  });
  kickNotifications();

  if ("error" in prepared) return prepared.error;
  if ("existing" in prepared) return outcomeOf(prepared.existing);
  const { payment, card } = prepared;
  if (!card) return { ok: true, outcome: "recorded", message: `${formatMoney(payment.amountCents, payment.currency)} recorded.`, paymentId: payment.id };
  const charged = await submitFeeCharge(payment.id, card.customer, card.paymentMethod, now);
  if (!charged.ok) return { ok: false, errors: { method: [charged.message] }, message: charged.message };
  return { ok: true, outcome: charged.outcome === "charged" ? "charged" : charged.outcome === "declined" ? "declined" : "pending", message: charged.message, paymentId: payment.id };
}

type Subject = { kind: Payment["kind"]; currency: string; appointmentId: string | null; feeId: string | null; purchaseId: string | null; description: string };

async function lockSubject(
  tx: Tx,
  input: { practiceId: string; clientId: string; timeZone: string },
  target: { kind: "visit" | "fee" | "package"; id: string },
  amountCents: number,
  now: Date,
): Promise<Subject | { error: { ok: false; errors: FieldErrors } }> {
  if (target.kind === "visit") {
    const [appt] = await tx
      .select({ id: appointments.id, status: appointments.status, currency: appointments.currency, startsAt: appointments.startsAt, service: services.name })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(appointmentAttendees, and(eq(appointmentAttendees.appointmentId, appointments.id), eq(appointmentAttendees.clientId, input.clientId)))
      .where(and(eq(appointments.id, target.id), eq(appointments.practiceId, input.practiceId)))
      .for("update", { of: appointments });
    if (!appt) return { error: fieldError("target", "That session was not found for this client") };
    if (!(OWED_STATUSES as readonly string[]).includes(appt.status)) return { error: fieldError("target", "Only a booked or attended session can be paid at the desk") };
    const due = await visitDue(tx, appt.id);
    if (due <= 0) return { error: fieldError("target", "This session is already paid") };
    if (amountCents > due) return { error: fieldError("amount", `At most ${formatMoney(due, appt.currency)} is due for this session`) };
    return { kind: "session", currency: appt.currency, appointmentId: appt.id, feeId: null, purchaseId: null, description: `${appt.service}, ${formatDateTime(appt.startsAt, input.timeZone)}` };
  }
  if (target.kind === "fee") {
    const [fee] = await tx.select().from(fees).where(and(eq(fees.id, target.id), eq(fees.practiceId, input.practiceId), eq(fees.clientId, input.clientId))).for("update");
    if (!fee) return { error: fieldError("target", "That balance was not found for this client") };
    if (fee.status !== "open") return { error: fieldError("target", fee.status === "paid" ? "This balance is already paid" : "This fee was waived") };
    const [inFlight] = await tx.select({ id: payments.id }).from(payments).where(and(eq(payments.feeId, fee.id), eq(payments.status, "pending")));
    if (inFlight) return { error: fieldError("target", "A payment for this balance is already in progress") };
    if (amountCents !== fee.amountCents) return { error: fieldError("amount", `This balance is ${formatMoney(fee.amountCents, fee.currency)}; take it in full`) };
    return { kind: "fee", currency: fee.currency, appointmentId: null, feeId: fee.id, purchaseId: null, description: FEE_LABELS[fee.kind] };
  }
  const [pkg] = await tx.select().from(packages).where(and(eq(packages.id, target.id), eq(packages.practiceId, input.practiceId), isNull(packages.archivedAt)));
  if (!pkg) return { error: fieldError("target", "That package is not offered") };
  if (amountCents !== pkg.priceCents) return { error: fieldError("amount", `${pkg.name} is sold at ${formatMoney(pkg.priceCents, pkg.currency)}`) };
  const [purchase] = await tx.insert(packagePurchases).values({ practiceId: input.practiceId, packageId: pkg.id, clientId: input.clientId, credits: pkg.sessionCount, createdAt: now }).returning({ id: packagePurchases.id });
  return { kind: "package", currency: pkg.currency, appointmentId: null, feeId: null, purchaseId: purchase!.id, description: pkg.name };
}

/** A resubmitted form: the first payment's outcome, nothing taken again. */
function outcomeOf(p: Payment): DeskResult {
  const amount = formatMoney(p.amountCents, p.currency);
  if (p.status === "succeeded") return { ok: true, outcome: p.method === "stripe" ? "charged" : "recorded", message: `${amount} was already ${p.method === "stripe" ? "charged" : "recorded"}; nothing was taken twice.`, paymentId: p.id };
  if (p.status === "pending") return { ok: true, outcome: "pending", message: "This charge is already processing; it will not be charged twice.", paymentId: p.id };
  return { ok: false, errors: { method: [p.failureMessage ?? "This charge did not go through"] } };
}
