import { createHash } from "node:crypto";
import { renderFeed } from "@/lib/calendar/feeds";

/**
 * A private calendar subscription (lib/calendar/feeds.ts). The address is the
 * credential: no session, no cookies. Unknown → 404, turned off → 410 (so
 * calendar apps stop asking), both as plain text that says what to do.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await renderFeed(token.replace(/\.ics$/i, ""), new Date());
  const headers = { "cache-control": "private, no-store", "x-robots-tag": "noindex, nofollow", "referrer-policy": "no-referrer" };
  if (result.kind !== "ok") {
    const text =
      result.kind === "revoked"
        ? "This calendar link was turned off. Make a new one in Tandem and subscribe to that."
        : "No calendar has this address. Check the link you copied from Tandem.";
    return new Response(text, { status: result.kind === "revoked" ? 410 : 404, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  }
  // The same sessions give the same bytes (DTSTAMP is the latest change), so a poll with the last ETag gets a 304.
  const etag = `"${createHash("sha256").update(result.body).digest("base64url").slice(0, 27)}"`;
  const ok = { ...headers, etag, "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="tandem.ics"' };
  if (request.headers.get("if-none-match")?.split(/\s*,\s*/).includes(etag)) return new Response(null, { status: 304, headers: ok });
  return new Response(result.body, { status: 200, headers: ok });
}

export const dynamic = "force-dynamic";
