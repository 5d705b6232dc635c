import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { consumeSignInAllowance } from "./rate-limit";

export type SignInRequestResult =
  | { status: "sent" }
  | { status: "limited"; retryAfterSeconds: number }
  | { status: "unavailable" };

/**
 * Decides whether to email a sign-in link. Unknown addresses get the same
 * answer as known ones (no account discovery), but no email.
 * `send` performs the Auth.js sign-in that creates the token and emails it.
 */
export async function requestSignIn(
  input: { email: string; ip: string },
  send: (email: string) => Promise<void>,
): Promise<SignInRequestResult> {
  const verdict = await consumeSignInAllowance(input.email, input.ip);
  if (!verdict.allowed) {
    return verdict.reason === "limited" ? { status: "limited", retryAfterSeconds: verdict.retryAfterSeconds } : { status: "unavailable" };
  }
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (user) await send(input.email);
  return { status: "sent" };
}
