import { and, asc, eq, gt, isNotNull, isNull, or, sql } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { couples, creditUses, packagePurchases, packages } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Package credits spent on group-event seats (decision 0060): one credit a
 * seat, from the holder's own purchases of the event's package or their
 * couple's, soonest to expire first. Credits are rows in `credit_uses` with
 * the registration and the seat, so the counts that pages and the booking
 * page show (used = live rows of a purchase) already include them, and the
 * unique index on (registration, seat) among live rows means a seat is never
 * paid twice.
 */

export interface CreditOwner {
  clientId: string;
  coupleId: string | null;
}

/** The couple a client belongs to, if any: its packages are theirs to use too. */
export async function coupleIdOf(clientId: string, tx: Tx | typeof db = db): Promise<string | null> {
  const [row] = await tx.select({ id: couples.id }).from(couples).where(or(eq(couples.clientAId, clientId), eq(couples.clientBId, clientId)));
  return row?.id ?? null;
}

function ownedBy(owner: CreditOwner) {
  const owners = [eq(packagePurchases.clientId, owner.clientId)];
  if (owner.coupleId) owners.push(eq(packagePurchases.coupleId, owner.coupleId));
  return or(...owners);
}

/** The owner's purchases of the package that are paid and not expired: the ones whose credits can be spent now. */
function usable(input: { practiceId: string; packageId: string; owner: CreditOwner; now: Date }) {
  return and(
    eq(packagePurchases.practiceId, input.practiceId),
    eq(packagePurchases.packageId, input.packageId),
    isNotNull(packagePurchases.activatedAt),
    gt(packagePurchases.expiresAt, input.now),
    ownedBy(input.owner),
  );
}

/** Credits of `packageId` a client (with their couple's) has left now, for the event page's offer. */
export async function eventCreditsLeft(input: { practiceId: string; packageId: string; clientId: string; now: Date }): Promise<number> {
  const owner = { clientId: input.clientId, coupleId: await coupleIdOf(input.clientId) };
  const rows = await db
    .select({
      credits: packagePurchases.credits,
      used: sql<number>`(select count(*)::int from ${creditUses} where ${creditUses.purchaseId} = ${packagePurchases.id} and ${creditUses.returnedAt} is null)`,
    })
    .from(packagePurchases)
    // The join makes drizzle qualify the columns: alone, "id" in the subquery would be credit_uses.id.
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(usable({ ...input, owner }));
  return rows.reduce((n, r) => n + Math.max(0, r.credits - r.used), 0);
}

/**
 * Spends one credit for each seat of a registration, inside the sign-up's
 * transaction. The purchases are locked, so two sign-ups by one couple at
 * once cannot both spend the last credit. Returns false, having written
 * nothing, when the owner has fewer credits than seats.
 */
export async function takeEventCredits(
  tx: Tx,
  input: { practiceId: string; registrationId: string; eventId: string; packageId: string; seats: number; owner: CreditOwner; now: Date },
): Promise<boolean> {
  const candidates = await tx
    .select({ id: packagePurchases.id, credits: packagePurchases.credits })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(usable(input))
    .orderBy(asc(packagePurchases.expiresAt), asc(packagePurchases.id))
    .for("update", { of: packagePurchases });
  const plan: string[] = [];
  for (const c of candidates) {
    const [{ used } = { used: 0 }] = await tx
      .select({ used: sql<number>`count(*)::int` })
      .from(creditUses)
      .where(and(eq(creditUses.purchaseId, c.id), isNull(creditUses.returnedAt)));
    for (let left = c.credits - used; left > 0 && plan.length < input.seats; left--) plan.push(c.id);
    if (plan.length === input.seats) break;
  }
  if (plan.length < input.seats) return false;
  await tx.insert(creditUses).values(plan.map((purchaseId, i) => ({ practiceId: input.practiceId, purchaseId, eventRegistrationId: input.registrationId, seat: i + 1, createdAt: input.now })));
  await recordAudit(
    { practiceId: input.practiceId, actor: { kind: "system" }, action: "package.credit_used", subjectType: "group_event", subjectId: input.eventId, detail: { registrationId: input.registrationId, purchaseIds: plan } },
    tx,
  );
  return true;
}

/** Gives a registration's live credits back (cancelled in time, or the event cancelled); returns how many. Twice returns none. */
export async function returnEventCredits(tx: Tx, registrationId: string, now: Date): Promise<number> {
  const returned = await tx
    .update(creditUses)
    .set({ returnedAt: now })
    .where(and(eq(creditUses.eventRegistrationId, registrationId), isNull(creditUses.returnedAt)))
    .returning({ id: creditUses.id });
  return returned.length;
}

/** How many live credits pay for a registration's seats (0: it was paid or free). */
export async function eventCreditsHeld(tx: Tx | typeof db, registrationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(creditUses)
    .where(and(eq(creditUses.eventRegistrationId, registrationId), isNull(creditUses.returnedAt)));
  return row?.n ?? 0;
}
