import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { productGrants, productOrders } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { conflict, notFound, type Conflict, type NotFound } from "@/lib/errors/domain-error";
import { isUuid } from "@/lib/ids";
import { DOWNLOAD_LINK_DAYS, DOWNLOAD_LINK_USES } from "./schemas";
import { kickProductLinks } from "./settle";

/** A buyer who loses the email can be sent it again this many times (the database refuses more). */
export const MAX_LINK_RESENDS = 20;

export type ResendResult = { ok: true } | NotFound | Conflict<"revoked" | "too_many">;

/**
 * Staff send a paid or given workbook's download link again, for a buyer who
 * lost the email or let it lapse: the grant is renewed (a fresh expiry and
 * use count, as when first sent) and owed again, so the product-links job
 * emails it, under a new message key, to the address on the order. A
 * refunded order's link stays revoked.
 */
export async function resendDownloadLink(scope: PracticeScope, orderId: string, now: Date): Promise<ResendResult> {
  if (!isUuid(orderId)) return notFound("Order not found");
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ grantId: productGrants.id, resends: productGrants.resends, revokedAt: productGrants.revokedAt, status: productOrders.status })
      .from(productOrders)
      .innerJoin(productGrants, eq(productGrants.orderId, productOrders.id))
      .where(and(eq(productOrders.practiceId, scope.practice.id), eq(productOrders.id, orderId)))
      .for("update", { of: productGrants });
    if (!row) return notFound("Order not found");
    if (row.revokedAt || (row.status !== "paid" && row.status !== "gifted")) return conflict("revoked", "This order was refunded, so its link cannot be sent again.");
    if (row.resends >= MAX_LINK_RESENDS) return conflict("too_many", `The link has been sent again ${MAX_LINK_RESENDS} times. Give the client the workbook anew instead.`);
    await tx
      .update(productGrants)
      .set({
        expiresAt: new Date(now.getTime() + DOWNLOAD_LINK_DAYS * 86_400_000),
        usesLeft: DOWNLOAD_LINK_USES,
        emailedAt: null,
        emailAttempts: 0,
        resends: sql`${productGrants.resends} + 1`,
      })
      .where(and(eq(productGrants.id, row.grantId), isNull(productGrants.revokedAt)));
    await recordAudit(byMember(scope, "product.link_resent", { type: "product_order", id: orderId }, { resend: row.resends + 1 }), tx);
    return { ok: true as const };
  });
  if (result.ok) kickProductLinks();
  return result;
}

/** Each order's link as staff see it: until when and how many downloads are left, and when it was last emailed. */
export async function linksOf(scope: PracticeScope, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .select({ orderId: productGrants.orderId, expiresAt: productGrants.expiresAt, usesLeft: productGrants.usesLeft, emailedAt: productGrants.emailedAt, revokedAt: productGrants.revokedAt, resends: productGrants.resends })
    .from(productGrants)
    .where(and(eq(productGrants.practiceId, scope.practice.id), inArray(productGrants.orderId, orderIds)));
}
