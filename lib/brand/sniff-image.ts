/**
 * What an uploaded logo really is, from its first bytes (never its name or
 * the browser's declared type). Only raster formats every mail client and
 * browser shows are accepted; SVG is refused because it can carry script and
 * external references. Pure.
 */
import { sniffFile, type FileType } from "@/lib/files/sniff";

export type LogoType = "image/png" | "image/jpeg" | "image/webp";

export const MAX_LOGO_BYTES = 1024 * 1024;

const LOGO_TYPES: readonly FileType[] = ["image/png", "image/jpeg", "image/webp"] satisfies LogoType[];

/** The image-only subset of lib/files/sniff.ts: one reading of magic bytes for every upload. */
export function sniffImage(bytes: Uint8Array): LogoType | null {
  const type = sniffFile(bytes);
  return type && LOGO_TYPES.includes(type) ? (type as LogoType) : null;
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
