import { and, eq, isNotNull, isNull, or, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { recoveryCodes, totpCredentials } from "@/db/schema";
import { authSecret } from "@/lib/auth/secret";
import { fieldError, zodFieldErrors } from "@/lib/form-result";
import { clearCodeAttempts, consumeCodeAttempt, tooManyAttemptsMessage } from "./attempt-limit";
import { decryptTotpSecret, hashRecoveryCode } from "./keys";
import type { FactorResult } from "./manage-factors";
import { normaliseRecoveryCode } from "./recovery-codes";
import { markSessionVerified, type FactorSession } from "./session-factor";
import { checkTotpCode } from "./totp";
import { WRONG_CODE_MESSAGE, recoveryCodeSchema, totpCodeSchema } from "./two-factor-schema";

/**
 * The second step of signing in with an authenticator app: a correct,
 * unused code marks this session verified. Every attempt counts against
 * the limit, so a code cannot be guessed.
 */
export async function verifyTotpForSession(session: FactorSession, input: unknown): Promise<FactorResult> {
  const parsed = totpCodeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const [credential] = await db
    .select()
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, session.userId), isNotNull(totpCredentials.confirmedAt)));
  if (!credential) return fieldError("code", "No authenticator app is set up for this account");
  const attempt = await consumeCodeAttempt(session.userId);
  if (!attempt.allowed) return fieldError("code", tooManyAttemptsMessage(attempt.retryAfterSeconds));
  const check = await checkTotpCode(decryptTotpSecret(authSecret(), credential.secretEncrypted), parsed.data.code, credential.lastTimeStep);
  if (!check.valid) return fieldError("code", WRONG_CODE_MESSAGE);
  const accepted = await db.transaction(async (tx) => {
    // Moving the step forward only if no one else did: two tabs sending the
    // same code at once get one success between them.
    const [row] = await tx
      .update(totpCredentials)
      .set({ lastTimeStep: check.timeStep })
      .where(
        and(
          eq(totpCredentials.userId, session.userId),
          or(isNull(totpCredentials.lastTimeStep), lt(totpCredentials.lastTimeStep, check.timeStep)),
        ),
      )
      .returning({ userId: totpCredentials.userId });
    if (!row) return false;
    await markSessionVerified(session, tx);
    return true;
  });
  if (!accepted) return fieldError("code", WRONG_CODE_MESSAGE);
  await clearCodeAttempts(session.userId);
  return { ok: true };
}

/** A recovery code instead of the app: each works once. */
export async function verifyRecoveryCodeForSession(session: FactorSession, input: unknown): Promise<FactorResult<{ codesLeft: number }>> {
  const parsed = recoveryCodeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const attempt = await consumeCodeAttempt(session.userId);
  if (!attempt.allowed) return fieldError("recoveryCode", tooManyAttemptsMessage(attempt.retryAfterSeconds));
  const codeHash = hashRecoveryCode(authSecret(), normaliseRecoveryCode(parsed.data.recoveryCode));
  const codesLeft = await db.transaction(async (tx) => {
    const [used] = await tx
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, session.userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (!used) return null;
    await markSessionVerified(session, tx);
    const [left] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, session.userId), isNull(recoveryCodes.usedAt)));
    return left?.n ?? 0;
  });
  if (codesLeft === null) return fieldError("recoveryCode", "That recovery code didn't match, or it was already used");
  await clearCodeAttempts(session.userId);
  return { ok: true, codesLeft };
}
