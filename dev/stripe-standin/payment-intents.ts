import { randomBytes } from "node:crypto";
import { chargePaymentIntent } from "./charges";
import { find, own, type StandInContext } from "./context";
import { ApiError, invalid } from "./errors";
import type { FormObject } from "./form-body";
import { newId, now } from "./ids";
import { int, meta, str } from "./params";
import { publicPaymentMethod, TEST_CARDS } from "./payment-methods";
import type { PaymentIntent } from "./types";

export interface NewPaymentIntent {
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: string | null;
  metadata: Record<string, string>;
  description: string | null;
  setupFutureUsage: PaymentIntent["setup_future_usage"];
}

/** A payment intent waiting for its payment method (a checkout completing, or POST /v1/payment_intents). */
export function newPaymentIntent(ctx: StandInContext, input: NewPaymentIntent, account: string): PaymentIntent {
  const pi: PaymentIntent = {
    id: newId("pi"),
    object: "payment_intent",
    amount: input.amount,
    amount_capturable: 0,
    amount_received: 0,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${newId("pi")}_secret_${randomBytes(8).toString("hex")}`,
    confirmation_method: "automatic",
    created: now(),
    currency: input.currency,
    customer: input.customer,
    description: input.description,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod,
    payment_method_types: ["card"],
    receipt_email: null,
    setup_future_usage: input.setupFutureUsage,
    status: "requires_payment_method",
  };
  ctx.state.payment_intents[pi.id] = pi;
  own(ctx, pi, account);
  return pi;
}

/**
 * POST /v1/payment_intents: with `confirm=true` and a saved card, charged at
 * once (off session); the 0341 test card declines with Stripe's 402 card_error.
 */
export function createPaymentIntent(ctx: StandInContext, params: FormObject, account: string): PaymentIntent {
  const amount = int(params.amount, "amount");
  const currency = str(params.currency)?.toLowerCase();
  if (!currency) throw invalid("currency", "Missing required param: currency.");
  if (amount < 50) throw invalid("amount", "Amount must be at least $0.50 usd");
  const customer = str(params.customer);
  if (customer) find(ctx, "customers", customer, account, "customer");
  const pmId = str(params.payment_method);
  const pm = pmId ? find(ctx, "payment_methods", pmId, account, "payment_method") : null;
  if (pm && pm.customer !== customer) {
    throw invalid("payment_method", `The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, or is attached to another Customer.`);
  }
  const pi = newPaymentIntent(
    ctx,
    { amount, currency, customer: customer ?? null, paymentMethod: pmId ?? null, metadata: meta(params.metadata), description: str(params.description), setupFutureUsage: null },
    account,
  );
  ctx.emit("payment_intent.created", pi, account);
  if (str(params.confirm) === "true" && pm) {
    const card = TEST_CARDS[pm._test_card];
    if (card && !card.chargeOffSession) {
      pi.status = "requires_payment_method";
      pi.last_payment_error = { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined.", payment_method: publicPaymentMethod(pm) };
      ctx.persist();
      ctx.emit("payment_intent.payment_failed", pi, account);
      throw new ApiError(402, { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined.", payment_intent: structuredClone(pi) });
    }
    chargePaymentIntent(ctx, pi, account);
  }
  return pi;
}
