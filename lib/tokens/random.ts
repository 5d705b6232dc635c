import { createHash, randomBytes } from "node:crypto";

/**
 * Unguessable values and the hashes that stand in for them: session tokens,
 * generated secrets, idempotency keys that must not carry a secret.
 */

/** 32 random bytes (256 bits) by default, as hex (Auth.js session tokens) or base64url (secrets). */
export function randomToken(bytes = 32, encoding: "hex" | "base64url" = "hex"): string {
  return randomBytes(bytes).toString(encoding);
}

/** SHA-256 of a text as hex: a key that names a token without storing the token. */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
