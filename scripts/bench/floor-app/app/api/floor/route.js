// The floor for a route handler: per request, a small JSON body, no data.
export const dynamic = "force-dynamic";

export function GET() {
  const now = Date.now();
  const slots = Array.from({ length: 20 }, (_, i) => ({ start: new Date(now + i * 900_000).toISOString(), n: i }));
  return Response.json({ ok: true, slots }, { headers: { "cache-control": "no-store" } });
}
