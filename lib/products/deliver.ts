import { and, asc, eq, isNull, lt, sql } from "drizzle-orm";
import { createElement } from "react";
import { db } from "@/db/client";
import { practiceBrands, practices, productGrants, productOrders } from "@/db/schema";
import ProductLinkEmail, { productLinkSubject } from "@/emails/product-link";
import { logError } from "@/lib/db/pg-error";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { derivedToken, TOKEN_PURPOSES } from "@/lib/tokens";
import { DOWNLOAD_LINK_DAYS, DOWNLOAD_LINK_USES } from "./schemas";

export const MAX_LINK_ATTEMPTS = 5;

/** The emailed link: a derived token naming the grant (no secret in the table; see db/schema/products.ts). */
export function downloadUrl(grantId: string): string {
  return `${env.APP_URL.replace(/\/+$/, "")}/products/download/${derivedToken(TOKEN_PURPOSES.productDownload, grantId)}`;
}

/** One email per grant and send (lib/email/send-email.ts dedupes by key): the first, then one per staff resend. */
export function productLinkEmailKey(grantId: string, resends = 0): string {
  return resends === 0 ? `product-link:${grantId}` : `product-link:${grantId}:resend-${resends}`;
}

export interface DeliverLinksRun {
  due: number;
  sent: number;
  outbox: number;
  duplicate: number;
  failed: number;
}

/**
 * Emails each owed download link once, to the address the buyer typed (or
 * the gift's client's): the "product-links" job runs it every minute, and a
 * payment or a gift kicks it at once. A grant is claimed by its attempt
 * count, so two runs side by side never send twice (and the key dedupes).
 */
export async function deliverProductLinks(now: Date, options: { transport?: EmailTransport; limit?: number } = {}): Promise<DeliverLinksRun> {
  const due = await db
    .select({
      id: productGrants.id,
      resends: productGrants.resends,
      practiceId: productGrants.practiceId,
      email: productOrders.buyerEmail,
      name: productOrders.buyerName,
      gift: sql<boolean>`${productOrders.status} = 'gifted'`,
      practiceName: sql<string>`coalesce(${practiceBrands.displayName}, ${practices.name})`,
    })
    .from(productGrants)
    .innerJoin(productOrders, eq(productOrders.id, productGrants.orderId))
    .innerJoin(practices, eq(practices.id, productGrants.practiceId))
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, productGrants.practiceId))
    .where(and(isNull(productGrants.emailedAt), isNull(productGrants.revokedAt), lt(productGrants.emailAttempts, MAX_LINK_ATTEMPTS)))
    .orderBy(asc(productGrants.createdAt))
    .limit(options.limit ?? 100);
  const run: DeliverLinksRun = { due: due.length, sent: 0, outbox: 0, duplicate: 0, failed: 0 };
  for (const row of due) {
    const [claimed] = await db
      .update(productGrants)
      .set({ emailAttempts: sql`${productGrants.emailAttempts} + 1` })
      .where(and(eq(productGrants.id, row.id), isNull(productGrants.emailedAt)))
      .returning({ id: productGrants.id });
    if (!claimed) continue;
    try {
      const result = await sendEmail(
        {
          key: productLinkEmailKey(row.id, row.resends),
          to: row.email,
          subject: productLinkSubject(row.practiceName, row.gift),
          template: "product-link",
          practiceId: row.practiceId,
          retryFailed: true,
          element: createElement(ProductLinkEmail, {
            practiceName: row.practiceName,
            recipientName: row.name.split(/\s+/)[0] ?? null,
            downloadUrl: downloadUrl(row.id),
            days: DOWNLOAD_LINK_DAYS,
            uses: DOWNLOAD_LINK_USES,
            gift: row.gift,
          }),
        },
        options.transport,
      );
      if (result.status === "failed") {
        run.failed += 1;
        continue;
      }
      run[result.status] += 1;
      await db.update(productGrants).set({ emailedAt: now }).where(and(eq(productGrants.id, row.id), isNull(productGrants.emailedAt)));
    } catch (error) {
      // Ids only in logs.
      logError("products", `download link email ${row.id} failed`, error);
      run.failed += 1;
    }
  }
  return run;
}
