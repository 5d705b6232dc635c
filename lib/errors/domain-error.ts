import type { FieldErrors } from "@/lib/form-result";

/**
 * What the domain says when it refuses: a code, never an HTTP status. The
 * edge (lib/http/domain-error-response.ts) maps each code to a status and
 * a response body, or to form errors, in one place. `message` is shown to
 * the person as it is; `errors` names the fields.
 */
export type DomainErrorCode = "invalid" | "forbidden" | "not_found" | "conflict" | "expired" | "rate_limited" | "payment_failed" | "unavailable" | "internal";

/** Bad input: what is wrong, per field. */
export type Invalid = { ok: false; code: "invalid"; errors: FieldErrors };
export type NotFound = { ok: false; code: "not_found"; message: string };
export type Forbidden = { ok: false; code: "forbidden"; message: string };
/** The state of things refuses it (a time just taken). `reason` says which refusal; extra data rides along. */
export type Conflict<Reason extends string = string, Extra extends object = object> = { ok: false; code: "conflict"; reason: Reason; message: string } & Extra;
/** Too late: a hold ran out, a link expired. */
export type Expired = { ok: false; code: "expired"; message: string };
export type RateLimited = { ok: false; code: "rate_limited"; message: string; retryAfterSeconds: number };
/** A payment provider could not be reached or refused. */
export type PaymentFailed = { ok: false; code: "payment_failed"; message: string };
/** Something we depend on is down; try again later. */
export type Unavailable = { ok: false; code: "unavailable"; message: string };

/** It failed on our side; the caller may try again (Stripe retries a webhook). */
export type Internal = { ok: false; code: "internal"; message: string };

export type DomainError = Invalid | NotFound | Forbidden | Conflict | Expired | RateLimited | PaymentFailed | Unavailable | Internal;

export const invalid = (errors: FieldErrors): Invalid => ({ ok: false, code: "invalid", errors });
export const notFound = (message: string): NotFound => ({ ok: false, code: "not_found", message });
export const forbidden = (message: string): Forbidden => ({ ok: false, code: "forbidden", message });
export const expired = (message: string): Expired => ({ ok: false, code: "expired", message });
export const paymentFailed = (message: string): PaymentFailed => ({ ok: false, code: "payment_failed", message });
export const internal = (message: string): Internal => ({ ok: false, code: "internal", message });
export const unavailable = (message: string): Unavailable => ({ ok: false, code: "unavailable", message });
export const rateLimited = (message: string, retryAfterSeconds: number): RateLimited => ({ ok: false, code: "rate_limited", message, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
export function conflict<Reason extends string, Extra extends object = object>(reason: Reason, message: string, extra?: Extra): Conflict<Reason, Extra> {
  return { ok: false, code: "conflict", reason, message, ...(extra as Extra) };
}
