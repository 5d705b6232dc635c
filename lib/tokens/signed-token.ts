import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/**
 * Signed, expiring tokens that need no password: the manage link in booking
 * emails, the booking flow's hold, the pay and pay-cancel links, the address
 * proof and the email-change links, the practice export's download (TOKEN_PURPOSES names every one).
 *
 * token = base64url(JSON payload) "." base64url(HMAC-SHA256(key(purpose), payload part))
 * payload = { p: purpose, e: expiry (epoch ms), d: data }
 *
 * The key is derived from AUTH_SECRET per purpose, so a token made for one
 * purpose fails the signature check for any other (a hold token can never
 * open a manage page); the payload's `p` is checked as well. Nothing secret
 * goes in the payload: it is signed, not encrypted, and ends up in URLs.
 */

/**
 * Every purpose a signed token is made for, in one list, so no two features
 * can pick the same name by accident (a test keeps them distinct).
 */
export const TOKEN_PURPOSES = {
  manage: "manage",
  hold: "hold",
  pay: "pay",
  payCancel: "pay-cancel",
  addressProof: "address-proof",
  emailChange: "email-change",
  practiceExport: "practice-export",
  /** A waitlist offer's accept link (lib/waitlist/accept-offer.ts), valid until the offer's hold ends. */
  waitlistOffer: "waitlist-offer",
  /** Not an expiring token: a calendar feed's address (lib/tokens/derived-token.ts), revoked in the database. */
  calendarFeed: "calendar-feed",
  /** Not an expiring token either: a workbook's download link (lib/products), its expiry and uses kept in product_grants. */
  productDownload: "product-download",
  /** Group events (decision 0055): a waitlist offer's accept link, and an attendee's own manage (cancel) link. */
  eventOffer: "event-offer",
  eventManage: "event-manage",
} as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[keyof typeof TOKEN_PURPOSES];

export type TokenFailure = "malformed" | "bad_signature" | "expired";
export type VerifyResult<T> = { ok: true; data: T; expiresAt: Date } | { ok: false; reason: TokenFailure };

/** Longest token accepted; anything longer is refused before any work. */
const MAX_TOKEN_LENGTH = 2048;
const SIGNATURE_BYTES = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const PURPOSE = /^[a-z][a-z0-9-]{0,31}$/;

function keyFor(purpose: string): Buffer {
  if (!PURPOSE.test(purpose)) throw new Error(`invalid token purpose: ${purpose}`);
  return createHmac("sha256", authSecret()).update(`tandem signed token v1:${purpose}`).digest();
}

function sign(purpose: string, payloadPart: string): Buffer {
  return createHmac("sha256", keyFor(purpose)).update(payloadPart).digest();
}

/** Signs `data` (any JSON value) for `purpose`, valid until `expiresAt`. */
export function signToken(purpose: string, data: unknown, expiresAt: Date): string {
  const e = expiresAt.getTime();
  if (!Number.isFinite(e)) throw new Error("signToken: invalid expiresAt");
  const payloadPart = Buffer.from(JSON.stringify({ p: purpose, e, d: data }), "utf8").toString("base64url");
  return `${payloadPart}.${sign(purpose, payloadPart).toString("base64url")}`;
}

/**
 * Checks shape, then signature (constant time), then purpose and expiry.
 * Expired means `now >= expiresAt`.
 */
export function verifyToken<T = unknown>(purpose: string, token: string, now: Date): VerifyResult<T> {
  if (typeof token !== "string" || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return fail("malformed");
  const parts = token.split(".");
  if (parts.length !== 2) return fail("malformed");
  const [payloadPart, signaturePart] = parts as [string, string];
  if (!BASE64URL.test(payloadPart) || !BASE64URL.test(signaturePart)) return fail("malformed");
  const given = Buffer.from(signaturePart, "base64url");
  // Canonical encoding only: no alternative spellings of one signature.
  if (given.length !== SIGNATURE_BYTES || given.toString("base64url") !== signaturePart) return fail("malformed");

  const expected = sign(purpose, payloadPart);
  if (!timingSafeEqual(given, expected)) return fail("bad_signature");

  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  } catch {
    return fail("malformed");
  }
  if (!isPayload(payload)) return fail("malformed");
  if (payload.p !== purpose) return fail("bad_signature");
  if (now.getTime() >= payload.e) return fail("expired");
  return { ok: true, data: payload.d as T, expiresAt: new Date(payload.e) };
}

function isPayload(value: unknown): value is { p: string; e: number; d: unknown } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.p === "string" && typeof v.e === "number" && Number.isFinite(v.e) && "d" in v;
}

function fail(reason: TokenFailure): { ok: false; reason: TokenFailure } {
  return { ok: false, reason };
}
