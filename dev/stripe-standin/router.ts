import { createAccount, createAccountLink } from "./accounts";
import { createCheckoutSession, expireSession, publicSession } from "./checkout-sessions";
import { find, type StandInContext } from "./context";
import { createCustomer } from "./customers";
import { ApiError } from "./errors";
import { expand } from "./expand";
import type { FormObject } from "./form-body";
import { createPaymentIntent } from "./payment-intents";
import { publicPaymentMethod } from "./payment-methods";
import { createRefund, listRefunds } from "./refunds";

/** The `/v1/…` API: which resource answers a method and path (Stripe's 404 for the rest). */
export async function api(ctx: StandInContext, method: string, pathname: string, params: FormObject, account: string, query: URLSearchParams): Promise<[number, object]> {
  const parts = pathname.split("/").filter(Boolean).slice(1); // drop "v1"
  const [a, b, c, d] = parts;
  if (method === "POST" && a === "customers" && !b) return [200, createCustomer(ctx, params, account)];
  if (method === "GET" && a === "customers" && b) return [200, find(ctx, "customers", b, account)];
  if (method === "GET" && a === "payment_methods" && b) return [200, publicPaymentMethod(find(ctx, "payment_methods", b, account))];
  if (a === "checkout" && b === "sessions") {
    if (method === "POST" && !c) return [200, publicSession(createCheckoutSession(ctx, params, account))];
    if (method === "GET" && c && !d) return [200, expand(ctx, publicSession(find(ctx, "checkout_sessions", c, account)), params, account)];
    if (method === "POST" && c && d === "expire") return [200, publicSession(expireSession(ctx, find(ctx, "checkout_sessions", c, account), account))];
  }
  if (a === "payment_intents") {
    if (method === "POST" && !b) return [200, createPaymentIntent(ctx, params, account)];
    if (method === "GET" && b) return [200, expand(ctx, find(ctx, "payment_intents", b, account), params, account)];
  }
  if (a === "refunds") {
    if (method === "POST" && !b) return [200, createRefund(ctx, params, account)];
    if (method === "GET" && b) return [200, find(ctx, "refunds", b, account)];
    if (method === "GET" && !b) return [200, listRefunds(ctx, account, query.get("payment_intent"))];
  }
  if (method === "GET" && a === "events" && b) return [200, find(ctx, "events", b, account)];
  if (a === "accounts") {
    if (method === "POST" && !b) return [200, createAccount(ctx, params)];
    if (method === "GET" && b) return [200, find(ctx, "accounts", b, "")];
  }
  if (method === "POST" && a === "account_links") return [200, createAccountLink(ctx, params)];
  throw new ApiError(404, { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${pathname}).` });
}
