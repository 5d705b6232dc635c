import { and, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { couples, creditUses, fees, packagePurchases, packages, payments, refunds, stripeCustomers } from "@/db/schema";
import type { Client } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { FEE_LABELS } from "./fees";
import { openCheckout } from "./open-checkout";
import { practiceStripe } from "./practice-billing";
import { stripeErrorMessage } from "./stripe-client";

/** The client's couple, if any (credits bought by either partner for the couple are shared). */
async function coupleOf(client: Client): Promise<string | null> {
  const [row] = await db.select({ id: couples.id }).from(couples).where(or(eq(couples.clientAId, client.id), eq(couples.clientBId, client.id)));
  return row?.id ?? null;
}

/** Everything the portal's billing page shows: the client's own payments and refunds, balances, credits, card. */
export async function clientBilling(client: Client, now: Date) {
  const coupleId = await coupleOf(client);
  const own = await db.select().from(payments).where(and(eq(payments.practiceId, client.practiceId), eq(payments.clientId, client.id))).orderBy(desc(payments.createdAt));
  const refundRows = own.length ? await db.select().from(refunds).where(inArray(refunds.paymentId, own.map((p) => p.id))).orderBy(desc(refunds.createdAt)) : [];
  const balances = await db.select().from(fees).where(and(eq(fees.clientId, client.id), eq(fees.status, "open")));
  const owners = [eq(packagePurchases.clientId, client.id)];
  if (coupleId) owners.push(eq(packagePurchases.coupleId, coupleId));
  const purchases = await db
    .select({
      id: packagePurchases.id,
      name: packages.name,
      credits: packagePurchases.credits,
      expiresAt: packagePurchases.expiresAt,
      used: sql<number>`(select count(*)::int from ${creditUses} where ${creditUses.purchaseId} = ${packagePurchases.id} and ${creditUses.returnedAt} is null)`,
      shared: sql<boolean>`${packagePurchases.coupleId} is not null`,
    })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(and(eq(packagePurchases.practiceId, client.practiceId), isNotNull(packagePurchases.activatedAt), gt(packagePurchases.expiresAt, now), or(...owners)));
  const offered = await db.select().from(packages).where(and(eq(packages.practiceId, client.practiceId), isNull(packages.archivedAt))).orderBy(packages.name);
  const [card] = await db.select({ brand: stripeCustomers.cardBrand, last4: stripeCustomers.cardLast4 }).from(stripeCustomers).where(and(eq(stripeCustomers.clientId, client.id), isNotNull(stripeCustomers.paymentMethodId)));
  return { payments: own, refunds: refundRows, balances, purchases, offered, card: card ?? null, inCouple: coupleId !== null };
}

/** What the client owes now (their open fees), one total per currency: one query, for the portal home. */
export async function balanceDue(client: Pick<Client, "id" | "practiceId">): Promise<{ currency: string; amountCents: number; count: number }[]> {
  return db
    .select({ currency: fees.currency, amountCents: sql<number>`sum(${fees.amountCents})::int`, count: sql<number>`count(*)::int` })
    .from(fees)
    .where(and(eq(fees.practiceId, client.practiceId), eq(fees.clientId, client.id), eq(fees.status, "open")))
    .groupBy(fees.currency)
    .orderBy(fees.currency);
}

const CHECKOUT_MINUTES = 30;

/** The client pays an outstanding fee through Checkout. Returns the page to send them to. */
export async function payBalance(client: Client, feeId: string, now: Date): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  const account = await practiceStripe(client.practiceId);
  const payment = await db.transaction(async (tx) => {
    const [fee] = await tx.select().from(fees).where(and(eq(fees.id, feeId), eq(fees.clientId, client.id), eq(fees.status, "open"))).for("update");
    if (!fee) return null;
    // A checkout still open for this fee is reused rather than doubled.
    const [open] = await tx.select().from(payments).where(and(eq(payments.feeId, fee.id), eq(payments.status, "pending"), isNotNull(payments.checkoutUrl), gt(payments.checkoutExpiresAt, now)));
    if (open) return open;
    const [row] = await tx
      .insert(payments)
      .values({ practiceId: fee.practiceId, kind: "fee", amountCents: fee.amountCents, currency: fee.currency, clientId: client.id, feeId: fee.id, description: FEE_LABELS[fee.kind], stripeAccountId: account.stripeAccountId, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit({ practiceId: fee.practiceId, actor: { kind: "client", userId: client.userId ?? "" }, action: "fee.pay_started", subjectType: "fee", subjectId: fee.id }, tx);
    return row!;
  });
  if (!payment) return { ok: false, message: "There is nothing to pay for that." };
  if (payment.checkoutUrl) return { ok: true, url: payment.checkoutUrl };
  return open(payment, client, now);
}

/**
 * The client buys a package (for themselves, or for the couple) through
 * Checkout; the credits arrive when it is paid. `keepCard`: the client
 * ticked the consent (cardConsentText) to keep the card for later charges,
 * so the checkout saves it (setup_future_usage) as a booking's does.
 */
export async function buyPackage(
  client: Client,
  packageId: string,
  forCouple: boolean,
  now: Date,
  options: { keepCard?: boolean; practiceName?: string } = {},
): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  const account = await practiceStripe(client.practiceId);
  if (!account.canTakePayments) return { ok: false, message: "This practice does not take payments online yet." };
  const coupleId = forCouple ? await coupleOf(client) : null;
  const payment = await db.transaction(async (tx) => {
    const [pkg] = await tx.select().from(packages).where(and(eq(packages.id, packageId), eq(packages.practiceId, client.practiceId), isNull(packages.archivedAt)));
    if (!pkg) return null;
    const [purchase] = await tx.insert(packagePurchases).values({ practiceId: client.practiceId, packageId: pkg.id, clientId: client.id, coupleId, credits: pkg.sessionCount, createdAt: now }).returning();
    const [row] = await tx
      .insert(payments)
      .values({ practiceId: client.practiceId, kind: "package", amountCents: pkg.priceCents, currency: pkg.currency, clientId: client.id, coupleId, purchaseId: purchase!.id, description: pkg.name, stripeAccountId: account.stripeAccountId, saveCard: options.keepCard ?? false, createdAt: now, updatedAt: now })
      .returning();
    await recordAudit({ practiceId: client.practiceId, actor: { kind: "client", userId: client.userId ?? "" }, action: "package.buy_started", subjectType: "package", subjectId: pkg.id, detail: { purchaseId: purchase!.id } }, tx);
    return row!;
  });
  if (!payment) return { ok: false, message: "That package is not offered." };
  return open(payment, client, now, options.practiceName ?? "");
}

async function open(payment: typeof payments.$inferSelect, client: Client, now: Date, practiceName = ""): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  try {
    const { url } = await openCheckout(payment, {
      practiceName,
      expiresAt: new Date(now.getTime() + CHECKOUT_MINUTES * 60_000),
      successPath: "/pay/return",
      cancelPath: `/portal/${client.id}/billing`,
    });
    return { ok: true, url };
  } catch (error) {
    await db.update(payments).set({ status: "cancelled", failureMessage: "Checkout could not be opened", updatedAt: now }).where(and(eq(payments.id, payment.id), eq(payments.status, "pending"), isNull(payments.stripeCheckoutSessionId)));
    return { ok: false, message: stripeErrorMessage(error) };
  }
}
