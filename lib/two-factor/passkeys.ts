import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { webauthnChallenges, webauthnCredentials } from "@/db/schema";
import { env } from "@/lib/env";
import { fieldError, zodFieldErrors } from "@/lib/form-result";
import { replaceRecoveryCodes, type FactorResult } from "./manage-factors";
import { hasSecondFactor, markSessionVerified, mayManageFactors, type FactorSession } from "./session-factor";
import { passkeyNameSchema } from "./two-factor-schema";

const CHALLENGE_MINUTES = 5;

/**
 * The relying party is the configured public origin (APP_URL), never a
 * request header: a passkey made for this site only works on this site.
 */
export function relyingParty(appUrl: string = env.APP_URL): { rpID: string; origin: string; rpName: string } {
  const url = new URL(appUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: "Tandem" };
}

type Purpose = "registration" | "authentication";

async function storeChallenge(sessionToken: string, purpose: Purpose, challenge: string): Promise<void> {
  const expiresAt = new Date(Date.now() + CHALLENGE_MINUTES * 60_000);
  await db
    .insert(webauthnChallenges)
    .values({ sessionToken, purpose, challenge, expiresAt })
    .onConflictDoUpdate({ target: [webauthnChallenges.sessionToken, webauthnChallenges.purpose], set: { challenge, expiresAt } });
}

/** The session's live challenge for `purpose`, removed as it is read: a challenge is answered once. */
async function takeChallenge(sessionToken: string, purpose: Purpose): Promise<string | null> {
  const [row] = await db
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.sessionToken, sessionToken), eq(webauthnChallenges.purpose, purpose)))
    .returning({ challenge: webauthnChallenges.challenge, expiresAt: webauthnChallenges.expiresAt });
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  return row.challenge;
}

async function credentialsOf(userId: string) {
  return db.select().from(webauthnCredentials).where(eq(webauthnCredentials.userId, userId));
}

export async function passkeyRegistrationOptions(
  session: FactorSession,
  displayName: string | null,
): Promise<FactorResult<{ options: PublicKeyCredentialCreationOptionsJSON }>> {
  if (!(await mayManageFactors(session))) return fieldError("form", "Confirm it's you with your second factor first");
  const { rpID, rpName } = relyingParty();
  const existing = await credentialsOf(session.userId);
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: session.email,
    userDisplayName: displayName ?? session.email,
    userID: new TextEncoder().encode(session.userId),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.id, transports: c.transports })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storeChallenge(session.sessionToken, "registration", options.challenge);
  return { ok: true, options };
}

/**
 * Verifies the browser's answer and keeps the new passkey. The first
 * factor a person adds also gets them recovery codes (returned once).
 */
export async function registerPasskey(
  session: FactorSession,
  input: { name: unknown; response: RegistrationResponseJSON },
): Promise<FactorResult<{ recoveryCodes: string[] | null }>> {
  const parsed = passkeyNameSchema.safeParse({ name: input.name });
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  if (!(await mayManageFactors(session))) return fieldError("form", "Confirm it's you with your second factor first");
  const expectedChallenge = await takeChallenge(session.sessionToken, "registration");
  if (!expectedChallenge) return fieldError("form", "That took too long. Try adding the passkey again.");
  const { rpID, origin } = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({ response: input.response, expectedChallenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: false });
  } catch {
    return fieldError("form", "This passkey could not be verified. Try again.");
  }
  if (!verification.verified) return fieldError("form", "This passkey could not be verified. Try again.");
  const { credential } = verification.registrationInfo;
  const hadFactor = await hasSecondFactor(session.userId);
  const codes = await db.transaction(async (tx) => {
    await tx.insert(webauthnCredentials).values({
      id: credential.id,
      userId: session.userId,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name: parsed.data.name,
    });
    await markSessionVerified(session, tx);
    return hadFactor ? null : replaceRecoveryCodes(session.userId, tx);
  });
  return { ok: true, recoveryCodes: codes };
}

export async function passkeyAuthenticationOptions(
  session: FactorSession,
): Promise<FactorResult<{ options: PublicKeyCredentialRequestOptionsJSON }>> {
  const existing = await credentialsOf(session.userId);
  if (existing.length === 0) return fieldError("form", "No passkey is set up for this account");
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: existing.map((c) => ({ id: c.id, transports: c.transports })),
    userVerification: "preferred",
  });
  await storeChallenge(session.sessionToken, "authentication", options.challenge);
  return { ok: true, options };
}

/** Signing in with a passkey: the signature must come from one of this person's own passkeys. */
export async function verifyPasskeyForSession(session: FactorSession, response: AuthenticationResponseJSON): Promise<FactorResult> {
  const expectedChallenge = await takeChallenge(session.sessionToken, "authentication");
  if (!expectedChallenge) return fieldError("form", "That took too long. Try your passkey again.");
  const [credential] = await db
    .select()
    .from(webauthnCredentials)
    .where(and(eq(webauthnCredentials.id, String(response?.id ?? "")), eq(webauthnCredentials.userId, session.userId)));
  if (!credential) return fieldError("form", "That passkey is not set up for this account");
  const { rpID, origin } = relyingParty();
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: credential.id, publicKey: Buffer.from(credential.publicKey, "base64url"), counter: credential.counter, transports: credential.transports },
      requireUserVerification: false,
    });
  } catch {
    return fieldError("form", "Your passkey could not be verified. Try again.");
  }
  if (!verification.verified) return fieldError("form", "Your passkey could not be verified. Try again.");
  const newCounter = verification.authenticationInfo.newCounter;
  await db.transaction(async (tx) => {
    await tx
      .update(webauthnCredentials)
      .set({ counter: sql`greatest(${webauthnCredentials.counter}, ${newCounter})`, lastUsedAt: new Date() })
      .where(eq(webauthnCredentials.id, credential.id));
    await markSessionVerified(session, tx);
  });
  return { ok: true };
}

