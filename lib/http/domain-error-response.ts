import type { DomainError, DomainErrorCode } from "@/lib/errors/domain-error";
import type { FieldErrors } from "@/lib/form-result";

/**
 * The one place a domain refusal (lib/errors/domain-error.ts) becomes HTTP.
 * Route handlers call `domainErrorResponse`; server actions and forms call
 * `domainFormErrors`. Nothing below app/ other than this folder knows a
 * status number.
 */
export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  expired: 410,
  rate_limited: 429,
  payment_failed: 502,
  unavailable: 503,
  internal: 500,
};

/**
 * The response for a refusal: `{ errors }` for bad input; for a rate limit
 * or an outage `{ code, message, retryAfterSeconds }` with Retry-After (the
 * page shows the message as it is); otherwise `{ message }`, or the `body`
 * the route gives (a conflict's alternatives). Never cached.
 */
export function domainErrorResponse(error: DomainError, body?: unknown): Response {
  const status = HTTP_STATUS[error.code];
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (error.code === "rate_limited" || error.code === "unavailable") {
    const retryAfterSeconds = error.code === "rate_limited" ? error.retryAfterSeconds : null;
    if (retryAfterSeconds) headers["retry-after"] = String(retryAfterSeconds);
    // "limited" is the code the booking page has always read.
    return Response.json({ code: error.code === "rate_limited" ? "limited" : "unavailable", message: error.message, retryAfterSeconds }, { status, headers });
  }
  const payload = body ?? (error.code === "invalid" ? { errors: error.errors } : { message: error.message });
  return Response.json(payload, { status, headers });
}

/** A refusal as a form's errors: the fields' own, or the message under `form`. */
export function domainFormErrors(error: DomainError): FieldErrors {
  return error.code === "invalid" ? error.errors : { form: [error.message] };
}
