import { describe, expect, it } from "vitest";
import { checkFile, MB, sniffFile } from "@/lib/files/sniff";

const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF");
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, ...new TextEncoder().encode("%PDF-1.4")]);
const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
const accept = ["application/pdf", "image/png", "image/jpeg"] as const;

describe("sniffFile", () => {
  it("reads a PDF and a PNG by their bytes", () => {
    expect(sniffFile(pdf)).toBe("application/pdf");
    expect(sniffFile(png)).toBe("image/png");
  });
  it("refuses an executable even when it carries a PDF header inside", () => {
    expect(sniffFile(exe)).toBeNull();
    expect(sniffFile(elf)).toBeNull();
    expect(sniffFile(new TextEncoder().encode("#!/bin/sh\n%PDF-1.4"))).toBeNull();
  });
  it("does not take plain text for anything", () => {
    expect(sniffFile(new TextEncoder().encode("hello"))).toBeNull();
  });
});

describe("checkFile", () => {
  it("names the field, the size limit and the accepted kinds", () => {
    expect(checkFile(new Uint8Array(), { field: "Attachment", maxBytes: MB, accept })).toEqual({ ok: false, message: "Attachment: choose a file" });
    const big = new Uint8Array(2 * MB + 1);
    big.set(pdf);
    expect(checkFile(big, { field: "Attachment", maxBytes: 2 * MB, accept })).toEqual({ ok: false, message: "Attachment: the file is larger than 2 MB" });
    const refused = checkFile(exe, { field: "Attachment", maxBytes: MB, accept });
    expect(refused).toEqual({ ok: false, message: "Attachment: use a PDF, PNG or JPEG file (other kinds are not accepted)" });
    expect(checkFile(pdf, { field: "Attachment", maxBytes: MB, accept })).toEqual({ ok: true, type: "application/pdf" });
  });
});
