import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { payments, productOrders, products } from "@/db/schema";

export interface WorkbookSales {
  /** Per currency: paid orders and their net takings (refunds subtracted). */
  totals: { currency: string; count: number; netCents: number }[];
  gifted: number;
  recent: { orderId: string; paymentId: string | null; title: string; buyerName: string; status: string; amountCents: number; currency: string; at: Date }[];
}

/** The billing dashboard's "Workbook sales": totals and the latest orders (paid, refunded, gifted). */
export async function workbookSales(practiceId: string, limit = 10): Promise<WorkbookSales> {
  const [totals, giftedRows, recent] = await Promise.all([
    db
      .select({
        currency: payments.currency,
        count: sql<number>`count(*)::int`,
        netCents: sql<number>`coalesce(sum(${payments.amountCents} - ${payments.refundedCents}), 0)::int`,
      })
      .from(payments)
      .where(and(eq(payments.practiceId, practiceId), sql`${payments.kind}::text = 'product'`, eq(payments.status, "succeeded")))
      .groupBy(payments.currency)
      .orderBy(payments.currency),
    db.select({ n: sql<number>`count(*)::int` }).from(productOrders).where(and(eq(productOrders.practiceId, practiceId), eq(productOrders.status, "gifted"))),
    db
      .select({ order: productOrders, title: products.title, paymentId: payments.id })
      .from(productOrders)
      .innerJoin(products, eq(products.id, productOrders.productId))
      .leftJoin(payments, and(eq(payments.productOrderId, productOrders.id), eq(payments.status, "succeeded")))
      .where(and(eq(productOrders.practiceId, practiceId), inArray(productOrders.status, ["paid", "refunded", "gifted"])))
      .orderBy(desc(productOrders.createdAt))
      .limit(limit),
  ]);
  return {
    totals: totals.map((t) => ({ currency: t.currency, count: Number(t.count), netCents: Number(t.netCents) })),
    gifted: Number(giftedRows[0]?.n ?? 0),
    recent: recent.map((r) => ({
      orderId: r.order.id,
      paymentId: r.paymentId,
      title: r.title,
      buyerName: r.order.buyerName,
      status: r.order.status,
      amountCents: r.order.amountCents,
      currency: r.order.currency,
      at: r.order.paidAt ?? r.order.createdAt,
    })),
  };
}
