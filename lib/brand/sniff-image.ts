/**
 * What an uploaded logo really is, from its first bytes (never its name or
 * the browser's declared type). Only raster formats every mail client and
 * browser shows are accepted; SVG is refused because it can carry script and
 * external references. Pure.
 */
export type LogoType = "image/png" | "image/jpeg" | "image/webp";

export const MAX_LOGO_BYTES = 1024 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, text: string): boolean {
  return startsWith(bytes, [...text].map((c) => c.charCodeAt(0)), at);
}

export function sniffImage(bytes: Uint8Array): LogoType | null {
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  // RIFF <size> WEBP
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return "image/webp";
  return null;
}

export type LogoCheck = { ok: true; type: LogoType } | { ok: false; message: string };

/** The upload rule the logo form and the server share (the client checks what it can before sending). */
export function checkLogo(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, message: "Logo: choose an image file" };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, message: "Logo: the file is larger than 1 MB" };
  const type = sniffImage(bytes);
  if (!type) return { ok: false, message: "Logo: use a PNG, JPEG or WebP image (SVG and other files are not accepted)" };
  return { ok: true, type };
}
