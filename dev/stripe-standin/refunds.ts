import type Stripe from "stripe";
import { find, own, type StandInContext } from "./context";
import { ApiError, invalid } from "./errors";
import type { FormObject } from "./form-body";
import { newId, now } from "./ids";
import { int, meta, str } from "./params";
import type { ApiList, Refund } from "./types";

/** POST /v1/refunds: all or part of a succeeded payment intent's charge, never more than is left. */
export function createRefund(ctx: StandInContext, params: FormObject, account: string): Refund {
  const piId = str(params.payment_intent);
  if (!piId) throw invalid("payment_intent", "Missing required param: payment_intent.");
  const pi = find(ctx, "payment_intents", piId, account, "payment_intent");
  if (pi.status !== "succeeded" || !pi.latest_charge) throw invalid("payment_intent", `This PaymentIntent (${piId}) does not have a successful charge to refund.`);
  const charge = ctx.state.charges[pi.latest_charge]!;
  const remaining = charge.amount - charge.amount_refunded;
  const amount = params.amount === undefined ? remaining : int(params.amount, "amount");
  if (remaining <= 0) throw new ApiError(400, { type: "invalid_request_error", code: "charge_already_refunded", message: `Charge ${charge.id} has already been refunded.` });
  if (amount <= 0 || amount > remaining) {
    throw new ApiError(400, { type: "invalid_request_error", code: "amount_too_large", param: "amount", message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})` });
  }
  const refund: Refund = {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: now(),
    currency: pi.currency,
    destination_details: { card: { type: "refund" }, type: "card" },
    metadata: meta(params.metadata),
    payment_intent: pi.id,
    // Passed on as given, as before: the SDK only sends Stripe's values.
    reason: str(params.reason) as Stripe.Refund.Reason | null,
    receipt_number: null,
    status: "succeeded",
  };
  ctx.state.refunds[refund.id] = refund;
  own(ctx, refund, account);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  ctx.persist();
  ctx.emit("refund.created", refund, account);
  ctx.emit("charge.refunded", charge, account);
  return refund;
}

/** GET /v1/refunds?payment_intent=…: this account's refunds, one page. */
export function listRefunds(ctx: StandInContext, account: string, paymentIntent: string | null): ApiList<Refund> {
  const data = Object.values(ctx.state.refunds).filter((r) => (ctx.state.owners[r.id] ?? "") === account && (!paymentIntent || r.payment_intent === paymentIntent));
  return { object: "list", data, has_more: false, url: "/v1/refunds" };
}
