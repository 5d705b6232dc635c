import { inflateSync } from "node:zlib";

/**
 * The text drawn in a PDF made by pdf-lib with standard fonts: each content
 * stream (inflated when compressed), its hex strings decoded. Enough to
 * assert which lines a superbill carries, without a PDF text extractor.
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes);
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = raw.indexOf("stream", at, "latin1");
    if (start === -1) break;
    const bodyStart = raw[start + 6] === 0x0d ? start + 8 : start + 7;
    const end = raw.indexOf("endstream", bodyStart, "latin1");
    if (end === -1) break;
    const body = raw.subarray(bodyStart, end);
    let text: string;
    try {
      text = inflateSync(body).toString("latin1");
    } catch {
      text = body.toString("latin1");
    }
    for (const m of text.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) out.push(Buffer.from(m[1]!, "hex").toString("latin1"));
    for (const m of text.matchAll(/\(((?:[^()\\]|\\.)*)\)\s*Tj/g)) out.push(m[1]!);
    at = end + 9;
  }
  return out.join("\n");
}
