import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, documentSignatures, documentShares, documents, practices, type DocumentSignature } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { practiceReader } from "@/lib/dates";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { conflict, notFound, type Conflict, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { storage } from "@/lib/storage";
import type { PdfFile } from "./library";
import { openPortalDocument, signedName, type PortalClient } from "./portal";
import { signDocumentSchema, signatureMatchesName } from "./schemas";
import { appendSignaturePage } from "./signed-copy";

/** Where a signed copy is kept in storage: under its share, named by the signature. */
function signedNameOf(shareId: string, signatureId: string): string {
  return `documents/signed/${shareId}/${signatureId}.pdf`;
}

export type SignResult = { ok: true; signatureId: string; signedAt: Date } | Invalid | NotFound | Conflict<"already_signed" | "not_for_signing">;

const ALREADY = "You already signed this document. Your signed copy is below.";

/**
 * A client signs a document shared with them (or their couple): the typed
 * name must be theirs, loosely (lib/documents/schemas.ts); the time, IP and
 * browser are recorded as intake records them; the signed copy (the PDF with
 * a signature page) is stored with the record. A second signature by the
 * same client is refused, by this check and by the database's unique key.
 */
export async function signDocument(
  client: PortalClient & { userId?: string | null },
  shareId: string,
  input: unknown,
  context: { ip: string; userAgent: string; now: Date },
): Promise<SignResult> {
  const parsed = signDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", errors: zodFieldErrors(parsed.error) };
  const share = await openPortalDocument(client, shareId);
  if (!share) return notFound("This document was not found");
  if (share.kind !== "sign") return conflict("not_for_signing", "This document is to read; it asks for no signature.");
  if (share.mySignedAt) return conflict("already_signed", ALREADY);

  const [row] = await db
    .select({
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
      storageKey: documents.storageKey,
      title: documents.title,
      practiceName: practices.name,
      timeZone: practices.timeZone,
      locale: practices.locale,
    })
    .from(documentShares)
    .innerJoin(documents, eq(documents.id, documentShares.documentId))
    .innerJoin(practices, eq(practices.id, documentShares.practiceId))
    .innerJoin(clients, and(eq(clients.practiceId, documentShares.practiceId), eq(clients.id, client.id)))
    .where(and(eq(documentShares.practiceId, client.practiceId), eq(documentShares.id, shareId)));
  if (!row) return notFound("This document was not found");
  if (!signatureMatchesName(parsed.data.name, row)) {
    return { ok: false, code: "invalid", errors: { name: [`Name: type your own full name as your practice has it (${row.preferredName ?? row.firstName} ${row.lastName})`] } };
  }
  const original = await storage.get(client.practiceId, row.storageKey);
  if (!original) return notFound("This document was not found");

  const signatureId = randomUUID();
  const ip = context.ip.slice(0, 100) || "unknown";
  const userAgent = context.userAgent.slice(0, 500);
  const { now } = context;
  const signed = await appendSignaturePage(original.bytes, {
    practiceName: row.practiceName,
    documentTitle: row.title,
    clientName: `${row.firstName} ${row.lastName}`,
    typedName: parsed.data.name,
    signedAt: now,
    ip,
    userAgent,
    signatureId,
    reader: practiceReader({ timeZone: row.timeZone, locale: row.locale }),
  });
  const key = signedNameOf(shareId, signatureId);
  try {
    await db.transaction(async (tx) => {
      // The row first: a refused signature (a second one, a revoked share) stores no bytes.
      await tx.insert(documentSignatures).values({
        id: signatureId,
        practiceId: client.practiceId,
        shareId,
        clientId: client.id,
        signatureName: parsed.data.name,
        signedAt: now,
        signatureIp: ip,
        userAgent,
        signedStorageKey: key,
        signedByteSize: signed.length,
      });
      await storage.put(client.practiceId, key, signed, "application/pdf", tx);
      await recordAudit(
        {
          practiceId: client.practiceId,
          actor: client.userId ? { kind: "client", userId: client.userId } : { kind: "system" },
          action: "document.sign",
          subjectType: "document_share",
          subjectId: shareId,
          detail: { signatureId },
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error, "document_signatures_share_id_client_id_key")) return conflict("already_signed", ALREADY);
    throw error;
  }
  return { ok: true, signatureId, signedAt: now };
}

/** A signed copy for staff of the practice, audited as a read of the client's clinical record. */
export async function staffSignedCopy(scope: PracticeScope, signatureId: string): Promise<PdfFile | NotFound> {
  if (!isUuid(signatureId)) return notFound("Signed copy not found");
  const [row] = await db
    .select({ signature: documentSignatures, filename: documents.filename })
    .from(documentSignatures)
    .innerJoin(documentShares, eq(documentShares.id, documentSignatures.shareId))
    .innerJoin(documents, eq(documents.id, documentShares.documentId))
    .where(and(eq(documentSignatures.practiceId, scope.practice.id), eq(documentSignatures.id, signatureId)));
  const stored = row ? await storage.get(scope.practice.id, row.signature.signedStorageKey) : null;
  if (!row || !stored) return notFound("Signed copy not found");
  await recordAudit({
    practiceId: scope.practice.id,
    actor: { kind: "member", userId: scope.user.id },
    action: "document_signature.read",
    subjectType: "client",
    subjectId: row.signature.clientId,
    detail: { signatureId },
  });
  return { filename: signedName(row.filename), bytes: stored.bytes };
}

/** A client's own signatures (their record's signed copies), oldest first. */
export async function signaturesOfClient(practiceId: string, clientId: string): Promise<DocumentSignature[]> {
  return db
    .select()
    .from(documentSignatures)
    .where(and(eq(documentSignatures.practiceId, practiceId), eq(documentSignatures.clientId, clientId)))
    .orderBy(documentSignatures.signedAt, documentSignatures.id);
}
