import { and, desc, eq, isNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { documentShares, documentSignatures, documents, type DocumentKind } from "@/db/schema";
import { notFound, type NotFound } from "@/lib/errors/domain-error";
import { isUuid } from "@/lib/ids";
import { storage } from "@/lib/storage";
import type { PdfFile } from "./library";
import { coupleOf, signersOf } from "./shares";

/** The client whose portal is open: from requireClient, never from the request. */
export interface PortalClient {
  id: string;
  practiceId: string;
}

export interface PortalDocument {
  shareId: string;
  title: string;
  kind: DocumentKind;
  sharedAt: Date;
  message: string | null;
  toCouple: boolean;
  /** When this client signed (null: not yet, or a document to read). */
  mySignedAt: Date | null;
  /** For a couple share: whether the partner has signed. Nothing else of theirs. */
  partner: { name: string; signed: boolean } | null;
}

/** The live shares to this client or to their couple. */
async function ownShares(client: PortalClient, shareId?: string) {
  const couple = await coupleOf(client.practiceId, client.id);
  const to = couple ? or(eq(documentShares.clientId, client.id), eq(documentShares.coupleId, couple.id)) : eq(documentShares.clientId, client.id);
  return db
    .select({
      id: documentShares.id,
      clientId: documentShares.clientId,
      coupleId: documentShares.coupleId,
      title: documents.title,
      kind: documents.kind,
      storageKey: documents.storageKey,
      filename: documents.filename,
      sharedAt: documentShares.sharedAt,
      message: documentShares.message,
    })
    .from(documentShares)
    .innerJoin(documents, eq(documents.id, documentShares.documentId))
    .where(and(eq(documentShares.practiceId, client.practiceId), isNull(documentShares.revokedAt), to, shareId ? eq(documentShares.id, shareId) : undefined))
    .orderBy(desc(documentShares.sharedAt), desc(documentShares.id));
}

async function describe(client: PortalClient, rows: Awaited<ReturnType<typeof ownShares>>): Promise<PortalDocument[]> {
  const signers = await signersOf(client.practiceId, rows);
  return rows.map((r) => {
    const list = signers.get(r.id) ?? [];
    const mine = list.find((s) => s.clientId === client.id);
    const other = r.coupleId ? list.find((s) => s.clientId !== client.id) : undefined;
    return {
      shareId: r.id,
      title: r.title,
      kind: r.kind,
      sharedAt: r.sharedAt,
      message: r.message,
      toCouple: r.coupleId !== null,
      mySignedAt: r.kind === "sign" ? (mine?.signedAt ?? null) : null,
      partner: other && r.kind === "sign" ? { name: other.name.split(" ")[0]!, signed: other.signedAt !== null } : null,
    };
  });
}

export interface PortalDocuments {
  shared: PortalDocument[];
  toSign: PortalDocument[];
  signed: PortalDocument[];
}

/** The portal's Documents page: shared to read, waiting for my signature, signed by me. */
export async function listPortalDocuments(client: PortalClient): Promise<PortalDocuments> {
  const all = await describe(client, await ownShares(client));
  return {
    shared: all.filter((d) => d.kind === "view"),
    toSign: all.filter((d) => d.kind === "sign" && !d.mySignedAt),
    signed: all.filter((d) => d.kind === "sign" && d.mySignedAt),
  };
}

/** One share to this client or their couple; anything else (a partner's own, another practice's) is null. */
export async function openPortalDocument(client: PortalClient, shareId: string): Promise<PortalDocument | null> {
  if (!isUuid(shareId)) return null;
  const rows = await ownShares(client, shareId);
  return rows.length ? (await describe(client, rows))[0]! : null;
}

/** The shared PDF itself, for the portal's download. */
export async function portalDocumentFile(client: PortalClient, shareId: string): Promise<PdfFile | NotFound> {
  if (!isUuid(shareId)) return notFound("Document not found");
  const [row] = await ownShares(client, shareId);
  const stored = row ? await storage.get(client.practiceId, row.storageKey) : null;
  if (!row || !stored) return notFound("Document not found");
  return { filename: row.filename, bytes: stored.bytes };
}

/** This client's own signed copy; a partner's signed copy (their IP, their browser) is never theirs to read. */
export async function portalSignedCopy(client: PortalClient, shareId: string): Promise<PdfFile | NotFound> {
  if (!isUuid(shareId)) return notFound("Signed copy not found");
  const [row] = await ownShares(client, shareId);
  if (!row) return notFound("Signed copy not found");
  const [sig] = await db
    .select({ key: documentSignatures.signedStorageKey })
    .from(documentSignatures)
    .where(and(eq(documentSignatures.practiceId, client.practiceId), eq(documentSignatures.shareId, shareId), eq(documentSignatures.clientId, client.id)));
  const stored = sig ? await storage.get(client.practiceId, sig.key) : null;
  if (!sig || !stored) return notFound("Signed copy not found");
  return { filename: signedName(row.filename), bytes: stored.bytes };
}

export function signedName(filename: string): string {
  return filename.replace(/\.pdf$/i, "") + "-signed.pdf";
}
