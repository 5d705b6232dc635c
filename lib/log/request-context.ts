import { AsyncLocalStorage } from "node:async_hooks";

interface RequestContext {
  reqId: string;
}

// One store per process, even when Next loads this module in several bundles
// (instrumentation.ts, which opens the context, and each route, which logs in it).
const holder = globalThis as unknown as { __tandemRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (holder.__tandemRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** Runs `fn` (and everything it starts) as part of the request `reqId`: every log line inside carries it. */
export function runWithRequestId<T>(reqId: string, fn: () => T): T {
  return storage.run({ reqId }, fn);
}

/** The id of the request this code runs for, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.reqId;
}
