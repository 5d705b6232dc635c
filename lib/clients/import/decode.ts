/**
 * Bytes of an uploaded CSV as text. Spreadsheets save UTF-8 (with or without
 * a byte order mark), UTF-16 ("Unicode text" in Excel) or, on older Windows
 * set-ups, Windows-1252. A BOM decides; otherwise strict UTF-8, and when that
 * fails Windows-1252, which every byte decodes under: the preview says which
 * encoding was used so a wrong guess is visible before anything is written.
 * A NUL byte outside UTF-16 means a binary file (a spreadsheet's .xlsx), refused.
 */
export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: "binary" };

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return { ok: false, reason: "binary" };
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8" };
  } catch {
    return { ok: true, text: new TextDecoder("windows-1252").decode(body), encoding: "windows-1252" };
  }
}

export const ENCODING_LABELS: Record<Encoding, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16 (big-endian)",
  "windows-1252": "Windows-1252 (the file was not UTF-8)",
};
