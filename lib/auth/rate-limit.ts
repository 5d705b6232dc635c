import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Sign-in email limits, counted in Postgres so every app instance shares
 * them. Keyed so that nobody can lock a named person out from elsewhere:
 *
 * - per IP: 10 per minute (one address spraying links at many people);
 * - per address and IP together: 3 per 15 minutes (the old per-address limit,
 *   now only against the requester's own pair, so an attacker's requests for a
 *   clinician's address do not count against the clinician's own IP);
 * - per address: 20 per hour, a generous cap against mail-bombing one inbox
 *   from many IPs. One IP can never reach it alone: its pair counter lets
 *   through at most 3 per 15-minute window, i.e. at most 15 in any hour.
 *
 * Counters are consumed in that order and only while the previous one passed,
 * so requests refused by a tighter limit never eat into the shared cap.
 */
export const SIGN_IN_LIMITS = {
  perIp: { points: 10, duration: 60 },
  perAddressAndIp: { points: 3, duration: 15 * 60 },
  perAddress: { points: 20, duration: 60 * 60 },
} as const;

function limiter(keyPrefix: string, limit: { points: number; duration: number }) {
  return new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix, ...limit, clearExpiredByTimeout: false });
}

const byIp = limiter("signin-ip", SIGN_IN_LIMITS.perIp);
const byPair = limiter("signin-email-ip", SIGN_IN_LIMITS.perAddressAndIp);
const byEmail = limiter("signin-email", SIGN_IN_LIMITS.perAddress);

export type LimitVerdict = { allowed: true } | { allowed: false; reason: "limited"; retryAfterSeconds: number } | { allowed: false; reason: "unavailable" };

/** Fails closed: if the counters cannot be read, no email is sent. */
export async function consumeSignInAllowance(email: string, ip: string): Promise<LimitVerdict> {
  try {
    await byIp.consume(ip);
    await byPair.consume(`${email}|${ip}`);
    await byEmail.consume(email);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { allowed: false, reason: "limited", retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    // The driver's error, not drizzle's wrapper: its message lists the query
    // parameters, i.e. the counter keys holding the email address and IP.
    const cause = rejection instanceof Error && rejection.cause instanceof Error ? rejection.cause : rejection;
    console.error(`[auth] rate limiter unavailable: ${cause instanceof Error ? cause.message : "unknown error"}`);
    return { allowed: false, reason: "unavailable" };
  }
}
