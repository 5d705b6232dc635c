import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, payments, practices, productOrders, products, type Payment } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { openCheckout } from "@/lib/billing/open-checkout";
import { practiceStripe } from "@/lib/billing/practice-billing";
import { stripeErrorMessage } from "@/lib/billing/stripe-client";
import { conflict, invalid, notFound, paymentFailed, type Conflict, type Invalid, type NotFound, type PaymentFailed } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { buyProductSchema } from "./schemas";
import { abandonProductOrder } from "./settle";

/** How long the checkout stays open (Stripe's minimum is 30 minutes). */
const CHECKOUT_MINUTES = 30;

export type BuyResult = { ok: true; checkoutUrl: string } | Invalid | NotFound | Conflict<"not_selling"> | PaymentFailed;

/** "Ana María Reyes" → first "Ana", last "María Reyes"; a single word leaves the family name empty. */
function splitName(name: string): { firstName: string; lastName: string } {
  const [first, ...rest] = name.trim().split(/\s+/);
  return { firstName: first ?? name, lastName: rest.join(" ") };
}

/**
 * Anyone buys a product through Stripe Checkout: a name and an email, no
 * account. The buyer's record is their own client record when they are
 * signed in to this practice's portal; otherwise a new unverified record, as
 * a public booking makes, never matched to an existing client by the address
 * typed (that would tell a stranger who is a client, or hand them the
 * record). The order and its pending payment are written together; the
 * checkout is opened after the commit (never inside a transaction). The
 * webhook (lib/products/settle.ts via lib/billing/sync-payments.ts) marks it paid.
 */
export async function buyProduct(input: { practiceId: string; productId: string; values: unknown; signedInUserId: string | null; now: Date; /** Where Stripe's back button leads: the product's page. */ cancelPath: string }): Promise<BuyResult> {
  const parsed = buyProductSchema.safeParse(input.values);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  if (!isUuid(input.productId)) return notFound("This product is not offered.");
  const account = await practiceStripe(input.practiceId);
  if (!account.canTakePayments) return conflict("not_selling", "This practice does not take payments online yet.");
  const { now } = input;
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ product: products, practiceName: practices.name })
      .from(products)
      .innerJoin(practices, eq(practices.id, products.practiceId))
      .where(and(eq(products.practiceId, input.practiceId), eq(products.id, input.productId), eq(products.active, true)));
    if (!row) return null;
    const { product } = row;
    const own = input.signedInUserId
      ? (
          await tx
            .select({ id: clients.id })
            .from(clients)
            .where(and(eq(clients.practiceId, input.practiceId), eq(clients.userId, input.signedInUserId), isNull(clients.unverifiedSince), eq(clients.status, "active")))
        )[0]
      : undefined;
    let clientId = own?.id;
    if (!clientId) {
      const [client] = await tx
        .insert(clients)
        .values({ practiceId: input.practiceId, userId: null, ...splitName(parsed.data.name), email: parsed.data.email, unverifiedSince: now })
        .returning({ id: clients.id });
      clientId = client!.id;
    }
    const [order] = await tx
      .insert(productOrders)
      .values({ practiceId: input.practiceId, productId: product.id, clientId, buyerEmail: parsed.data.email, buyerName: parsed.data.name, status: "pending", amountCents: product.priceCents, currency: product.currency, createdAt: now })
      .returning({ id: productOrders.id });
    const [payment] = await tx
      .insert(payments)
      .values({
        practiceId: input.practiceId,
        kind: "product",
        amountCents: product.priceCents,
        currency: product.currency,
        clientId,
        productOrderId: order!.id,
        description: product.title,
        stripeAccountId: account.stripeAccountId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit({ practiceId: input.practiceId, actor: { kind: "system" }, action: "product.buy_started", subjectType: "product", subjectId: product.id, detail: { orderId: order!.id } }, tx);
    return { payment: payment!, practiceName: row.practiceName };
  });
  if (!created) return notFound("This product is not offered.");
  return open(created.payment, created.practiceName, now, input.cancelPath);
}

async function open(payment: Payment, practiceName: string, now: Date, cancelPath: string): Promise<BuyResult> {
  try {
    const { url } = await openCheckout(payment, {
      practiceName,
      expiresAt: new Date(now.getTime() + CHECKOUT_MINUTES * 60_000),
      successPath: "/pay/return",
      cancelPath,
    });
    return { ok: true, checkoutUrl: url };
  } catch (error) {
    await db.transaction(async (tx) => {
      const [cancelled] = await tx
        .update(payments)
        .set({ status: "cancelled", failureMessage: "Checkout could not be opened", updatedAt: now })
        .where(and(eq(payments.id, payment.id), eq(payments.status, "pending"), isNull(payments.stripeCheckoutSessionId)))
        .returning({ id: payments.id });
      if (cancelled) await abandonProductOrder(tx, payment, now);
    });
    return paymentFailed(stripeErrorMessage(error));
  }
}
