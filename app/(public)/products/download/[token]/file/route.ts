import { downloadByToken } from "@/lib/products/download";

/**
 * One download through the emailed link (POST from its page, so a link
 * preview never takes a use). The token is the authority; a refusal goes back
 * to the page, which says why.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await downloadByToken(token, new Date());
  if (!result.ok) {
    const page = new URL(`/products/download/${encodeURIComponent(token)}${result.reason === "missing" ? "?missing=1" : ""}`, request.url);
    return Response.redirect(page, 303);
  }
  return new Response(new Uint8Array(result.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${result.filename.replace(/"/g, "")}"`,
      "content-length": String(result.bytes.length),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
