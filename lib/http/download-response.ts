import { Readable } from "node:stream";

/**
 * A file download streamed from a Node stream (an export ZIP): never
 * buffered whole, never cached, saved under `fileName`. When the reader
 * goes away the web stream is cancelled, which destroys `stream` and so
 * ends whatever feeds it (the export's snapshot transaction).
 */
export function downloadResponse(stream: Readable, fileName: string, contentType = "application/zip", size?: number): Response {
  const headers: Record<string, string> = {
    "content-type": contentType,
    "content-disposition": `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
    "cache-control": "no-store",
  };
  if (size !== undefined) headers["content-length"] = String(size);
  return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { headers });
}
