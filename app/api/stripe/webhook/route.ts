import { handleWebhook } from "@/lib/billing/handle-webhook";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { json } from "@/lib/http/json";

/** Stripe's webhook endpoint. The signature is checked on the raw body, before anything is parsed. */
export async function POST(request: Request) {
  const raw = await request.text();
  const outcome = await handleWebhook(raw, request.headers.get("stripe-signature"), new Date());
  if (outcome.ok) return json({ received: true, handled: outcome.handled, ...(outcome.duplicate ? { duplicate: true } : {}) });
  // Stripe reads the status; the body says why, for whoever reads the dashboard.
  return domainErrorResponse(outcome, { error: outcome.code === "invalid" ? "Invalid signature" : outcome.message });
}
