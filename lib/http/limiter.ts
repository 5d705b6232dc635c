import { logError } from "@/lib/db/pg-error";
import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/db/client";
import { rateLimits } from "@/db/schema";

/** A fixed-window counter in the shared `rate_limits` table (every instance sees the same counts). */
export function limiter(keyPrefix: string, limit: { points: number; duration: number }) {
  // Expired rows are deleted by the limits-sweep job, not by a timer in each instance.
  return new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix, ...limit, clearExpiredByTimeout: false });
}

export type Consumed =
  | { ok: true }
  | { ok: false; reason: "limited"; retryAfterSeconds: number; /** the spent counter's keyPrefix */ counter: string }
  | { ok: false; reason: "unavailable" };

/**
 * Takes one point from each counter in order, stopping at the first that is
 * spent (so a refused request never eats into the later, wider counters).
 * Fails closed: if the counters cannot be read, the answer is "unavailable".
 */
export async function consumeAll(counters: [RateLimiterDrizzle, string][], logTag: string): Promise<Consumed> {
  let current = "";
  try {
    for (const [counter, key] of counters) {
      current = counter.keyPrefix;
      await counter.consume(key);
    }
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { ok: false, reason: "limited", retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), counter: current };
    }
    // Never drizzle's parameters: the counter keys hold email addresses and IPs.
    logError(logTag, "rate limiter unavailable", rejection, "error");
    return { ok: false, reason: "unavailable" };
  }
}

/** "3 minutes" / "1 minute", for messages people read. */
export function minutesText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
