import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { members, sessions, users } from "@/db/schema";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { env } from "@/lib/env";
import { randomToken } from "@/lib/tokens";
import { sessionCookieName } from "./cookies";
import { SESSION_POLICY } from "./session-policy";

/**
 * Development only: one-click sign-in as a seeded demo account. Creates an
 * ordinary Auth.js database session, so everything after it is the real path.
 * Returns the session cookie for the action to set (lib/ imports no next/*),
 * or null when the account is not a demo account or this is not development.
 */
export async function devSignIn(email: string): Promise<{ cookieName: string; token: string; expires: Date } | null> {
  if (env.NODE_ENV !== "development") return null;
  if (!DEMO_ACCOUNTS.some((a) => a.email === email)) return null;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) return null;
  const sessionToken = randomToken();
  const expires = new Date(Date.now() + SESSION_POLICY.staff.idleMs);
  await db.insert(sessions).values({ sessionToken, userId: user.id, expires });
  await db.update(members).set({ joinedAt: new Date() }).where(and(eq(members.userId, user.id), isNull(members.joinedAt)));
  return { cookieName: sessionCookieName(false), token: sessionToken, expires };
}
