import type { NextRequest } from "next/server";
import { loadBrandBySlug } from "@/lib/brand/load-brand";
import { currentLogo } from "@/lib/brand/save-brand";

/**
 * Public: a practice's current logo (it is on the practice's booking page and
 * in its emails, which open outside any session). Only the logo the brand
 * points at is served, never another stored object. The address carries the
 * logo's version (?v=), so a response may be cached for a year: a new logo
 * gets a new address. A stale version answers the current logo without the
 * long cache, so old emails still show one.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const brand = await loadBrandBySlug((await params).slug);
  const logo = brand?.logoPath ? await currentLogo(brand.practiceId) : null;
  if (!brand?.logoPath || !logo) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const current = new URL(brand.logoPath, request.nextUrl.origin).searchParams.get("v") === request.nextUrl.searchParams.get("v");
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "Content-Type": logo.contentType,
      "Content-Length": String(logo.bytes.length),
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=300",
      // Never read as anything but the image type it was checked to be.
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
