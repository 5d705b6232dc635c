import { consumeAll, limiter } from "@/lib/http/limiter";

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

const byIp = limiter("signin-ip", SIGN_IN_LIMITS.perIp);
const byPair = limiter("signin-email-ip", SIGN_IN_LIMITS.perAddressAndIp);
const byEmail = limiter("signin-email", SIGN_IN_LIMITS.perAddress);

export type LimitVerdict = { allowed: true } | { allowed: false; reason: "limited"; retryAfterSeconds: number } | { allowed: false; reason: "unavailable" };

/** Fails closed: if the counters cannot be read, no email is sent. */
export async function consumeSignInAllowance(email: string, ip: string): Promise<LimitVerdict> {
  const result = await consumeAll(
    [
      [byIp, ip],
      [byPair, `${email}|${ip}`],
      [byEmail, email],
    ],
    "auth",
  );
  if (result.ok) return { allowed: true };
  return result.reason === "limited" ? { allowed: false, reason: "limited", retryAfterSeconds: result.retryAfterSeconds } : { allowed: false, reason: "unavailable" };
}

/**
 * Sign-up limits ("Start your practice"), before any practice is written:
 * per IP 5 an hour, per address 5 a day. A person correcting a taken web
 * address stays well inside them; someone reserving names in bulk does not.
 * The sign-in link that follows is counted by the sign-in limits as well.
 */
export const SIGN_UP_LIMITS = {
  perIp: { points: 5, duration: 60 * 60 },
  perAddress: { points: 5, duration: 24 * 60 * 60 },
} as const;

const signUpByIp = limiter("signup-ip", SIGN_UP_LIMITS.perIp);
const signUpByEmail = limiter("signup-email", SIGN_UP_LIMITS.perAddress);

/** Fails closed, like the sign-in limits. */
export async function consumeSignUpAllowance(email: string, ip: string): Promise<LimitVerdict> {
  const result = await consumeAll(
    [
      [signUpByIp, ip],
      [signUpByEmail, email],
    ],
    "signup",
  );
  if (result.ok) return { allowed: true };
  return result.reason === "limited" ? { allowed: false, reason: "limited", retryAfterSeconds: result.retryAfterSeconds } : { allowed: false, reason: "unavailable" };
}
