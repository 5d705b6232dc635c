import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { payments, refunds, type Payment, type Refund } from "@/db/schema";

/** One of the client's own succeeded payments with its succeeded refunds; null for anything else (another client's, unpaid). */
export async function loadReceipt(clientId: string, paymentId: string): Promise<{ payment: Payment; refunds: Refund[] } | null> {
  const [payment] = await db.select().from(payments).where(and(eq(payments.id, paymentId), eq(payments.clientId, clientId), eq(payments.status, "succeeded")));
  if (!payment) return null;
  const back = await db.select().from(refunds).where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, "succeeded")));
  return { payment, refunds: back };
}
