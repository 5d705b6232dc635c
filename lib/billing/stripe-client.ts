import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

/**
 * The one Stripe client. With STRIPE_MODE=stripe (a STRIPE_SECRET_KEY) it
 * talks to Stripe (or to STRIPE_API_BASE if set); with STRIPE_MODE=standin,
 * to the local stand-in on STRIPE_STANDIN_PORT. That choice is configuration
 * only: the app's code paths are the same either way. Production never falls
 * back to the stand-in (lib/env.ts).
 */

/** The stand-in's signing secret when no key is configured (not a secret: it signs local test events). */
export const STANDIN_WEBHOOK_SECRET = "whsec_tandem_local_standin";
const STANDIN_KEY = "sk_test_tandem_local_standin";

export function stripeApiBase(): string | null {
  if (env.STRIPE_API_BASE) return env.STRIPE_API_BASE;
  return usesStandIn() ? `http://127.0.0.1:${env.STRIPE_STANDIN_PORT}` : null;
}

export function webhookSecret(): string {
  return usesStandIn() ? STANDIN_WEBHOOK_SECRET : env.STRIPE_WEBHOOK_SECRET!;
}

/** Whether this deployment talks to the local stand-in: no real payments (pages say "Test payments"). */
export function usesStandIn(): boolean {
  return env.STRIPE_MODE === "standin";
}

let client: Stripe | undefined;

export function stripe(): Stripe {
  if (client) return client;
  const base = stripeApiBase();
  const url = base ? new URL(base) : null;
  client = new Stripe(usesStandIn() ? STANDIN_KEY : env.STRIPE_SECRET_KEY!, {
    // Requests carry our idempotency keys, so the SDK's retries are safe.
    maxNetworkRetries: 2,
    timeout: env.STRIPE_TIMEOUT_MS,
    telemetry: false,
    appInfo: { name: "Tandem" },
    ...(url
      ? {
          host: url.hostname,
          port: url.port || (url.protocol === "https:" ? 443 : 80),
          protocol: url.protocol === "https:" ? ("https" as const) : ("http" as const),
        }
      : {}),
  });
  return client;
}

/** Request options for a practice: its connected account with Connect on, nothing otherwise. */
export function accountOptions(stripeAccountId: string | null | undefined): Stripe.RequestOptions {
  return env.STRIPE_CONNECT === "on" && stripeAccountId ? { stripeAccount: stripeAccountId } : {};
}

/**
 * Whether an object read from Stripe account `from` may change a row owned by
 * `owner` (the practice's connected account the payment was made on). With
 * Connect every practice has its own account, and any of them can sign a
 * webhook through the platform: an object from another account never settles
 * a payment it does not own. With Connect off there is one account.
 */
export function sameAccount(owner: string | null | undefined, from: string | null | undefined): boolean {
  return env.STRIPE_CONNECT !== "on" || (owner ?? null) === (from ?? null);
}

/** A Stripe error's message, for a person (no internals). */
export function stripeErrorMessage(error: unknown): string {
  if (error instanceof Stripe.errors.StripeCardError) return error.message || "The card was declined.";
  if (error instanceof Stripe.errors.StripeConnectionError) return "Stripe could not be reached. Nothing was charged; please try again.";
  if (error instanceof Stripe.errors.StripeError) return error.message || "Stripe refused the request.";
  return "The payment service failed. Nothing was charged; please try again.";
}
