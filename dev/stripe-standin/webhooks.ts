import { createHmac } from "node:crypto";
import type Stripe from "stripe";
import type { StandInOptions, WebhookDelivery } from "./context";
import { newId, now } from "./ids";
import type { State } from "./state";
import type { Event, EventObject } from "./types";

const API_VERSION = "2026-10-28.endive";

/** Stripe's signature: `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signPayload(payload: string, secret: string, timestamp: number): string {
  const v1 = createHmac("sha256", secret).update(`${timestamp}.${payload}`, "utf8").digest("hex");
  return `t=${timestamp},v1=${v1}`;
}

/**
 * The stand-in's `emit`: records the event (in order, owned by the account)
 * and delivers it on the next turn, signed, to `deliver` or `webhookUrl`,
 * retrying a failed delivery four times with back-off as Stripe does.
 */
export function eventEmitter(state: State, persist: () => void, options: Pick<StandInOptions, "deliver" | "webhookUrl" | "webhookSecret">, log: (line: string) => void) {
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

  return function emit(type: Stripe.Event.Type, object: EventObject, account: string) {
    const event: Event = {
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
  };
}
