import { consumeAll, limiter, minutesText } from "@/lib/http/limiter";
import { rateLimited, unavailable, type RateLimited, type Unavailable } from "@/lib/errors/domain-error";
import { buyProductSchema } from "./schemas";
import { buyProduct, type BuyResult } from "./buy";

/**
 * Each public purchase writes a client record and opens a checkout, so one
 * script must not fill a practice's client list or mail anyone: windows per
 * IP, per practice and per typed address (shared by every instance in
 * `rate_limits`), as the booking endpoints have (decision 0015).
 */
export const BUY_LIMITS = {
  perIp: { points: 10, duration: 60 * 60 },
  perPractice: { points: 200, duration: 60 * 60 },
  perEmail: { points: 5, duration: 60 * 60 },
} as const;

const byIp = limiter("product-buy-ip", BUY_LIMITS.perIp);
const byPractice = limiter("product-buy-practice", BUY_LIMITS.perPractice);
const byEmail = limiter("product-buy-email", BUY_LIMITS.perEmail);

/** buyProduct within the limits; bad input is answered by buyProduct without spending a point. */
export async function buyProductWithinLimits(input: Parameters<typeof buyProduct>[0] & { ip: string }): Promise<BuyResult | RateLimited | Unavailable> {
  const parsed = buyProductSchema.safeParse(input.values);
  if (!parsed.success) return buyProduct(input);
  const window = await consumeAll(
    [
      [byIp, input.ip],
      [byPractice, input.practiceId],
      [byEmail, parsed.data.email],
    ],
    "products",
  );
  if (!window.ok) {
    if (window.reason === "unavailable") return unavailable("Buying is unavailable right now. Please try again in a few minutes.");
    return rateLimited(`Too many purchases from here. Please try again in ${minutesText(window.retryAfterSeconds)}.`, window.retryAfterSeconds);
  }
  return buyProduct(input);
}
