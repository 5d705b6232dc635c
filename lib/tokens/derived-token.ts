import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import type { TokenPurpose } from "./signed-token";

/**
 * A token that names a database row and proves it was made by us: `<id>.<HMAC(id)>`,
 * with a key derived from AUTH_SECRET per purpose. Unlike signed tokens it
 * never expires; the row says whether it still works (a calendar feed's
 * `revoked_at`). The table keeps no secret, so a copy of the database alone
 * cannot open a feed, and the owner can be shown their link again.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

function signatureFor(purpose: TokenPurpose, id: string): Buffer {
  const key = createHmac("sha256", authSecret()).update(`tandem derived token v1:${purpose}`).digest();
  return createHmac("sha256", key).update(id).digest();
}

export function derivedToken(purpose: TokenPurpose, id: string): string {
  if (!UUID.test(id)) throw new Error("derivedToken: id must be a lower-case uuid");
  return `${id}.${signatureFor(purpose, id).toString("base64url")}`;
}

/** The row id a token names, or null when it is malformed or not ours. Constant-time on the signature. */
export function readDerivedToken(purpose: TokenPurpose, token: string): string | null {
  if (typeof token !== "string" || token.length > 100) return null;
  const [id, signature, extra] = token.split(".");
  if (extra !== undefined || !id || !signature || !UUID.test(id) || !SIGNATURE.test(signature)) return null;
  const given = Buffer.from(signature, "base64url");
  if (given.length !== 32 || given.toString("base64url") !== signature) return null;
  return timingSafeEqual(given, signatureFor(purpose, id)) ? id : null;
}
