import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Keys for second-factor data, derived from AUTH_SECRET with HKDF so one
 * configured secret covers them and each use gets its own key. Rotating
 * AUTH_SECRET therefore resets every authenticator app and recovery code
 * (members sign in with the link and enrol again), which the decision note
 * 0014 accepts.
 */
function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "tandem-two-factor", purpose, 32));
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
export function encryptTotpSecret(secret: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derive(secret, "totp-secret"), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptTotpSecret(secret: string, stored: string): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("unrecognised TOTP secret format");
  const decipher = createDecipheriv("aes-256-gcm", derive(secret, "totp-secret"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/**
 * A keyed hash (HMAC-SHA256) of a normalised recovery code. The codes carry
 * 50 random bits, so a keyed hash is as strong as a slow one here and lets
 * the database find a code by its hash; without the key a stolen table is
 * useless.
 */
export function hashRecoveryCode(secret: string, normalisedCode: string): string {
  return createHmac("sha256", derive(secret, "recovery-code")).update(normalisedCode).digest("base64url");
}
