import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { productGrants, productOrders, products } from "@/db/schema";
import { storage, type ObjectStore } from "@/lib/storage";
import { readDerivedToken, TOKEN_PURPOSES } from "@/lib/tokens";

export type DownloadRefusal = "invalid" | "expired" | "used_up" | "revoked" | "missing";

export type LinkState =
  | { ok: true; grantId: string; title: string; usesLeft: number; expiresAt: Date }
  | { ok: false; reason: DownloadRefusal };

export type DownloadResult = { ok: true; filename: string; bytes: Buffer; usesLeft: number } | { ok: false; reason: DownloadRefusal };

/** What each refusal says to the person holding the link. */
export const REFUSAL_MESSAGES: Record<DownloadRefusal, { title: string; body: string }> = {
  invalid: { title: "This download link is not valid", body: "Check that you opened the whole link from your email." },
  expired: { title: "This download link has expired", body: "Links work for a limited time. Write to the practice and they can send you a new one." },
  used_up: { title: "This download link has been used up", body: "Each link allows a limited number of downloads. Write to the practice and they can send you a new one." },
  revoked: { title: "This download link no longer works", body: "The purchase was refunded or the practice withdrew the link." },
  missing: { title: "The file is not available right now", body: "Nothing was counted. Please try again later, or write to the practice." },
};

async function grantRow(grantId: string) {
  const [row] = await db
    .select({ grant: productGrants, title: products.title, orderStatus: productOrders.status })
    .from(productGrants)
    .innerJoin(productOrders, eq(productOrders.id, productGrants.orderId))
    .innerJoin(products, eq(products.id, productOrders.productId))
    .where(eq(productGrants.id, grantId));
  return row ?? null;
}

function refusalOf(row: NonNullable<Awaited<ReturnType<typeof grantRow>>>, now: Date): DownloadRefusal | null {
  if (row.grant.revokedAt || row.orderStatus === "refunded" || row.orderStatus === "pending" || row.orderStatus === "abandoned") return "revoked";
  if (row.grant.expiresAt.getTime() <= now.getTime()) return "expired";
  if (row.grant.usesLeft <= 0) return "used_up";
  return null;
}

/** What the link's page shows before anything is counted (a mail scanner opening the page uses nothing). */
export async function linkState(token: string, now: Date): Promise<LinkState> {
  const grantId = readDerivedToken(TOKEN_PURPOSES.productDownload, token);
  if (!grantId) return { ok: false, reason: "invalid" };
  const row = await grantRow(grantId);
  if (!row) return { ok: false, reason: "invalid" };
  const refusal = refusalOf(row, now);
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, grantId, title: row.title, usesLeft: row.grant.usesLeft, expiresAt: row.grant.expiresAt };
}

/**
 * One download through the emailed link: one use is taken in a single
 * UPDATE whose WHERE holds every rule (not revoked, not expired, a use
 * left, the order paid or gifted), so two clicks at once can never take
 * more uses than there are. The file is then read through lib/storage (disk
 * or S3, whichever is configured); if its bytes are missing the use is given
 * back.
 */
export async function downloadByToken(token: string, now: Date, store: ObjectStore = storage): Promise<DownloadResult> {
  const grantId = readDerivedToken(TOKEN_PURPOSES.productDownload, token);
  if (!grantId) return { ok: false, reason: "invalid" };
  const [taken] = await db
    .update(productGrants)
    .set({ usesLeft: sql`${productGrants.usesLeft} - 1` })
    .where(
      and(
        eq(productGrants.id, grantId),
        isNull(productGrants.revokedAt),
        gt(productGrants.expiresAt, now),
        gt(productGrants.usesLeft, 0),
        sql`exists (select 1 from ${productOrders} o where o.id = ${productGrants.orderId} and o.status in ('paid', 'gifted'))`,
      ),
    )
    .returning({ usesLeft: productGrants.usesLeft, practiceId: productGrants.practiceId, orderId: productGrants.orderId });
  if (!taken) {
    const row = await grantRow(grantId);
    return { ok: false, reason: row ? (refusalOf(row, now) ?? "used_up") : "invalid" };
  }
  const [product] = await db
    .select({ storageKey: products.storageKey, filename: products.filename })
    .from(productOrders)
    .innerJoin(products, eq(products.id, productOrders.productId))
    .where(eq(productOrders.id, taken.orderId));
  const stored = product ? await store.get(taken.practiceId, product.storageKey) : null;
  if (!product || !stored) {
    await db.update(productGrants).set({ usesLeft: sql`${productGrants.usesLeft} + 1` }).where(eq(productGrants.id, grantId));
    return { ok: false, reason: "missing" };
  }
  return { ok: true, filename: product.filename, bytes: stored.bytes, usesLeft: taken.usesLeft };
}
