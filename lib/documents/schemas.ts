import { z } from "zod";
import { MB } from "@/lib/files/sniff";

/**
 * The shared-documents forms' rules (decision 0047): each schema is used by
 * its form (react-hook-form) and again by the server. Pure.
 */

/** The largest PDF a practice may upload (issue 15); the database's check says the same. */
export const MAX_DOCUMENT_BYTES = 20 * MB;

export const DOCUMENT_KIND_LABELS = { view: "To read", sign: "To read and sign" } as const;

/** The library's upload form, without the file (checked by its bytes, lib/files/sniff.ts). */
export const uploadDocumentSchema = z.object({
  title: z.string("Title: give the document a title").trim().min(1, "Title: give the document a title").max(200, "Title: keep it under 200 characters"),
  kind: z.enum(["view", "sign"], "What clients do with it: choose whether they read it or sign it"),
});
export type UploadDocumentInput = z.input<typeof uploadDocumentSchema>;

/** "Share a document" on a client's record: with the client alone, or with their couple. */
export const shareDocumentSchema = z.object({
  documentId: z.uuid("Document: choose one of your practice's documents"),
  with: z.enum(["client", "couple"], "Share with: choose the client or the couple"),
  message: z
    .string()
    .trim()
    .max(1000, "Message: keep it under 1,000 characters")
    .optional()
    .transform((m) => (m ? m : undefined)),
});
export type ShareDocumentInput = z.input<typeof shareDocumentSchema>;

/** The read-and-sign form: the typed name and the agreement, as intake's signature question asks. */
export const signDocumentSchema = z.object({
  name: z.string("Name: type your full name to sign").trim().min(2, "Name: type your full name to sign").max(200, "Name: keep it under 200 characters"),
  agreed: z.literal(true, "Tick the box to agree"),
});
export type SignDocumentInput = z.input<typeof signDocumentSchema>;

function words(value: string): string[] {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * Whether a typed signature is the client's own name, loosely: case, accents,
 * punctuation and middle names do not matter, but the family name and the
 * first (or preferred) name must be there. Intake accepts any name of two
 * letters or more; a document to sign goes further because it is signed for
 * one named person, and a partner's name typed by mistake would be wrong.
 */
export function signatureMatchesName(typed: string, client: { firstName: string; lastName: string; preferredName?: string | null }): boolean {
  const typedWords = new Set(words(typed));
  const last = words(client.lastName);
  if (last.length > 0 && !last.every((w) => typedWords.has(w))) return false;
  const firsts = [words(client.firstName)[0], words(client.preferredName ?? "")[0]].filter((w): w is string => Boolean(w));
  return firsts.length === 0 || firsts.some((w) => typedWords.has(w));
}
