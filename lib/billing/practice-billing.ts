import { eq } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { practiceBilling } from "@/db/schema";
import { env } from "@/lib/env";

export interface PracticeStripe {
  /** The account payments go to: the practice's connected account, or null for this deployment's own. */
  stripeAccountId: string | null;
  canTakePayments: boolean;
}

/**
 * Where a practice's payments go. With Connect on, a practice takes payments
 * once its connected account can accept charges; with it off, the
 * deployment's own keys take every payment.
 */
export async function practiceStripe(practiceId: string, q: DbOrTx = db): Promise<PracticeStripe> {
  if (env.STRIPE_CONNECT === "off") return { stripeAccountId: null, canTakePayments: true };
  const [row] = await q.select().from(practiceBilling).where(eq(practiceBilling.practiceId, practiceId));
  return { stripeAccountId: row?.stripeAccountId ?? null, canTakePayments: Boolean(row?.stripeAccountId && row.chargesEnabled) };
}
