import { startStandIn, type StandIn, type WebhookDelivery } from "@/dev/stripe-standin/server";
import { STANDIN_WEBHOOK_SECRET } from "@/lib/billing/stripe-client";
import { env } from "@/lib/env";
import { POST as webhookRoute } from "@/app/api/stripe/webhook/route";

/**
 * The Stripe stand-in for integration tests, on the port worker-db.ts chose
 * (the app's SDK is configured for it). Its webhooks go to the real route
 * handler with the real signature; `settled()` waits until every delivery
 * so far has been handled. `paused` holds deliveries back (a lost webhook).
 */
export interface TestStandIn extends StandIn {
  deliveries: WebhookDelivery[];
  responses: { type: string; status: number }[];
  settled(): Promise<void>;
  paused: boolean;
  /** Delivers one recorded delivery to the route again (a replay). */
  redeliver(delivery: WebhookDelivery): Promise<Response>;
  /** The visitor presses a button on the test payment page; returns where Stripe sends the browser. */
  checkout(sessionId: string, action: "pay" | "decline" | "abandon", card?: "4242" | "0341"): Promise<string | null>;
}

export async function startTestStandIn(): Promise<TestStandIn> {
  const inFlight = new Set<Promise<unknown>>();
  const deliveries: WebhookDelivery[] = [];
  const responses: { type: string; status: number }[] = [];
  const post = (d: WebhookDelivery) =>
    webhookRoute(new Request("http://localhost/api/stripe/webhook", { method: "POST", headers: { "stripe-signature": d.signature, "content-type": "application/json" }, body: d.payload }));
  const control = {
    paused: false,
  };
  const standIn = await startStandIn({
    port: env.STRIPE_STANDIN_PORT,
    webhookSecret: STANDIN_WEBHOOK_SECRET,
    sweepIntervalMs: 60_000,
    deliver: (d) => {
      deliveries.push(d);
      if (control.paused) return;
      const p = post(d).then((res) => responses.push({ type: d.event.type, status: res.status }));
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    },
  });
  const t = standIn as TestStandIn;
  Object.defineProperty(t, "paused", { get: () => control.paused, set: (v: boolean) => (control.paused = v) });
  t.deliveries = deliveries;
  t.responses = responses;
  t.redeliver = post;
  t.settled = async () => {
    // Deliveries are queued with setImmediate; wait until a pass finds none in flight.
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setImmediate(r));
      if (inFlight.size === 0) {
        await new Promise((r) => setImmediate(r));
        if (inFlight.size === 0) return;
      }
      await Promise.allSettled([...inFlight]);
    }
  };
  t.checkout = async (sessionId, action, card = "4242") => {
    const res = await fetch(`${standIn.url}/checkout/${sessionId}/${action}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ card }).toString(),
      redirect: "manual",
    });
    return res.headers.get("location");
  };
  return t;
}
