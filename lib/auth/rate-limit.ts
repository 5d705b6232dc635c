import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { logError } from "@/lib/db/pg-error";

/**
 * Sign-in email limits, counted in Postgres so every app instance shares
 * them: 3 per address per 15 minutes, 10 per IP address per minute.
 */
const byEmail = new RateLimiterDrizzle({
  storeClient: db,
  schema: rateLimits,
  keyPrefix: "signin-email",
  points: 3,
  duration: 15 * 60,
  clearExpiredByTimeout: false,
});
const byIp = new RateLimiterDrizzle({
  storeClient: db,
  schema: rateLimits,
  keyPrefix: "signin-ip",
  points: 10,
  duration: 60,
  clearExpiredByTimeout: false,
});

export type LimitVerdict = { allowed: true } | { allowed: false; reason: "limited"; retryAfterSeconds: number } | { allowed: false; reason: "unavailable" };

/** Fails closed: if the counters cannot be read, no email is sent. */
export async function consumeSignInAllowance(email: string, ip: string): Promise<LimitVerdict> {
  try {
    await byIp.consume(ip);
    await byEmail.consume(email);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, reason: "limited", retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    // Never drizzle's parameters: the counter keys hold the email address and IP.
    logError("auth", "rate limiter unavailable", rejection, "error");
    return { allowed: false, reason: "unavailable" };
  }
}
