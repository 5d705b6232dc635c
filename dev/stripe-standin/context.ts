import type Stripe from "stripe";
import { findIn, type Collection, type State } from "./state";
import type { Event, EventObject } from "./types";

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
  event: Event;
  payload: string;
  signature: string;
}

/** What every resource module works on: one running stand-in's state, its address, its events. */
export interface StandInContext {
  readonly state: State;
  /** This run's `http://host:port` (set once it listens; pages and receipts link to it). */
  baseUrl: string;
  /** Saves the state soon (debounced), when a state path is set. */
  persist(): void;
  /** Records an event and delivers it as a signed webhook. */
  emit(type: Stripe.Event.Type, object: EventObject, account: string): void;
}

/** Marks `obj` as belonging to `account`. */
export function own<T extends { id: string }>(ctx: StandInContext, obj: T, account: string): T {
  ctx.state.owners[obj.id] = account;
  ctx.persist();
  return obj;
}

export function find<C extends Collection>(ctx: StandInContext, collection: C, id: string, account: string, param = "id"): State[C][string] {
  return findIn(ctx.state, collection, id, account, param);
}
