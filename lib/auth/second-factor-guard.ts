import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Practice } from "@/db/schema";
import { secondFactorGate, type FactorSession } from "@/lib/two-factor/session-factor";
import { SESSION_COOKIES } from "./cookies";
import type { CurrentUser } from "./current-user";

export const SECOND_FACTOR_PATH = "/sign-in/second-factor";
export const SECURITY_PATH = "/account/security";

/** The raw session token of this request (for marking the session verified). */
export const currentSessionToken = cache(async (): Promise<string | null> => {
  const store = await cookies();
  return SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean) ?? null;
});

/** The signed-in user as a `FactorSession`, or off to sign in. */
export async function factorSessionFor(user: CurrentUser): Promise<FactorSession> {
  const token = await currentSessionToken();
  if (!token) redirect("/sign-in");
  return { userId: user.id, email: user.email, sessionToken: token };
}

/** Where to go after the second factor: only a path inside the workspace or the security page. */
export function safeNextPath(next: string | undefined | null): string {
  if (next && /^\/(clinic\/[a-z0-9-]+|account\/security)(\/[A-Za-z0-9/_-]*)?$/.test(next)) return next;
  return "/after-sign-in";
}

const gateFor = cache(async (userId: string, sessionToken: string, requires: boolean) => secondFactorGate({ userId, sessionToken }, requires));

/**
 * The clinic workspace's second-factor check, called by requireMember. A
 * session that has only the magic link is sent to the code page (pages) or
 * refused by the same redirect (server actions and route handlers then do
 * nothing and answer with the redirect); a member of a practice that
 * requires a factor and has none is sent to enrol.
 */
export async function enforceSecondFactor(user: CurrentUser, practice: Pick<Practice, "slug" | "requireTwoFactor">): Promise<void> {
  const session = await factorSessionFor(user);
  const verdict = await gateFor(session.userId, session.sessionToken, practice.requireTwoFactor);
  if (verdict === "challenge") redirect(`${SECOND_FACTOR_PATH}?next=${encodeURIComponent(`/clinic/${practice.slug}`)}`);
  if (verdict === "enrol") redirect(`${SECURITY_PATH}?required=${encodeURIComponent(practice.slug)}`);
}
