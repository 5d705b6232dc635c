/** JSON responses for route handlers; never cached (slots and holds change by the second). */
export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
