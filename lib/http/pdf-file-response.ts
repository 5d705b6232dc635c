import type { PdfFile } from "@/lib/documents/library";
import type { NotFound } from "@/lib/errors/domain-error";
import { domainErrorResponse } from "./domain-error-response";

/**
 * A stored PDF as a download, or the domain's refusal. `nosniff` and an
 * attachment disposition: the browser saves the bytes, never renders them
 * in the app's origin. The file name was cleaned when it was uploaded.
 */
export function pdfFileResponse(file: PdfFile | NotFound): Response {
  if ("code" in file) return domainErrorResponse(file);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${file.filename.replace(/"/g, "")}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
