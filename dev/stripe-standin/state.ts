import { existsSync, readFileSync } from "node:fs";
import { ApiError } from "./errors";
import type { Account, Charge, Customer, Event, PaymentIntent, Refund, StoredCheckoutSession, StoredPaymentMethod } from "./types";

/** Everything the stand-in knows, by id; saved as one JSON file when a state path is given. */
export interface State {
  customers: Record<string, Customer>;
  payment_methods: Record<string, StoredPaymentMethod>;
  checkout_sessions: Record<string, StoredCheckoutSession>;
  payment_intents: Record<string, PaymentIntent>;
  charges: Record<string, Charge>;
  refunds: Record<string, Refund>;
  events: Record<string, Event>;
  accounts: Record<string, Account>;
  idempotency: Record<string, { fingerprint: string; status: number; body: string }>;
  /** Which connected account (or "" for the platform) owns each object id. */
  owners: Record<string, string>;
  eventOrder: string[];
}

/** The object collections (the rest of State is bookkeeping). */
export type Collection = Exclude<keyof State, "idempotency" | "owners" | "eventOrder">;

export const emptyState = (): State => ({
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

export function loadState(statePath: string | undefined): State {
  if (!statePath || !existsSync(statePath)) return emptyState();
  try {
    return { ...emptyState(), ...(JSON.parse(readFileSync(statePath, "utf8")) as Partial<State>) };
  } catch {
    return emptyState();
  }
}

/** An object of this account (`Stripe-Account`, "" for the platform), or Stripe's 404 `resource_missing`. */
export function findIn<C extends Collection>(state: State, collection: C, id: string, account: string, param = "id"): State[C][string] {
  const obj = (state[collection] as Record<string, State[C][string]>)[id];
  if (!obj || (state.owners[id] ?? "") !== account) {
    throw new ApiError(404, { type: "invalid_request_error", code: "resource_missing", param, message: `No such ${String(collection).replace(/s$/, "").replace("_", " ")}: '${id}'` });
  }
  return obj;
}
