/**
 * A stored file as a download: always saved, never shown inline or sniffed
 * into something else, never cached. The name is ASCII-safe in `filename`
 * and exact in `filename*`.
 */
export function attachmentResponse(file: { fileName: string; contentType: string; bytes: Buffer }): Response {
  const ascii = file.fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.bytes.length),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
}
