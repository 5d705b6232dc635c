import { TOKEN_PURPOSES, signToken, verifyToken, type TokenFailure } from "@/lib/tokens";
import { env } from "@/lib/env";

/**
 * The "confirm it's you" link in a booking confirmation: proves that whoever
 * typed an address on the public booking page can read its mail. Signed with
 * its own purpose (a manage or hold token never passes), it names the
 * unverified client record and the address it was sent to. It is single-use
 * by the record's state: once proven, the record is verified or merged away,
 * and the link only says so.
 */
export const PROOF_PURPOSE = TOKEN_PURPOSES.addressProof;

/** Long enough to open the email on another day; short, since it stands for an inbox. */
export const PROOF_LINK_DAYS = 7;

export function proofLinkExpiry(now: Date): Date {
  return new Date(now.getTime() + PROOF_LINK_DAYS * 86_400_000);
}

export function createProofToken(input: { clientId: string; email: string; expiresAt: Date }): string {
  return signToken(PROOF_PURPOSE, { c: input.clientId, e: input.email }, input.expiresAt);
}

export function proofUrl(input: { clientId: string; email: string; now: Date }): string {
  const token = createProofToken({ clientId: input.clientId, email: input.email, expiresAt: proofLinkExpiry(input.now) });
  return `${env.APP_URL.replace(/\/+$/, "")}/confirm-email/${token}`;
}

export type ProofTokenResult = { ok: true; clientId: string; email: string } | { ok: false; reason: TokenFailure };

export function verifyProofToken(token: string, now: Date): ProofTokenResult {
  const result = verifyToken<{ c?: unknown; e?: unknown }>(PROOF_PURPOSE, token, now);
  if (!result.ok) return result;
  const { c, e } = result.data ?? {};
  if (typeof c !== "string" || typeof e !== "string" || !c || !e) return { ok: false, reason: "malformed" };
  return { ok: true, clientId: c, email: e };
}
