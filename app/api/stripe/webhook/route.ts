import { handleWebhook } from "@/lib/billing/handle-webhook";
import { json } from "@/lib/http/json";

/** Stripe's webhook endpoint. The signature is checked on the raw body, before anything is parsed. */
export async function POST(request: Request) {
  const raw = await request.text();
  const outcome = await handleWebhook(raw, request.headers.get("stripe-signature"), new Date());
  return json(outcome.body, outcome.status);
}
