import { createHash, createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseFormBody, type FormObject, type FormValue } from "./form-body";
import { checkoutPage, connectPage, escapeHtml } from "./pages";

/**
 * A local stand-in for the parts of the Stripe API Tandem uses, reached by
 * the official SDK over HTTP (its host/port/protocol options). Objects are
 * shaped like Stripe's (see ../shared/reference/stripe-fixtures3.json);
 * errors use Stripe's `{ error: { type, code, message } }` envelope;
 * `Idempotency-Key` replays the first response (a different body under the
 * same key is an `idempotency_error`, as on Stripe); `Stripe-Account`
 * scopes objects to a connected account.
 *
 * Its checkout page is a plain "test payment" page with pay, decline and
 * abandon buttons. Webhooks are signed exactly as Stripe signs them:
 * `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 *
 * Standalone on purpose: it imports nothing from the app, so the app's
 * environment, database and SDK configuration stay the only way in.
 */

export interface StandInOptions {
  port: number;
  host?: string;
  /** Where events are POSTed (the app's /api/stripe/webhook). */
  webhookUrl?: string;
  webhookSecret: string;
  /** Instead of POSTing, hand each signed delivery to this function (tests, benchmarks). */
  deliver?: (delivery: WebhookDelivery) => Promise<void> | void;
  /** Keep objects across restarts in this JSON file. */
  statePath?: string;
  /** How often open checkout sessions past `expires_at` are expired (ms). */
  sweepIntervalMs?: number;
  log?: (line: string) => void;
}

export interface WebhookDelivery {
  event: StripeObject;
  payload: string;
  signature: string;
}

export interface StandIn {
  url: string;
  port: number;
  close(): Promise<void>;
  /** Every event emitted so far, oldest first. */
  events(): StripeObject[];
  /** Makes the next `count` API requests whose path starts with `pathPrefix` fail (status) or hang (delayMs). */
  injectFault(fault: Fault): void;
  /** Expires an open checkout session now, as Stripe does when `expires_at` passes. */
  expireSessionNow(sessionId: string): void;
  /** Sets a checkout session's `expires_at` (to test the sweep). */
  state: State;
}

export interface Fault {
  pathPrefix: string;
  /** Only requests with this method (default: any). */
  method?: string;
  count: number;
  status?: number;
  delayMs?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StripeObject = Record<string, any>;

interface State {
  customers: Record<string, StripeObject>;
  payment_methods: Record<string, StripeObject>;
  checkout_sessions: Record<string, StripeObject>;
  payment_intents: Record<string, StripeObject>;
  charges: Record<string, StripeObject>;
  refunds: Record<string, StripeObject>;
  events: Record<string, StripeObject>;
  accounts: Record<string, StripeObject>;
  idempotency: Record<string, { fingerprint: string; status: number; body: string }>;
  /** Which connected account (or "" for the platform) owns each object id. */
  owners: Record<string, string>;
  eventOrder: string[];
}

const emptyState = (): State => ({
  customers: {},
  payment_methods: {},
  checkout_sessions: {},
  payment_intents: {},
  charges: {},
  refunds: {},
  events: {},
  accounts: {},
  idempotency: {},
  owners: {},
  eventOrder: [],
});

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; code?: string; message: string; param?: string; decline_code?: string; payment_intent?: StripeObject },
  ) {
    super(body.message);
  }
}

const API_VERSION = "2026-10-28.endive";
const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;

/** Test cards the checkout page offers. */
export const TEST_CARDS = {
  "4242": { brand: "visa", last4: "4242", chargeOffSession: true, label: "Visa ending 4242: succeeds" },
  "0341": { brand: "visa", last4: "0341", chargeOffSession: false, label: "Visa ending 0341: pays now, declines later charges" },
} as const;

export function signPayload(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? (() => {});
  const state: State = loadState(options.statePath);
  const faults: Fault[] = [];
  let saveTimer: NodeJS.Timeout | null = null;

  function persist() {
    if (!options.statePath || saveTimer) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      mkdirSync(path.dirname(options.statePath!), { recursive: true });
      writeFileSync(options.statePath!, JSON.stringify(state));
    }, 50);
    saveTimer.unref();
  }

  let baseUrl = "";

  // ---- events and webhooks -------------------------------------------------

  function emit(type: string, object: StripeObject, account: string) {
    const event: StripeObject = {
      id: newId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: now(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      ...(account ? { account } : {}),
    };
    state.events[event.id] = event;
    state.owners[event.id] = account;
    state.eventOrder.push(event.id);
    persist();
    const payload = JSON.stringify(event, null, 2);
    const signature = signPayload(payload, options.webhookSecret, now());
    setImmediate(() => void deliverWithRetries({ event, payload, signature }, 0));
  }

  async function deliverWithRetries(delivery: WebhookDelivery, attempt: number): Promise<void> {
    try {
      if (options.deliver) {
        await options.deliver(delivery);
        return;
      }
      if (!options.webhookUrl) return;
      const res = await fetch(options.webhookUrl, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": delivery.signature, "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)" },
        body: delivery.payload,
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return;
      throw new Error(`HTTP ${res.status}`);
    } catch (error) {
      log(`webhook ${delivery.event.type} ${delivery.event.id} attempt ${attempt + 1} failed: ${(error as Error).message}`);
      if (attempt >= 4) return;
      // Stripe retries with back-off; a shorter ladder suits a laptop. Re-signed with a fresh timestamp.
      const timer = setTimeout(() => {
        void deliverWithRetries({ ...delivery, signature: signPayload(delivery.payload, options.webhookSecret, now()) }, attempt + 1);
      }, 1000 * 3 ** attempt);
      timer.unref();
    }
  }

  // ---- objects ----------------------------------------------------------------

  function own<T extends StripeObject>(obj: T, account: string): T {
    state.owners[obj.id] = account;
    persist();
    return obj;
  }

  function find(collection: keyof State, id: string, account: string, param = "id"): StripeObject {
    const obj = (state[collection] as Record<string, StripeObject>)[id];
    if (!obj || (state.owners[id] ?? "") !== account) {
      throw new ApiError(404, { type: "invalid_request_error", code: "resource_missing", param, message: `No such ${String(collection).replace(/s$/, "").replace("_", " ")}: '${id}'` });
    }
    return obj;
  }

  function createCustomer(params: FormObject, account: string): StripeObject {
    const customer: StripeObject = {
      id: newId("cus"),
      object: "customer",
      address: null,
      balance: 0,
      created: now(),
      currency: null,
      default_source: null,
      delinquent: false,
      description: str(params.description),
      email: str(params.email),
      invoice_prefix: randomBytes(4).toString("hex").toUpperCase(),
      invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
      livemode: false,
      metadata: meta(params.metadata),
      name: str(params.name),
      next_invoice_sequence: 1,
      phone: null,
      preferred_locales: [],
      shipping: null,
      tax_exempt: "none",
      test_clock: null,
    };
    state.customers[customer.id] = customer;
    own(customer, account);
    emit("customer.created", customer, account);
    return customer;
  }

  function createCheckoutSession(params: FormObject, account: string): StripeObject {
    if (str(params.mode) !== "payment") throw invalid("mode", "This stand-in supports mode=payment only.");
    const items = Array.isArray(params.line_items) ? params.line_items : [];
    if (items.length === 0) throw invalid("line_items", "line_items is required in payment mode.");
    let amount = 0;
    let currency: string | null = null;
    const lineItems: StripeObject[] = [];
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
    if (customer) find("customers", customer, account, "customer");
    const id = newId("cs_test");
    const pid = (params.payment_intent_data as FormObject | undefined) ?? {};
    const session: StripeObject = {
      id,
      object: "checkout.session",
      amount_subtotal: amount,
      amount_total: amount,
      cancel_url: str(params.cancel_url),
      client_reference_id: str(params.client_reference_id),
      consent: null,
      consent_collection: null,
      created,
      currency,
      custom_text: { after_submit: null, shipping_address: null, submit: (params.custom_text as FormObject | undefined)?.submit ?? null, terms_of_service_acceptance: null },
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
      url: `${baseUrl}/checkout/${id}`,
      // Not part of Stripe's object: what the payment intent will carry, kept for completion.
      _payment_intent_data: { metadata: meta(pid.metadata), setup_future_usage: str(pid.setup_future_usage), description: str(pid.description) },
      _line_items: lineItems,
    };
    state.checkout_sessions[id] = session;
    own(session, account);
    return session;
  }

  function publicSession(session: StripeObject): StripeObject {
    const { _payment_intent_data: _a, _line_items: _b, _decline: _c, ...rest } = session;
    void _a;
    void _b;
    void _c;
    return rest;
  }

  function expireSession(session: StripeObject, account: string): StripeObject {
    if (session.status !== "open") {
      throw invalid(null, `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${session.status}".`);
    }
    session.status = "expired";
    persist();
    emit("checkout.session.expired", publicSession(session), account);
    return session;
  }

  function newPaymentMethod(card: keyof typeof TEST_CARDS, customer: string | null, account: string): StripeObject {
    const c = TEST_CARDS[card];
    const pm: StripeObject = {
      id: newId("pm"),
      object: "payment_method",
      allow_redisplay: "unspecified",
      billing_details: { address: null, email: null, name: null, phone: null },
      card: { brand: c.brand, country: "US", display_brand: c.brand, exp_month: 12, exp_year: new Date().getFullYear() + 3, funding: "credit", last4: c.last4, fingerprint: createHash("sha1").update(card).digest("hex").slice(0, 16) },
      created: now(),
      customer,
      livemode: false,
      metadata: {},
      type: "card",
      _test_card: card,
    };
    state.payment_methods[pm.id] = pm;
    own(pm, account);
    return pm;
  }

  function publicPm(pm: StripeObject): StripeObject {
    const { _test_card: _a, ...rest } = pm;
    void _a;
    return rest;
  }

  function newPaymentIntent(input: { amount: number; currency: string; customer: string | null; paymentMethod: string | null; metadata: Record<string, string>; description: string | null; setupFutureUsage: string | null }, account: string): StripeObject {
    const pi: StripeObject = {
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
    state.payment_intents[pi.id] = pi;
    own(pi, account);
    return pi;
  }

  function succeed(pi: StripeObject, account: string) {
    const charge: StripeObject = {
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
      receipt_url: `${baseUrl}/receipts/${pi.id}`,
      refunded: false,
      status: "succeeded",
    };
    state.charges[charge.id] = charge;
    own(charge, account);
    pi.status = "succeeded";
    pi.amount_received = pi.amount;
    pi.latest_charge = charge.id;
    persist();
    emit("charge.succeeded", charge, account);
    emit("payment_intent.succeeded", pi, account);
  }

  function completeSession(session: StripeObject, card: keyof typeof TEST_CARDS, account: string) {
    const data = session._payment_intent_data as { metadata: Record<string, string>; setup_future_usage: string | null; description: string | null };
    let customer: string | null = session.customer;
    if (!customer && data.setup_future_usage) customer = createCustomer({ email: session.customer_email ?? "" }, account).id;
    const pm = newPaymentMethod(card, data.setup_future_usage ? customer : null, account);
    const pi = newPaymentIntent(
      { amount: session.amount_total, currency: session.currency, customer, paymentMethod: pm.id, metadata: data.metadata, description: data.description, setupFutureUsage: data.setup_future_usage },
      account,
    );
    if (data.setup_future_usage && customer) emit("payment_method.attached", publicPm(pm), account);
    succeed(pi, account);
    session.status = "complete";
    session.payment_status = "paid";
    session.payment_intent = pi.id;
    session.customer = customer;
    session.customer_details = { email: session.customer_email, name: null, phone: null, address: null, tax_exempt: "none", tax_ids: [] };
    persist();
    emit("checkout.session.completed", publicSession(session), account);
  }

  function createPaymentIntent(params: FormObject, account: string): StripeObject {
    const amount = int(params.amount, "amount");
    const currency = str(params.currency)?.toLowerCase();
    if (!currency) throw invalid("currency", "Missing required param: currency.");
    if (amount < 50) throw invalid("amount", "Amount must be at least $0.50 usd");
    const customer = str(params.customer);
    if (customer) find("customers", customer, account, "customer");
    const pmId = str(params.payment_method);
    const pm = pmId ? find("payment_methods", pmId, account, "payment_method") : null;
    if (pm && pm.customer !== customer) {
      throw invalid("payment_method", `The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, or is attached to another Customer.`);
    }
    const pi = newPaymentIntent(
      { amount, currency, customer: customer ?? null, paymentMethod: pmId ?? null, metadata: meta(params.metadata), description: str(params.description), setupFutureUsage: null },
      account,
    );
    emit("payment_intent.created", pi, account);
    if (str(params.confirm) === "true" && pm) {
      const card = TEST_CARDS[pm._test_card as keyof typeof TEST_CARDS];
      if (card && !card.chargeOffSession) {
        pi.status = "requires_payment_method";
        pi.last_payment_error = { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined.", payment_method: publicPm(pm) };
        persist();
        emit("payment_intent.payment_failed", pi, account);
        throw new ApiError(402, { type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined.", payment_intent: structuredClone(pi) });
      }
      succeed(pi, account);
    }
    return pi;
  }

  function createRefund(params: FormObject, account: string): StripeObject {
    const piId = str(params.payment_intent);
    if (!piId) throw invalid("payment_intent", "Missing required param: payment_intent.");
    const pi = find("payment_intents", piId, account, "payment_intent");
    if (pi.status !== "succeeded" || !pi.latest_charge) throw invalid("payment_intent", `This PaymentIntent (${piId}) does not have a successful charge to refund.`);
    const charge = state.charges[pi.latest_charge]!;
    const remaining = charge.amount - charge.amount_refunded;
    const amount = params.amount === undefined ? remaining : int(params.amount, "amount");
    if (remaining <= 0) throw new ApiError(400, { type: "invalid_request_error", code: "charge_already_refunded", message: `Charge ${charge.id} has already been refunded.` });
    if (amount <= 0 || amount > remaining) {
      throw new ApiError(400, { type: "invalid_request_error", code: "amount_too_large", param: "amount", message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})` });
    }
    const refund: StripeObject = {
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
      reason: str(params.reason),
      receipt_number: null,
      status: "succeeded",
    };
    state.refunds[refund.id] = refund;
    own(refund, account);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    persist();
    emit("refund.created", refund, account);
    emit("charge.refunded", charge, account);
    return refund;
  }

  function createAccount(params: FormObject): StripeObject {
    const account: StripeObject = {
      id: newId("acct"),
      object: "account",
      business_type: null,
      capabilities: {},
      charges_enabled: false,
      controller: { type: "application" },
      country: str(params.country) ?? "US",
      created: now(),
      default_currency: "usd",
      details_submitted: false,
      email: str(params.email),
      metadata: meta(params.metadata),
      payouts_enabled: false,
      requirements: { currently_due: ["business_profile.url", "external_account", "tos_acceptance.date"], disabled_reason: "requirements.past_due" },
      type: str(params.type) ?? "standard",
    };
    state.accounts[account.id] = account;
    own(account, "");
    return account;
  }

  /** `expand[]=payment_method` and friends: the id replaced by the object, as Stripe does. */
  function expand(obj: StripeObject, params: FormObject, account: string): StripeObject {
    const fields = Array.isArray(params.expand) ? params.expand.filter((f): f is string => typeof f === "string") : [];
    if (fields.length === 0) return obj;
    const out = structuredClone(obj);
    for (const field of fields) {
      const id = out[field];
      if (typeof id !== "string") continue;
      if (field === "payment_method") out[field] = publicPm(find("payment_methods", id, account));
      if (field === "payment_intent") out[field] = find("payment_intents", id, account);
      if (field === "customer") out[field] = find("customers", id, account);
    }
    return out;
  }

  // ---- HTTP --------------------------------------------------------------------

  async function api(method: string, pathname: string, params: FormObject, account: string, query: URLSearchParams): Promise<[number, StripeObject]> {
    const parts = pathname.split("/").filter(Boolean).slice(1); // drop "v1"
    const [a, b, c, d] = parts;
    if (method === "POST" && a === "customers" && !b) return [200, createCustomer(params, account)];
    if (method === "GET" && a === "customers" && b) return [200, find("customers", b, account)];
    if (method === "GET" && a === "payment_methods" && b) return [200, publicPm(find("payment_methods", b, account))];
    if (a === "checkout" && b === "sessions") {
      if (method === "POST" && !c) return [200, publicSession(createCheckoutSession(params, account))];
      if (method === "GET" && c && !d) return [200, expand(publicSession(find("checkout_sessions", c, account)), params, account)];
      if (method === "POST" && c && d === "expire") return [200, publicSession(expireSession(find("checkout_sessions", c, account), account))];
    }
    if (a === "payment_intents") {
      if (method === "POST" && !b) return [200, createPaymentIntent(params, account)];
      if (method === "GET" && b) return [200, expand(find("payment_intents", b, account), params, account)];
    }
    if (a === "refunds") {
      if (method === "POST" && !b) return [200, createRefund(params, account)];
      if (method === "GET" && b) return [200, find("refunds", b, account)];
      if (method === "GET" && !b) {
        const pi = query.get("payment_intent");
        const data = Object.values(state.refunds).filter((r) => (state.owners[r.id] ?? "") === account && (!pi || r.payment_intent === pi));
        return [200, { object: "list", data, has_more: false, url: "/v1/refunds" }];
      }
    }
    if (method === "GET" && a === "events" && b) return [200, find("events", b, account)];
    if (a === "accounts") {
      if (method === "POST" && !b) return [200, createAccount(params)];
      if (method === "GET" && b) return [200, find("accounts", b, "")];
    }
    if (method === "POST" && a === "account_links") {
      const acct = str(params.account);
      if (!acct) throw invalid("account", "Missing required param: account.");
      find("accounts", acct, "", "account");
      const q = new URLSearchParams({ return_url: str(params.return_url) ?? "", refresh_url: str(params.refresh_url) ?? "" });
      return [200, { object: "account_link", created: now(), expires_at: now() + 300, url: `${baseUrl}/connect/${acct}?${q}` }];
    }
    throw new ApiError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${pathname}).` });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", baseUrl);
    const body = await readBody(req);
    // The state file names whose stand-in this is: a checkout reuses only its own.
    if (url.pathname === "/__standin/health") return send(res, 200, { ok: true, statePath: options.statePath ?? null });
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204);
      return res.end();
    }

    if (url.pathname.startsWith("/v1/")) {
      const fault = faults.find((f) => url.pathname.startsWith(f.pathPrefix) && (!f.method || f.method === req.method) && f.count > 0);
      if (fault) {
        fault.count--;
        if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        if (fault.status) return send(res, fault.status, { error: { type: "api_error", message: "The stand-in was told to fail this request." } });
      }
      const auth = req.headers.authorization ?? "";
      if (!/^Bearer (sk|rk)_(test|live)_\w+$/.test(auth)) {
        return send(res, 401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
      }
      const account = String(req.headers["stripe-account"] ?? "");
      const method = req.method ?? "GET";
      const params = method === "POST" ? parseFormBody(body) : parseFormBody(url.search.slice(1));
      const key = method === "POST" ? req.headers["idempotency-key"] : undefined;
      const slot = typeof key === "string" ? `${account}|${key}` : null;
      const fingerprint = createHash("sha256").update(`${method} ${url.pathname} ${body}`).digest("hex");
      if (slot && state.idempotency[slot]) {
        const saved = state.idempotency[slot]!;
        if (saved.fingerprint !== fingerprint) {
          return send(res, 400, {
            error: { type: "idempotency_error", message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.` },
          });
        }
        res.setHeader("idempotent-replayed", "true");
        res.writeHead(saved.status, { "content-type": "application/json", "request-id": newId("req") });
        return res.end(saved.body);
      }
      let status: number;
      let payload: StripeObject;
      try {
        [status, payload] = await api(method, url.pathname, params, account, url.searchParams);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        status = error.status;
        payload = { error: { ...error.body, request_log_url: null } };
      }
      const text = JSON.stringify(payload);
      // Stripe keeps the outcome of any request that reached it, errors included (not 5xx).
      if (slot && status < 500) {
        state.idempotency[slot] = { fingerprint, status, body: text };
        persist();
      }
      res.writeHead(status, { "content-type": "application/json", "request-id": newId("req") });
      return res.end(text);
    }

    const checkout = /^\/checkout\/([\w]+)(?:\/(pay|decline|abandon))?$/.exec(url.pathname);
    if (checkout) {
      const session = state.checkout_sessions[checkout[1]!];
      if (!session) return html(res, 404, "<h1>Checkout not found</h1>");
      const account = state.owners[session.id] ?? "";
      const action = checkout[2];
      if (req.method === "GET" && !action) return html(res, 200, checkoutPage(publicSession(session), session._line_items ?? [], session._decline ?? null));
      if (req.method === "POST" && action) {
        if (session.status !== "open") return html(res, 200, checkoutPage(publicSession(session), session._line_items ?? [], null));
        if (action === "abandon") return redirect(res, session.cancel_url ?? session.success_url);
        if (action === "decline") {
          session._decline = "Your card was declined. No money was taken; try another card.";
          persist();
          return redirect(res, `/checkout/${session.id}`);
        }
        const card = new URLSearchParams(body).get("card");
        completeSession(session, card === "0341" ? "0341" : "4242", account);
        return redirect(res, String(session.success_url).replace("{CHECKOUT_SESSION_ID}", session.id));
      }
    }
    const connect = /^\/connect\/(acct_\w+)(\/complete)?$/.exec(url.pathname);
    if (connect) {
      const account = state.accounts[connect[1]!];
      if (!account) return html(res, 404, "<h1>Account not found</h1>");
      if (req.method === "GET" && !connect[2]) return html(res, 200, connectPage(account, url.searchParams.get("return_url") ?? ""));
      if (req.method === "POST" && connect[2]) {
        Object.assign(account, { charges_enabled: true, payouts_enabled: true, details_submitted: true, requirements: { currently_due: [], disabled_reason: null } });
        persist();
        emit("account.updated", account, account.id);
        return redirect(res, new URLSearchParams(body).get("return_url") || "/");
      }
    }
    return html(res, 404, `<h1>Not found</h1><p>${escapeHtml(url.pathname)}</p>`);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`error: ${(error as Error).message}`);
      if (!res.headersSent) send(res, 500, { error: { type: "api_error", message: "The stand-in failed." } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  baseUrl = `http://${host}:${port}`;
  // Re-point stored session URLs at this run's port (a restart may choose another).
  for (const s of Object.values(state.checkout_sessions)) s.url = `${baseUrl}/checkout/${s.id}`;

  const sweep = setInterval(() => {
    const t = now();
    for (const s of Object.values(state.checkout_sessions)) {
      if (s.status === "open" && s.expires_at <= t) expireSession(s, state.owners[s.id] ?? "");
    }
  }, options.sweepIntervalMs ?? 5_000);
  sweep.unref();

  log(`listening on ${baseUrl}`);
  return {
    url: baseUrl,
    port,
    state,
    events: () => state.eventOrder.map((id) => state.events[id]!),
    injectFault: (fault) => faults.push({ ...fault }),
    expireSessionNow: (id) => {
      const s = state.checkout_sessions[id];
      if (s && s.status === "open") expireSession(s, state.owners[id] ?? "");
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweep);
        if (saveTimer && options.statePath) {
          clearTimeout(saveTimer);
          writeFileSync(options.statePath, JSON.stringify(state));
        }
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- helpers ---------------------------------------------------------------------

function loadState(statePath: string | undefined): State {
  if (!statePath || !existsSync(statePath)) return emptyState();
  try {
    return { ...emptyState(), ...(JSON.parse(readFileSync(statePath, "utf8")) as Partial<State>) };
  } catch {
    return emptyState();
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "request-id": newId("req") });
  res.end(JSON.stringify(body));
}

function html(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}

function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(303, { location });
  res.end();
}

function str(value: FormValue | undefined): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function int(value: FormValue | undefined, param: string): number {
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) throw invalid(param, `Invalid integer: ${typeof value === "string" ? value : "missing"}`);
  return Number(value);
}

function meta(value: FormValue | undefined): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

function invalid(param: string | null, message: string): ApiError {
  return new ApiError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}) });
}
