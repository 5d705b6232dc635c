/** JSON responses for route handlers; never cached (slots and holds change by the second). */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** A refusal by a rate limit: 429 with Retry-After, and a message the page shows as it is. */
export function limitedJson(result: { status: 429 | 503; code: string; message: string; retryAfterSeconds?: number }): Response {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (result.retryAfterSeconds) headers["retry-after"] = String(result.retryAfterSeconds);
  return Response.json({ code: result.code, message: result.message, retryAfterSeconds: result.retryAfterSeconds ?? null }, { status: result.status, headers });
}
