/**
 * What an uploaded file really is, from its first bytes — never its name or
 * the browser's declared type (an executable renamed .pdf is still an
 * executable). One home for the rule that attachments, shared documents and
 * products use; the logo check (lib/brand/sniff-image.ts) is the image-only
 * subset of it. Pure.
 */
export type FileType = "application/pdf" | "image/png" | "image/jpeg" | "image/webp" | "image/gif";

export const FILE_TYPE_LABELS: Record<FileType, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "image/webp": "WebP image",
  "image/gif": "GIF image",
};

export const MB = 1024 * 1024;

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, text: string): boolean {
  return startsWith(bytes, [...text].map((c) => c.charCodeAt(0)), at);
}

/** The file's real type, or null when it is none of the accepted kinds. */
export function sniffFile(bytes: Uint8Array): FileType | null {
  // A PDF may carry a little junk before its header; readers accept it within the first 1 KB.
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (ascii(head, i, "%PDF-")) return looksExecutable(bytes) ? null : "application/pdf";
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return "image/webp";
  if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) return "image/gif";
  return null;
}

/** Windows PE, ELF, Mach-O and scripts with a shebang: refused whatever follows. */
export function looksExecutable(bytes: Uint8Array): boolean {
  return (
    ascii(bytes, 0, "MZ") ||
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]) ||
    ascii(bytes, 0, "#!")
  );
}

export type FileCheck = { ok: true; type: FileType } | { ok: false; message: string };

/**
 * The upload rule a form and its server action share. `field` names the
 * field in the message ("Attachment: …"), `accept` narrows the kinds.
 */
export function checkFile(
  bytes: Uint8Array,
  opts: { field: string; maxBytes: number; accept: readonly FileType[] },
): FileCheck {
  const { field, maxBytes, accept } = opts;
  if (bytes.length === 0) return { ok: false, message: `${field}: choose a file` };
  if (bytes.length > maxBytes) return { ok: false, message: `${field}: the file is larger than ${Math.round(maxBytes / MB)} MB` };
  const type = sniffFile(bytes);
  if (!type || !accept.includes(type)) {
    const kinds = accept.map((t) => FILE_TYPE_LABELS[t].replace(" image", ""));
    const list = kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} or ${kinds[kinds.length - 1]}` : kinds[0];
    return { ok: false, message: `${field}: use a ${list} file (other kinds are not accepted)` };
  }
  return { ok: true, type };
}
