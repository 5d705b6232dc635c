import { createElement } from "react";
import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, couples, documentShares, documentSignatures, documents, type DocumentKind } from "@/db/schema";
import DocumentSharedEmail, { documentSharedSubject } from "@/emails/document-shared";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { notFound, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { shareDocumentSchema } from "./schemas";

export function portalDocumentsUrl(clientId: string): string {
  return new URL(`/portal/${clientId}/documents`, env.APP_URL).toString();
}

/** The couple a client is part of, with both partners' ids, or null. */
export async function coupleOf(practiceId: string, clientId: string): Promise<{ id: string; clientAId: string; clientBId: string } | null> {
  const [row] = await db
    .select({ id: couples.id, clientAId: couples.clientAId, clientBId: couples.clientBId })
    .from(couples)
    .where(and(eq(couples.practiceId, practiceId), or(eq(couples.clientAId, clientId), eq(couples.clientBId, clientId))));
  return row ?? null;
}

export type ShareResult = { ok: true; shareId: string; recipients: number } | Invalid | NotFound;

/**
 * Staff share a library document with a client, or with the client's couple
 * (then each partner is asked for their own signature). Each recipient with
 * an email hears that a document waits; the email never names it.
 */
export async function shareDocument(scope: PracticeScope, clientId: string, input: unknown, now: Date, transport?: EmailTransport): Promise<ShareResult> {
  if (!isUuid(clientId)) return notFound("Client not found");
  const parsed = shareDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", errors: zodFieldErrors(parsed.error) };
  const practiceId = scope.practice.id;
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  if (!client) return notFound("Client not found");
  const [doc] = await db
    .select({ id: documents.id, kind: documents.kind })
    .from(documents)
    .where(and(eq(documents.practiceId, practiceId), eq(documents.id, parsed.data.documentId)));
  if (!doc) return { ok: false, code: "invalid", errors: { documentId: ["Document: choose one of your practice's documents"] } };
  const couple = parsed.data.with === "couple" ? await coupleOf(practiceId, clientId) : null;
  if (parsed.data.with === "couple" && !couple) return { ok: false, code: "invalid", errors: { with: ["Share with: this client is not in a couple; share with the client"] } };
  const recipientIds = couple ? [couple.clientAId, couple.clientBId] : [clientId];

  const shareId = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(documentShares)
      .values({ practiceId, documentId: doc.id, clientId: couple ? null : clientId, coupleId: couple?.id ?? null, sharedByUserId: scope.user.id, sharedAt: now, message: parsed.data.message ?? null })
      .returning({ id: documentShares.id });
    await recordAudit(byMember(scope, "document.share", { type: "client", id: clientId }, { shareId: row!.id, documentId: doc.id, couple: Boolean(couple) }), tx);
    return row!.id;
  });

  const recipients = await db
    .select({ id: clients.id, email: clients.email, firstName: clients.firstName, preferredName: clients.preferredName })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), inArray(clients.id, recipientIds)));
  for (const r of recipients) {
    if (!r.email) continue;
    await sendEmail(
      {
        key: `document-share:${shareId}:${r.id}`,
        to: r.email,
        template: "document-shared",
        practiceId,
        subject: documentSharedSubject(scope.practice.name, doc.kind),
        element: createElement(DocumentSharedEmail, { practiceName: scope.practice.name, recipientName: r.preferredName ?? r.firstName, kind: doc.kind, portalUrl: portalDocumentsUrl(r.id) }),
      },
      transport,
    );
  }
  return { ok: true, shareId, recipients: recipientIds.length };
}

export interface SignerStatus {
  clientId: string;
  name: string;
  signedAt: Date | null;
  signatureId: string | null;
}

export interface StaffShareRow {
  shareId: string;
  documentId: string;
  title: string;
  kind: DocumentKind;
  toCouple: boolean;
  sharedAt: Date;
  revokedAt: Date | null;
  signers: SignerStatus[];
}

/** Who is asked to sign each share: its client, or both partners of its couple. */
async function signersOf(practiceId: string, shares: { id: string; clientId: string | null; coupleId: string | null }[]): Promise<Map<string, SignerStatus[]>> {
  const coupleIds = [...new Set(shares.map((s) => s.coupleId).filter((c): c is string => Boolean(c)))];
  const coupleRows = coupleIds.length ? await db.select().from(couples).where(and(eq(couples.practiceId, practiceId), inArray(couples.id, coupleIds))) : [];
  const byCouple = new Map(coupleRows.map((c) => [c.id, [c.clientAId, c.clientBId]]));
  const clientIds = [...new Set(shares.flatMap((s) => (s.clientId ? [s.clientId] : (byCouple.get(s.coupleId!) ?? []))))];
  const people = clientIds.length
    ? await db
        .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, preferredName: clients.preferredName })
        .from(clients)
        .where(and(eq(clients.practiceId, practiceId), inArray(clients.id, clientIds)))
    : [];
  const names = new Map(people.map((p) => [p.id, `${p.preferredName ?? p.firstName} ${p.lastName}`]));
  const shareIds = shares.map((s) => s.id);
  const signatures = shareIds.length
    ? await db
        .select({ id: documentSignatures.id, shareId: documentSignatures.shareId, clientId: documentSignatures.clientId, signedAt: documentSignatures.signedAt })
        .from(documentSignatures)
        .where(and(eq(documentSignatures.practiceId, practiceId), inArray(documentSignatures.shareId, shareIds)))
    : [];
  const out = new Map<string, SignerStatus[]>();
  for (const s of shares) {
    const ids = s.clientId ? [s.clientId] : (byCouple.get(s.coupleId!) ?? []);
    out.set(
      s.id,
      ids.map((id) => {
        const sig = signatures.find((x) => x.shareId === s.id && x.clientId === id);
        return { clientId: id, name: names.get(id) ?? "Client", signedAt: sig?.signedAt ?? null, signatureId: sig?.id ?? null };
      }),
    );
  }
  return out;
}

/** The shares a client's record shows: to the client alone and to their couple, newest first. */
export async function sharesForClient(scope: PracticeScope, clientId: string): Promise<StaffShareRow[]> {
  if (!isUuid(clientId)) return [];
  const practiceId = scope.practice.id;
  const couple = await coupleOf(practiceId, clientId);
  const rows = await db
    .select({
      id: documentShares.id,
      clientId: documentShares.clientId,
      coupleId: documentShares.coupleId,
      documentId: documents.id,
      title: documents.title,
      kind: documents.kind,
      sharedAt: documentShares.sharedAt,
      revokedAt: documentShares.revokedAt,
    })
    .from(documentShares)
    .innerJoin(documents, eq(documents.id, documentShares.documentId))
    .where(and(eq(documentShares.practiceId, practiceId), couple ? or(eq(documentShares.clientId, clientId), eq(documentShares.coupleId, couple.id)) : eq(documentShares.clientId, clientId)))
    .orderBy(desc(documentShares.sharedAt), asc(documentShares.id));
  const signers = await signersOf(practiceId, rows);
  return rows.map((r) => ({
    shareId: r.id,
    documentId: r.documentId,
    title: r.title,
    kind: r.kind,
    toCouple: r.coupleId !== null,
    sharedAt: r.sharedAt,
    revokedAt: r.revokedAt,
    signers: signers.get(r.id) ?? [],
  }));
}

/** Stops showing a share in the portal; signatures already given stay with the record. */
export async function revokeShare(scope: PracticeScope, shareId: string, now: Date): Promise<{ ok: true } | NotFound> {
  if (!isUuid(shareId)) return notFound("Share not found");
  const [row] = await db
    .update(documentShares)
    .set({ revokedAt: now })
    .where(and(eq(documentShares.practiceId, scope.practice.id), eq(documentShares.id, shareId), isNull(documentShares.revokedAt)))
    .returning({ id: documentShares.id });
  if (!row) return notFound("Share not found");
  await recordAudit(byMember(scope, "document.revoke", { type: "document_share", id: shareId }));
  return { ok: true };
}

export { signersOf };
