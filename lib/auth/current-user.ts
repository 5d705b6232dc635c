import { eq, sql as rawSql } from "drizzle-orm";
import { cookies } from "next/headers";
import { cache } from "react";
import { db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { SESSION_COOKIES } from "./cookies";
import { evaluateSession } from "./session-policy";

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  isStaff: boolean;
}

/**
 * The signed-in user for this request, with the idle and absolute session
 * limits applied (an expired session is deleted). Memoised per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const store = await cookies();
  const token = SESSION_COOKIES.map((name) => store.get(name)?.value).find(Boolean);
  if (!token) return null;
  return resolveSession(token, new Date());
});

export async function resolveSession(token: string, now: Date): Promise<CurrentUser | null> {
  const [row] = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expires: sessions.expires,
      id: users.id,
      email: users.email,
      name: users.name,
      isStaff: rawSql<boolean>`exists (select 1 from members m where m.user_id = ${users.id} and m.joined_at is not null)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.sessionToken, token));
  if (!row) return null;
  const verdict = evaluateSession(row, row.isStaff ? "staff" : "client", now);
  if (!verdict.valid) {
    await db.delete(sessions).where(eq(sessions.sessionToken, token));
    return null;
  }
  if (verdict.touch) {
    await db.update(sessions).set({ lastSeenAt: now, expires: verdict.expires }).where(eq(sessions.sessionToken, token));
  }
  return { id: row.id, email: row.email, name: row.name, isStaff: row.isStaff };
}
