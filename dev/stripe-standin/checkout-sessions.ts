import type Stripe from "stripe";
import { chargePaymentIntent } from "./charges";
import { find, own, type StandInContext } from "./context";
import { createCustomer } from "./customers";
import { invalid } from "./errors";
import type { FormObject } from "./form-body";
import { newId, now } from "./ids";
import { int, meta, str } from "./params";
import { newPaymentIntent } from "./payment-intents";
import { newPaymentMethod, publicPaymentMethod } from "./payment-methods";
import type { CheckoutLineItem, CheckoutSession, StoredCheckoutSession, TestCardNumber } from "./types";

/** POST /v1/checkout/sessions (mode=payment, price_data line items, Stripe's limits on amount and expiry). */
export function createCheckoutSession(ctx: StandInContext, params: FormObject, account: string): StoredCheckoutSession {
  if (str(params.mode) !== "payment") throw invalid("mode", "This stand-in supports mode=payment only.");
  const items = Array.isArray(params.line_items) ? params.line_items : [];
  if (items.length === 0) throw invalid("line_items", "line_items is required in payment mode.");
  let amount = 0;
  let currency: string | null = null;
  const lineItems: CheckoutLineItem[] = [];
  for (const [i, raw] of items.entries()) {
    const item = raw as FormObject;
    const priceData = item.price_data as FormObject | undefined;
    if (!priceData) throw invalid(`line_items[${i}][price_data]`, "price_data is required.");
    const unit = int(priceData.unit_amount, `line_items[${i}][price_data][unit_amount]`);
    const quantity = item.quantity === undefined ? 1 : int(item.quantity, `line_items[${i}][quantity]`);
    const cur = str(priceData.currency)?.toLowerCase();
    if (!cur) throw invalid(`line_items[${i}][price_data][currency]`, "Missing required param: currency.");
    if (currency && cur !== currency) throw invalid("line_items", "All line items must share one currency.");
    currency = cur;
    amount += unit * quantity;
    lineItems.push({ description: str((priceData.product_data as FormObject | undefined)?.name) ?? "Item", amount_total: unit * quantity, quantity, currency: cur });
  }
  if (amount < 50) throw invalid("line_items", "The Checkout Session's total amount due must add up to at least $0.50 usd");
  const created = now();
  const expiresAt = params.expires_at === undefined ? created + 24 * 3600 : int(params.expires_at, "expires_at");
  if (expiresAt < created + 30 * 60 - 5 || expiresAt > created + 24 * 3600 + 5) {
    throw invalid("expires_at", "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.");
  }
  const successUrl = str(params.success_url);
  if (!successUrl) throw invalid("success_url", "Missing required param: success_url.");
  const customer = str(params.customer);
  if (customer) find(ctx, "customers", customer, account, "customer");
  const id = newId("cs_test");
  const pid = (params.payment_intent_data as FormObject | undefined) ?? {};
  const session: StoredCheckoutSession = {
    id,
    object: "checkout.session",
    amount_subtotal: amount,
    amount_total: amount,
    cancel_url: str(params.cancel_url),
    client_reference_id: str(params.client_reference_id),
    consent: null,
    consent_collection: null,
    created,
    // Every line item set it (there is at least one).
    currency: currency!,
    custom_text: {
      after_submit: null,
      shipping_address: null,
      submit: ((params.custom_text as FormObject | undefined)?.submit as Stripe.Checkout.Session.CustomText.Submit | undefined) ?? null,
      terms_of_service_acceptance: null,
    },
    customer: customer ?? null,
    customer_creation: customer ? null : "if_required",
    customer_details: null,
    customer_email: str(params.customer_email),
    expires_at: expiresAt,
    livemode: false,
    locale: null,
    metadata: meta(params.metadata),
    mode: "payment",
    payment_intent: null,
    payment_method_types: ["card"],
    payment_status: "unpaid",
    status: "open",
    success_url: successUrl,
    url: `${ctx.baseUrl}/checkout/${id}`,
    // Not part of Stripe's object: what the payment intent will carry, kept for completion.
    _payment_intent_data: {
      metadata: meta(pid.metadata),
      // Passed on as given, as before: the SDK only sends Stripe's values.
      setup_future_usage: str(pid.setup_future_usage) as StoredCheckoutSession["_payment_intent_data"]["setup_future_usage"],
      description: str(pid.description),
    },
    _line_items: lineItems,
  };
  ctx.state.checkout_sessions[id] = session;
  own(ctx, session, account);
  return session;
}

/** As Stripe shows it: without what the stand-in keeps for completing it. */
export function publicSession(session: StoredCheckoutSession): CheckoutSession {
  const { _payment_intent_data: _a, _line_items: _b, _decline: _c, ...rest } = session;
  void _a;
  void _b;
  void _c;
  return rest;
}

/** POST /v1/checkout/sessions/:id/expire, and the sweep past `expires_at`. */
export function expireSession(ctx: StandInContext, session: StoredCheckoutSession, account: string): StoredCheckoutSession {
  if (session.status !== "open") {
    throw invalid(null, `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`);
  }
  session.status = "expired";
  ctx.persist();
  ctx.emit("checkout.session.expired", publicSession(session), account);
  return session;
}

/**
 * The visitor pays on the test payment page: a customer (when the card is to
 * be saved and there is none), the card, a charged payment intent, and the
 * session complete, with Stripe's events in Stripe's order.
 */
export function completeSession(ctx: StandInContext, session: StoredCheckoutSession, card: TestCardNumber, account: string) {
  const data = session._payment_intent_data;
  let customer: string | null = session.customer;
  if (!customer && data.setup_future_usage) customer = createCustomer(ctx, { email: session.customer_email ?? "" }, account).id;
  const pm = newPaymentMethod(ctx, card, data.setup_future_usage ? customer : null, account);
  const pi = newPaymentIntent(
    ctx,
    { amount: session.amount_total, currency: session.currency, customer, paymentMethod: pm.id, metadata: data.metadata, description: data.description, setupFutureUsage: data.setup_future_usage },
    account,
  );
  if (data.setup_future_usage && customer) ctx.emit("payment_method.attached", publicPaymentMethod(pm), account);
  chargePaymentIntent(ctx, pi, account);
  session.status = "complete";
  session.payment_status = "paid";
  session.payment_intent = pi.id;
  session.customer = customer;
  session.customer_details = { email: session.customer_email, name: null, phone: null, address: null, tax_exempt: "none", tax_ids: [] };
  ctx.persist();
  ctx.emit("checkout.session.completed", publicSession(session), account);
}
