import { own, type StandInContext } from "./context";
import { newId, now } from "./ids";
import type { Charge, PaymentIntent } from "./types";

/** The card is charged: a succeeded charge, the intent succeeded with it, and their two events. */
export function chargePaymentIntent(ctx: StandInContext, pi: PaymentIntent, account: string) {
  const charge: Charge = {
    id: newId("ch"),
    object: "charge",
    amount: pi.amount,
    amount_captured: pi.amount,
    amount_refunded: 0,
    captured: true,
    created: now(),
    currency: pi.currency,
    customer: pi.customer,
    livemode: false,
    metadata: pi.metadata,
    paid: true,
    payment_intent: pi.id,
    payment_method: pi.payment_method,
    receipt_url: `${ctx.baseUrl}/receipts/${pi.id}`,
    refunded: false,
    status: "succeeded",
  };
  ctx.state.charges[charge.id] = charge;
  own(ctx, charge, account);
  pi.status = "succeeded";
  pi.amount_received = pi.amount;
  pi.latest_charge = charge.id;
  ctx.persist();
  ctx.emit("charge.succeeded", charge, account);
  ctx.emit("payment_intent.succeeded", pi, account);
}
