import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { couples, documentSignatures, documents, emailMessages, storedObjects } from "@/db/schema";
import { libraryFile, listDocuments, uploadDocument } from "@/lib/documents/library";
import { listPortalDocuments, openPortalDocument, portalDocumentFile, portalSignedCopy } from "@/lib/documents/portal";
import { signatureMatchesName } from "@/lib/documents/schemas";
import { revokeShare, sharesForClient, shareDocument } from "@/lib/documents/shares";
import { signDocument, staffSignedCopy } from "@/lib/documents/sign";
import { storage } from "@/lib/storage";
import { auditEventsFor, countRows, createClient, createPracticeWithOwner, uniqueEmail } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";
import { exportClientRecord } from "@/lib/export/client-export";
import { jsonEntry, readAll, unzip } from "./helpers/unzip";

const NOW = new Date("2031-03-01T12:00:00Z");
const AT = (ip: string) => ({ ip, userAgent: "Mozilla/5.0 (iPhone) test", now: NOW });

async function releasePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawText("Release of information");
  return doc.save();
}

async function coupleFixture() {
  const { practice, scope } = await createPracticeWithOwner();
  const ana = await createClient(practice, { firstName: "Ana", lastName: "Reyes", email: uniqueEmail("ana") });
  const ben = await createClient(practice, { firstName: "Benoît", lastName: "Okafor", email: uniqueEmail("ben") });
  const [x, y] = [ana.id, ben.id].sort() as [string, string];
  await db.insert(couples).values({ practiceId: practice.id, clientAId: x, clientBId: y });
  const up = await uploadDocument(scope, { title: "Release of information", kind: "sign" }, { name: "release.pdf", bytes: await releasePdf() }, NOW);
  if (!up.ok) throw new Error(JSON.stringify(up));
  return { practice, scope, ana, ben, documentId: up.documentId };
}

describe("shared documents", () => {
  it("shares a release with a couple; each partner signs once; the signed copies carry their names", async () => {
    const { practice, scope, ana, ben, documentId } = await coupleFixture();
    const shared = await shareDocument(scope, ana.id, { documentId, with: "couple" }, NOW);
    expect(shared).toMatchObject({ ok: true, recipients: 2 });
    if (!shared.ok) return;

    // Both partners are told, and the email names neither the document nor its content.
    const mails = await db.select().from(emailMessages).where(eq(emailMessages.practiceId, practice.id));
    expect(mails.map((m) => m.to).sort()).toEqual([ana.email, ben.email].sort());
    for (const m of mails) {
      expect(m.subject).toBe(`${practice.name} asks you to sign a document`);
      expect(`${m.html} ${m.text}`).not.toContain("Release of information");
    }

    const anaRef = { id: ana.id, practiceId: practice.id };
    const benRef = { id: ben.id, practiceId: practice.id };
    expect((await listPortalDocuments(anaRef)).toSign.map((d) => d.shareId)).toEqual([shared.shareId]);

    const signedA = await signDocument(anaRef, shared.shareId, { name: "ana reyes", agreed: true }, AT("203.0.113.7"));
    expect(signedA).toMatchObject({ ok: true });
    // Ana's partner sees that Ana signed, and nothing else of hers.
    const benView = await openPortalDocument(benRef, shared.shareId);
    expect(benView).toMatchObject({ mySignedAt: null, partner: { name: "Ana", signed: true } });
    expect(await portalSignedCopy(benRef, shared.shareId)).toMatchObject({ ok: false, code: "not_found" });

    // Accents and middle names do not matter; the family name does.
    const signedB = await signDocument(benRef, shared.shareId, { name: "Benoit J. Okafor", agreed: true }, AT("198.51.100.4"));
    expect(signedB).toMatchObject({ ok: true });

    const staff = await sharesForClient(scope, ben.id);
    expect(staff).toHaveLength(1);
    expect(staff[0]!.signers.every((s) => s.signedAt !== null)).toBe(true);

    const sigs = await db.select().from(documentSignatures).where(eq(documentSignatures.shareId, shared.shareId));
    expect(sigs.map((s) => [s.signatureName, s.signatureIp]).sort()).toEqual([
      ["Benoit J. Okafor", "198.51.100.4"],
      ["ana reyes", "203.0.113.7"],
    ]);
    for (const sig of sigs) {
      const copy = await staffSignedCopy(scope, sig.id);
      if ("code" in copy) throw new Error(copy.message);
      const pdf = await PDFDocument.load(copy.bytes);
      // The original page and the signature page.
      expect(pdf.getPageCount()).toBe(2);
      const text = pdfText(copy.bytes);
      expect(text).toContain(sig.signatureName);
      expect(text).toContain(sig.signatureIp);
      expect(text).toContain("Release of information");
    }
    expect(await auditEventsFor(practice.id, "document_signature.read")).toHaveLength(2);

    const own = await portalSignedCopy(anaRef, shared.shareId);
    expect("bytes" in own && pdfText(own.bytes)).toContain("ana reyes");
    expect((await listPortalDocuments(anaRef)).signed.map((d) => d.shareId)).toEqual([shared.shareId]);

    // Ana's record export carries her signed copy and her signature row, never Ben's.
    const exported = await exportClientRecord(scope, ana.id, NOW);
    if (!exported.ok) throw new Error("export failed");
    const entries = await unzip(await readAll(exported.stream));
    const copies = [...entries.keys()].filter((p) => p.startsWith("signed-documents/"));
    expect(copies).toHaveLength(1);
    expect(pdfText(entries.get(copies[0]!)!)).toContain("ana reyes");
    expect(jsonEntry(entries, "tables/document_signatures.json").map((r) => r.signature_name)).toEqual(["ana reyes"]);
    expect(jsonEntry(entries, "tables/document_shares.json")).toHaveLength(1);
  });

  it("refuses a second signature with a clear message and stores nothing, even past the domain's check", async () => {
    const { practice, scope, ana, documentId } = await coupleFixture();
    const shared = await shareDocument(scope, ana.id, { documentId, with: "client" }, NOW);
    if (!shared.ok) throw new Error("share failed");
    const anaRef = { id: ana.id, practiceId: practice.id };
    expect(await signDocument(anaRef, shared.shareId, { name: "Ana Reyes", agreed: true }, AT("203.0.113.7"))).toMatchObject({ ok: true });
    const objects = await countRows(storedObjects, eq(storedObjects.practiceId, practice.id));

    const again = await signDocument(anaRef, shared.shareId, { name: "Ana Reyes", agreed: true }, AT("203.0.113.8"));
    expect(again).toMatchObject({ ok: false, code: "conflict", reason: "already_signed", message: "You already signed this document. Your signed copy is below." });
    expect(await countRows(documentSignatures, eq(documentSignatures.shareId, shared.shareId))).toBe(1);
    expect(await countRows(storedObjects, eq(storedObjects.practiceId, practice.id))).toBe(objects);

    // The database refuses a second row and any change to the first.
    const [sig] = await db.select().from(documentSignatures).where(eq(documentSignatures.shareId, shared.shareId));
    await expect(db.insert(documentSignatures).values({ ...sig!, id: crypto.randomUUID(), signedStorageKey: "documents/other.pdf" })).rejects.toMatchObject({
      cause: { constraint_name: "document_signatures_share_id_client_id_key" },
    });
    await expect(db.update(documentSignatures).set({ signatureName: "Someone Else" }).where(eq(documentSignatures.id, sig!.id))).rejects.toMatchObject({
      cause: { constraint_name: "document_signatures_immutable" },
    });
  });

  it("asks for the client's own name and the agreement, naming the field", async () => {
    const { practice, scope, ana, documentId } = await coupleFixture();
    const shared = await shareDocument(scope, ana.id, { documentId, with: "client" }, NOW);
    if (!shared.ok) throw new Error("share failed");
    const anaRef = { id: ana.id, practiceId: practice.id };
    expect(await signDocument(anaRef, shared.shareId, { name: "Benoit Okafor", agreed: true }, AT("203.0.113.7"))).toMatchObject({
      ok: false,
      code: "invalid",
      errors: { name: ["Name: type your own full name as your practice has it (Ana Reyes)"] },
    });
    expect(await signDocument(anaRef, shared.shareId, { name: "Ana Reyes", agreed: false }, AT("203.0.113.7"))).toMatchObject({ ok: false, code: "invalid", errors: { agreed: ["Tick the box to agree"] } });
    expect(await countRows(documentSignatures, eq(documentSignatures.shareId, shared.shareId))).toBe(0);
    expect(signatureMatchesName("REYES, Ana María", { firstName: "Ana María", lastName: "Reyes" })).toBe(true);
    expect(signatureMatchesName("Ana", { firstName: "Ana", lastName: "Reyes" })).toBe(false);
  });

  it("refuses an executable renamed .pdf, a file that is not a PDF and a missing title; nothing stored", async () => {
    const { practice, scope } = await createPracticeWithOwner();
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...Buffer.from("%PDF-1.7 pretending")]);
    expect(await uploadDocument(scope, { title: "Handout", kind: "view" }, { name: "handout.pdf", bytes: exe }, NOW)).toEqual({
      ok: false,
      code: "invalid",
      errors: { file: ["Document: use a PDF file (other kinds are not accepted)"] },
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect(await uploadDocument(scope, { title: "", kind: "view" }, { name: "x.pdf", bytes: png }, NOW)).toMatchObject({
      ok: false,
      errors: { title: ["Title: give the document a title"], file: ["Document: use a PDF file (other kinds are not accepted)"] },
    });
    const broken = Buffer.from("%PDF-1.7\nthis is not really a pdf");
    expect(await uploadDocument(scope, { title: "Broken", kind: "view" }, { name: "b.pdf", bytes: broken }, NOW)).toMatchObject({ ok: false, errors: { file: [expect.stringContaining("could not be read")] } });
    expect(await countRows(documents, eq(documents.practiceId, practice.id))).toBe(0);
    expect(await countRows(storedObjects, eq(storedObjects.practiceId, practice.id))).toBe(0);
  });

  it("keeps another practice, a partner's own share and a stranger out", async () => {
    const { practice, scope, ana, ben, documentId } = await coupleFixture();
    // Shared with Ana alone: Ben (her partner) cannot open, download or sign it.
    const own = await shareDocument(scope, ana.id, { documentId, with: "client" }, NOW);
    if (!own.ok) throw new Error("share failed");
    const benRef = { id: ben.id, practiceId: practice.id };
    expect(await openPortalDocument(benRef, own.shareId)).toBeNull();
    expect(await portalDocumentFile(benRef, own.shareId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await signDocument(benRef, own.shareId, { name: "Benoit Okafor", agreed: true }, AT("198.51.100.4"))).toMatchObject({ ok: false, code: "not_found" });
    expect((await listPortalDocuments(benRef)).toSign).toEqual([]);

    // Another practice's staff and clients find nothing, whatever id they hold.
    const other = await createPracticeWithOwner();
    const stranger = await createClient(other.practice, { firstName: "Sam", lastName: "Lee" });
    expect(await libraryFile(other.scope, documentId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await listDocuments(other.scope)).toEqual([]);
    expect(await sharesForClient(other.scope, ana.id)).toEqual([]);
    expect(await shareDocument(other.scope, stranger.id, { documentId, with: "client" }, NOW)).toMatchObject({ ok: false, errors: { documentId: [expect.any(String)] } });
    const strangerRef = { id: stranger.id, practiceId: other.practice.id };
    expect(await openPortalDocument(strangerRef, own.shareId)).toBeNull();
    expect(await portalDocumentFile({ id: stranger.id, practiceId: practice.id }, own.shareId)).toMatchObject({ ok: false, code: "not_found" });

    // The owner's own copy is there for the right people.
    const file = await portalDocumentFile({ id: ana.id, practiceId: practice.id }, own.shareId);
    expect("bytes" in file && (await PDFDocument.load(file.bytes)).getPageCount()).toBe(1);
    expect(await storage.get(other.practice.id, `documents/${documentId}.pdf`)).toBeNull();
  });

  it("a withdrawn share leaves the portal and can no longer be signed; the record keeps it", async () => {
    const { practice, scope, ana, documentId } = await coupleFixture();
    const shared = await shareDocument(scope, ana.id, { documentId, with: "client" }, NOW);
    if (!shared.ok) throw new Error("share failed");
    expect(await revokeShare(scope, shared.shareId, NOW)).toEqual({ ok: true });
    expect(await revokeShare(scope, shared.shareId, NOW)).toMatchObject({ ok: false, code: "not_found" });
    const anaRef = { id: ana.id, practiceId: practice.id };
    expect(await listPortalDocuments(anaRef)).toEqual({ shared: [], toSign: [], signed: [] });
    expect(await signDocument(anaRef, shared.shareId, { name: "Ana Reyes", agreed: true }, AT("203.0.113.7"))).toMatchObject({ ok: false, code: "not_found" });
    expect((await sharesForClient(scope, ana.id)).map((s) => s.revokedAt)).toEqual([NOW]);
  });
});
