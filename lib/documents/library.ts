import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { documents, type Document } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { notFound, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { checkFile } from "@/lib/files/sniff";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { storage } from "@/lib/storage";
import { MAX_DOCUMENT_BYTES, uploadDocumentSchema } from "./schemas";
import { readablePdf } from "./signed-copy";

export type UploadResult = { ok: true; documentId: string } | Invalid;

/** A file name kept for the download's name only: no path, nothing a header could choke on. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const clean = base.normalize("NFKD").replace(/[^A-Za-z0-9._ -]+/g, "").trim().slice(0, 120);
  return clean && /\.pdf$/i.test(clean) ? clean : `${clean || "document"}.pdf`;
}

/**
 * A PDF into the practice's library: a PDF by its bytes (an executable renamed
 * .pdf is refused), at most 20 MB, and one pdf-lib can open, so it can be
 * signed later. Nothing is stored when any check fails.
 */
export async function uploadDocument(scope: PracticeScope, input: unknown, file: { name: string; bytes: Uint8Array }, now: Date): Promise<UploadResult> {
  const parsed = uploadDocumentSchema.safeParse(input);
  const check = checkFile(file.bytes, { field: "Document", maxBytes: MAX_DOCUMENT_BYTES, accept: ["application/pdf"] });
  if (!parsed.success || !check.ok) {
    return { ok: false, code: "invalid", errors: { ...(parsed.success ? {} : zodFieldErrors(parsed.error)), ...(check.ok ? {} : { file: [check.message] }) } };
  }
  if (!(await readablePdf(file.bytes))) return { ok: false, code: "invalid", errors: { file: ["Document: this PDF could not be read; save it again as a PDF and upload that"] } };
  const id = randomUUID();
  const key = `documents/${id}.pdf`;
  await db.transaction(async (tx) => {
    await storage.put(scope.practice.id, key, file.bytes, "application/pdf", tx);
    await tx.insert(documents).values({
      id,
      practiceId: scope.practice.id,
      title: parsed.data.title,
      kind: parsed.data.kind,
      storageKey: key,
      filename: safeFilename(file.name),
      byteSize: file.bytes.length,
      uploadedByUserId: scope.user.id,
      createdAt: now,
    });
    await recordAudit(byMember(scope, "document.upload", { type: "document", id }, { kind: parsed.data.kind, bytes: file.bytes.length }), tx);
  });
  return { ok: true, documentId: id };
}

/** The practice's library, newest first. */
export async function listDocuments(scope: PracticeScope): Promise<Document[]> {
  return db.select().from(documents).where(eq(documents.practiceId, scope.practice.id)).orderBy(desc(documents.createdAt), desc(documents.id));
}

export interface PdfFile {
  filename: string;
  bytes: Buffer;
}

/** A library document's PDF for staff of its practice; any other id is not found. */
export async function libraryFile(scope: PracticeScope, documentId: string): Promise<PdfFile | NotFound> {
  if (!isUuid(documentId)) return notFound("Document not found");
  const [doc] = await db.select().from(documents).where(and(eq(documents.practiceId, scope.practice.id), eq(documents.id, documentId)));
  const stored = doc ? await storage.get(scope.practice.id, doc.storageKey) : null;
  if (!doc || !stored) return notFound("Document not found");
  return { filename: doc.filename, bytes: stored.bytes };
}
