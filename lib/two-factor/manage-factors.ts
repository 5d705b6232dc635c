import { and, asc, count, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import { db, type DbOrTx } from "@/db/client";
import { recoveryCodes, totpCredentials, webauthnCredentials } from "@/db/schema";
import { authSecret } from "@/lib/auth/secret";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { clearCodeAttempts, consumeCodeAttempt, tooManyAttemptsMessage } from "./attempt-limit";
import { decryptTotpSecret, encryptTotpSecret, hashRecoveryCode } from "./keys";
import { generateRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes";
import { hasSecondFactor, markSessionVerified, mayManageFactors, type FactorSession } from "./session-factor";
import { checkTotpCode, formatSecretForManualEntry, newTotpSecret, totpUri } from "./totp";
import { WRONG_CODE_MESSAGE, removePasskeySchema, totpCodeSchema } from "./two-factor-schema";

/** An enrolment left unconfirmed this long is started again with a new secret. */
const PENDING_TOTP_MINUTES = 30;

export type FactorResult<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

export interface FactorSummary {
  totp: { confirmedAt: Date } | null;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
}

/** What the member's security page lists. */
export async function factorSummary(userId: string): Promise<FactorSummary> {
  const [[totp], passkeys, [codes]] = await Promise.all([
    db.select({ confirmedAt: totpCredentials.confirmedAt }).from(totpCredentials).where(eq(totpCredentials.userId, userId)),
    db
      .select({ id: webauthnCredentials.id, name: webauthnCredentials.name, createdAt: webauthnCredentials.createdAt, lastUsedAt: webauthnCredentials.lastUsedAt })
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.userId, userId))
      .orderBy(asc(webauthnCredentials.createdAt)),
    db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  ]);
  return { totp: totp?.confirmedAt ? { confirmedAt: totp.confirmedAt } : null, passkeys, recoveryCodesLeft: codes?.n ?? 0 };
}

export interface TotpEnrolment {
  /** Base32, for apps that cannot scan. */
  secret: string;
  secretForDisplay: string;
  uri: string;
  /** The otpauth URI as an SVG QR code (generated here, no script). */
  qrSvg: string;
}

async function enrolmentView(secret: string, email: string): Promise<TotpEnrolment> {
  const uri = totpUri(secret, email);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, secretForDisplay: formatSecretForManualEntry(secret), uri, qrSvg };
}

/** The enrolment in progress (QR and secret), if one was started recently and not confirmed. */
export async function pendingTotpEnrolment(session: FactorSession): Promise<TotpEnrolment | null> {
  const [row] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, session.userId));
  if (!row || row.confirmedAt) return null;
  if (Date.now() - row.createdAt.getTime() > PENDING_TOTP_MINUTES * 60_000) return null;
  return enrolmentView(decryptTotpSecret(authSecret(), row.secretEncrypted), session.email);
}

/** Starts (or restarts) enrolling an authenticator app: a fresh secret, not yet usable. */
export async function startTotpEnrolment(session: FactorSession): Promise<FactorResult<{ enrolment: TotpEnrolment }>> {
  if (!(await mayManageFactors(session))) return fieldError("form", "Confirm it's you with your second factor first");
  const secret = newTotpSecret();
  const secretEncrypted = encryptTotpSecret(authSecret(), secret);
  const [row] = await db
    .insert(totpCredentials)
    .values({ userId: session.userId, secretEncrypted })
    .onConflictDoUpdate({
      target: totpCredentials.userId,
      set: { secretEncrypted, createdAt: new Date(), lastTimeStep: null },
      // An app already confirmed is never replaced this way: remove it first.
      setWhere: isNull(totpCredentials.confirmedAt),
    })
    .returning({ userId: totpCredentials.userId });
  if (!row) return fieldError("form", "An authenticator app is already set up. Remove it before adding another.");
  return { ok: true, enrolment: await enrolmentView(secret, session.email) };
}

/**
 * Confirms an enrolment with its first code. The session that proved the
 * code counts as verified; recovery codes are created if the person has
 * none yet and returned once (only their hashes are kept).
 */
export async function confirmTotpEnrolment(
  session: FactorSession,
  input: unknown,
): Promise<FactorResult<{ recoveryCodes: string[] | null }>> {
  const parsed = totpCodeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const [pending] = await db.select().from(totpCredentials).where(eq(totpCredentials.userId, session.userId));
  if (!pending || pending.confirmedAt) return fieldError("code", "Start setting up the authenticator app again");
  const attempt = await consumeCodeAttempt(session.userId);
  if (!attempt.allowed) return fieldError("code", tooManyAttemptsMessage(attempt.retryAfterSeconds));
  const check = await checkTotpCode(decryptTotpSecret(authSecret(), pending.secretEncrypted), parsed.data.code, null);
  if (!check.valid) return fieldError("code", WRONG_CODE_MESSAGE);
  const codes = await db.transaction(async (tx) => {
    const [confirmed] = await tx
      .update(totpCredentials)
      .set({ confirmedAt: new Date(), lastTimeStep: check.timeStep })
      .where(and(eq(totpCredentials.userId, session.userId), isNull(totpCredentials.confirmedAt), eq(totpCredentials.secretEncrypted, pending.secretEncrypted)))
      .returning({ userId: totpCredentials.userId });
    if (!confirmed) return undefined;
    await markSessionVerified(session, tx);
    return (await unusedRecoveryCodes(session.userId, tx)) === 0 ? replaceRecoveryCodes(session.userId, tx) : null;
  });
  if (codes === undefined) return fieldError("code", "Start setting up the authenticator app again");
  await clearCodeAttempts(session.userId);
  return { ok: true, recoveryCodes: codes };
}

async function unusedRecoveryCodes(userId: string, tx: DbOrTx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** A new set of recovery codes; every earlier code stops working. Returns the codes in clear, once. */
export async function replaceRecoveryCodes(userId: string, tx: DbOrTx = db): Promise<string[]> {
  const codes = generateRecoveryCodes();
  const secret = authSecret();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(secret, normaliseRecoveryCode(c)) })));
  return codes;
}

export async function regenerateRecoveryCodes(session: FactorSession): Promise<FactorResult<{ recoveryCodes: string[] }>> {
  if (!(await hasSecondFactor(session.userId))) return fieldError("form", "Set up an authenticator app or a passkey first");
  if (!(await mayManageFactors(session))) return fieldError("form", "Confirm it's you with your second factor first");
  return { ok: true, recoveryCodes: await db.transaction((tx) => replaceRecoveryCodes(session.userId, tx)) };
}

/** With no factor left, recovery codes would be a factor of their own: they go too. */
async function dropRecoveryCodesIfNoFactor(userId: string, tx: DbOrTx): Promise<void> {
  if (!(await hasSecondFactor(userId, tx))) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

export async function removeTotp(session: FactorSession): Promise<FactorResult> {
  if (!(await mayManageFactors(session))) return fieldError("form", "Confirm it's you with your second factor first");
  await db.transaction(async (tx) => {
    await tx.delete(totpCredentials).where(eq(totpCredentials.userId, session.userId));
    await dropRecoveryCodesIfNoFactor(session.userId, tx);
  });
  return { ok: true };
}

export async function removePasskey(session: FactorSession, input: unknown): Promise<FactorResult> {
  const parsed = removePasskeySchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  if (!(await mayManageFactors(session))) return fieldError("form", "Confirm it's you with your second factor first");
  const removed = await db.transaction(async (tx) => {
    const rows = await tx
      .delete(webauthnCredentials)
      .where(and(eq(webauthnCredentials.id, parsed.data.passkeyId), eq(webauthnCredentials.userId, session.userId)))
      .returning({ id: webauthnCredentials.id });
    await dropRecoveryCodesIfNoFactor(session.userId, tx);
    return rows.length;
  });
  if (!removed) return fieldError("passkeyId", "That passkey is not on your account");
  return { ok: true };
}
