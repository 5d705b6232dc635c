import { and, eq, gt, isNotNull, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { couples, creditUses, packagePurchases, packages } from "@/db/schema";

export interface OfferedCredit {
  name: string;
  remaining: number;
  serviceIds: string[];
  /** Bought for the couple: either partner may use it. */
  shared: boolean;
}

/**
 * The session credits a signed-in client may spend when booking: their own
 * packages and their couple's, still valid, with credits left. Offered on
 * the booking page only in a portal session (decision 0012).
 */
export async function creditsToOffer(input: { practiceId: string; clientId: string; now: Date }): Promise<OfferedCredit[]> {
  const [couple] = await db.select({ id: couples.id }).from(couples).where(or(eq(couples.clientAId, input.clientId), eq(couples.clientBId, input.clientId)));
  const owners = [eq(packagePurchases.clientId, input.clientId)];
  if (couple) owners.push(eq(packagePurchases.coupleId, couple.id));
  const rows = await db
    .select({
      name: packages.name,
      credits: packagePurchases.credits,
      serviceIds: packages.serviceIds,
      used: sql<number>`(select count(*)::int from ${creditUses} where ${creditUses.purchaseId} = ${packagePurchases.id} and ${creditUses.returnedAt} is null)`,
      shared: sql<boolean>`${packagePurchases.coupleId} is not null`,
    })
    .from(packagePurchases)
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(and(eq(packagePurchases.practiceId, input.practiceId), isNotNull(packagePurchases.activatedAt), gt(packagePurchases.expiresAt, input.now), or(...owners)))
    .orderBy(packagePurchases.expiresAt);
  return rows.filter((r) => r.credits - r.used > 0).map((r) => ({ name: r.name, remaining: r.credits - r.used, serviceIds: r.serviceIds, shared: r.shared }));
}
