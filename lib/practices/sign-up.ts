import { consumeSignUpAllowance } from "@/lib/auth/rate-limit";
import { requestSignIn } from "@/lib/auth/request-sign-in";
import { forbidden, invalid, rateLimited, unavailable, type Forbidden, type Invalid, type RateLimited, type Unavailable } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { minutesText } from "@/lib/http/limiter";
import { createPractice, type SlugTaken } from "./create-practice";
import { newPracticeSchema } from "./sign-up-schema";

export const SIGN_UPS_CLOSED_MESSAGE = "This Tandem does not take new practices. If you work at a practice here, sign in instead.";

export type SignUpResult =
  /** Either way a sign-in link went to the address; the page says the same for both (no account discovery). */
  | { ok: true; status: "created" | "existing_owner"; email: string }
  | Invalid
  | SlugTaken
  | Forbidden
  | RateLimited
  | Unavailable;

export interface SignUpContext {
  ip: string;
  now: Date;
  /** lib/env's SIGNUPS, passed in by the action. */
  signups: "open" | "closed";
  /** Emails the Auth.js sign-in link that lands on `redirectTo` (a path). */
  sendLink: (email: string, redirectTo: string) => Promise<void>;
}

/**
 * "Start your practice": closed sign-ups refuse, bad input is named per field,
 * the sign-up limits apply, then createPractice. The owner proves the address
 * by the ordinary magic link (through requestSignIn, so the sign-in limits count
 * it too) and lands in the new workspace. An address that already owns a
 * practice gets a sign-in link instead of a second practice.
 */
export async function signUp(input: unknown, ctx: SignUpContext): Promise<SignUpResult> {
  if (ctx.signups === "closed") return forbidden(SIGN_UPS_CLOSED_MESSAGE);
  const parsed = newPracticeSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const allowance = await consumeSignUpAllowance(parsed.data.ownerEmail, ctx.ip);
  if (!allowance.allowed) {
    return allowance.reason === "limited"
      ? rateLimited(`Too many practices were started from here. Please wait ${minutesText(allowance.retryAfterSeconds)} and try again.`, allowance.retryAfterSeconds)
      : unavailable("Starting a practice is unavailable right now. Please try again in a few minutes.");
  }
  const created = await createPractice(parsed.data, { now: ctx.now, origin: "sign_up" });
  if (!created.ok) return created;
  const redirectTo = created.status === "created" ? `/clinic/${created.practice.slug}` : "/after-sign-in";
  const link = await requestSignIn({ email: created.owner.email, ip: ctx.ip }, (email) => ctx.sendLink(email, redirectTo));
  if (link.status === "limited") {
    return rateLimited(`Too many sign-in links were requested. Please wait ${minutesText(link.retryAfterSeconds)}, then sign in with ${created.owner.email}.`, link.retryAfterSeconds);
  }
  if (link.status === "unavailable") return unavailable("We could not send your sign-in link. Please sign in again in a few minutes.");
  return { ok: true, status: created.status, email: created.owner.email };
}
