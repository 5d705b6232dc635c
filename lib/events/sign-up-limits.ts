import { rateLimited, unavailable, type RateLimited, type Unavailable } from "@/lib/errors/domain-error";
import { consumeAll, limiter, minutesText } from "@/lib/http/limiter";
import { eventSignUpSchema } from "./event-schema";
import { signUp, type SignUpResult } from "./seats";

/**
 * A public sign-up writes client records, a registration or a waitlist place,
 * and emails: one script must not fill a practice's client list or its event's
 * waitlist, or mail strangers. Windows per IP, per practice and per first
 * typed address, shared by every instance in `rate_limits`, as booking and
 * buying have (decision 0015). Bad input spends no point: signUp answers it.
 */
export const SIGN_UP_LIMITS = {
  perIp: { points: 10, duration: 60 * 60 },
  perPractice: { points: 300, duration: 60 * 60 },
  perEmail: { points: 5, duration: 60 * 60 },
} as const;

const byIp = limiter("event-signup-ip", SIGN_UP_LIMITS.perIp);
const byPractice = limiter("event-signup-practice", SIGN_UP_LIMITS.perPractice);
const byEmail = limiter("event-signup-email", SIGN_UP_LIMITS.perEmail);

export async function signUpWithinLimits(input: { practiceId: string; eventId: string; values: unknown; ip: string; now: Date; userId?: string | null }): Promise<SignUpResult | RateLimited | Unavailable> {
  const parsed = eventSignUpSchema.safeParse(input.values);
  if (!parsed.success) return signUp(input.practiceId, input.eventId, input.values, input.now, { userId: input.userId ?? null });
  const window = await consumeAll(
    [
      [byIp, input.ip],
      [byPractice, input.practiceId],
      [byEmail, parsed.data.attendees[0]!.email],
    ],
    "events",
  );
  if (!window.ok) {
    if (window.reason === "unavailable") return unavailable("Signing up is unavailable right now. Please try again in a few minutes.");
    return rateLimited(`Too many sign-ups from here. Please try again in ${minutesText(window.retryAfterSeconds)}.`, window.retryAfterSeconds);
  }
  return signUp(input.practiceId, input.eventId, input.values, input.now, { userId: input.userId ?? null });
}
