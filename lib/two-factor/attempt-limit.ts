import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Second-factor code attempts (authenticator codes and recovery codes
 * together): 5 per person per 15 minutes, counted in Postgres so every app
 * instance shares them. Five guesses at a 6-digit code (three steps
 * accepted) succeed about once in 67,000 windows.
 */
export const CODE_ATTEMPTS = 5;
const WINDOW_SECONDS = 15 * 60;

const limiter = new RateLimiterDrizzle({
  storeClient: db,
  schema: rateLimits,
  keyPrefix: "second-factor",
  points: CODE_ATTEMPTS,
  duration: WINDOW_SECONDS,
  clearExpiredByTimeout: false,
});

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt; fails closed when the counters cannot be read. */
export async function consumeCodeAttempt(userId: string): Promise<AttemptVerdict> {
  try {
    await limiter.consume(userId);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    const cause = rejection instanceof Error && rejection.cause instanceof Error ? rejection.cause : rejection;
    console.error(`[two-factor] rate limiter unavailable: ${cause instanceof Error ? cause.message : "unknown error"}`);
    return { allowed: false, retryAfterSeconds: 60 };
  }
}

/** A correct code clears the count, so honest typos do not pile up. */
export async function clearCodeAttempts(userId: string): Promise<void> {
  await limiter.delete(userId);
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many codes were tried. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
