import { and, eq, isNotNull, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { sessions, totpCredentials, webauthnCredentials } from "@/db/schema";

/** Whose second factor is being checked or changed: the person and their current session. */
export interface FactorSession {
  userId: string;
  email: string;
  sessionToken: string;
}

/** A confirmed authenticator app or at least one passkey. Recovery codes alone are not a factor. */
export async function hasSecondFactor(userId: string, tx: DbOrTx = db): Promise<boolean> {
  const [row] = await tx.execute<{ has: boolean }>(sql`
    select exists (select 1 from ${totpCredentials} where ${totpCredentials.userId} = ${userId} and ${totpCredentials.confirmedAt} is not null)
        or exists (select 1 from ${webauthnCredentials} where ${webauthnCredentials.userId} = ${userId}) as has`);
  return Boolean(row?.has);
}

/** When this session passed a second factor, or null (the magic link only). */
export async function sessionVerifiedAt(session: Pick<FactorSession, "userId" | "sessionToken">, tx: DbOrTx = db): Promise<Date | null> {
  const [row] = await tx
    .select({ at: sessions.secondFactorAt })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, session.sessionToken), eq(sessions.userId, session.userId), isNotNull(sessions.secondFactorAt)));
  return row?.at ?? null;
}

export async function markSessionVerified(session: Pick<FactorSession, "userId" | "sessionToken">, tx: DbOrTx = db): Promise<void> {
  await tx
    .update(sessions)
    .set({ secondFactorAt: new Date() })
    .where(and(eq(sessions.sessionToken, session.sessionToken), eq(sessions.userId, session.userId)));
}

export type GateVerdict = "pass" | "challenge" | "enrol";

/**
 * What a member's request to a practice's workspace needs first: nothing,
 * the second factor they have ("challenge"), or enrolling one because the
 * practice requires it ("enrol").
 */
export async function secondFactorGate(
  session: Pick<FactorSession, "userId" | "sessionToken">,
  practiceRequiresTwoFactor: boolean,
): Promise<GateVerdict> {
  const [row] = await db.execute<{ enrolled: boolean; verified: boolean }>(sql`
    select
      exists (select 1 from ${totpCredentials} where ${totpCredentials.userId} = ${session.userId} and ${totpCredentials.confirmedAt} is not null)
        or exists (select 1 from ${webauthnCredentials} where ${webauthnCredentials.userId} = ${session.userId}) as enrolled,
      exists (select 1 from ${sessions} where ${sessions.sessionToken} = ${session.sessionToken}
        and ${sessions.userId} = ${session.userId} and ${sessions.secondFactorAt} is not null) as verified`);
  if (row?.enrolled) return row.verified ? "pass" : "challenge";
  return practiceRequiresTwoFactor ? "enrol" : "pass";
}

/**
 * Changing factors (removing one, adding a passkey beside an app, new
 * recovery codes) needs a session that passed the factor the person has;
 * someone holding only their email cannot strip it. With no factor yet,
 * the magic link is enough to enrol the first one.
 */
export async function mayManageFactors(session: Pick<FactorSession, "userId" | "sessionToken">): Promise<boolean> {
  return (await secondFactorGate(session, false)) === "pass";
}
