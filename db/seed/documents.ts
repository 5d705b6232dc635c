import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Tx } from "@/db/client";
import { clients, couples, documentShares, documentSignatures, documents, practices, users } from "@/db/schema";
import { practiceReader } from "@/lib/dates";
import { appendSignaturePage } from "@/lib/documents/signed-copy";
import { DEMO_PRACTICE_SLUGS } from "@/lib/demo/demo-accounts";
import { storage } from "@/lib/storage";

const PRIYA = "priya.okafor@harbor.demo.tandem.test";
const DANIEL = "daniel.okafor@harbor.demo.tandem.test";
const THERAPIST = "therapist@harbor.demo.tandem.test";

/** A one-page release of information, drawn here so the demo carries no binary fixture. */
async function releaseOfInformation(practiceName: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle("Release of information");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([612, 792]);
  page.drawText("Authorization to release information", { x: 48, y: 730, size: 18, font: bold });
  const lines = [
    `I authorize ${practiceName} to exchange information about my care with the person named below,`,
    "for the purpose of coordinating that care. I may withdraw this authorization in writing at any time.",
    "",
    "Person or organisation: ____________________________",
    "Information to share: attendance and treatment summary only",
    "This authorization ends one year after the date it is signed.",
  ];
  lines.forEach((line, i) => page.drawText(line, { x: 48, y: 690 - i * 18, size: 11, font }));
  return doc.save();
}

/**
 * The demo couple's release of information (decision 0047): shared with
 * Daniel and Priya Okafor at Harbor; Priya has signed, Daniel has not, so the
 * portal shows both states and the record shows one signed copy.
 */
export async function seedDemoDocuments(tx: Tx, now = new Date()): Promise<void> {
  const [practice] = await tx.select().from(practices).where(eq(practices.slug, DEMO_PRACTICE_SLUGS.couplesTherapy));
  if (!practice) return;
  const people = await tx
    .select({ id: clients.id, email: clients.email, firstName: clients.firstName, lastName: clients.lastName })
    .from(clients)
    .where(and(eq(clients.practiceId, practice.id), inArray(clients.email, [PRIYA, DANIEL])));
  const priya = people.find((p) => p.email === PRIYA);
  const daniel = people.find((p) => p.email === DANIEL);
  if (!priya || !daniel) throw new Error("demo documents: the Okafors are missing");
  const [a, b] = [priya.id, daniel.id].sort() as [string, string];
  const [couple] = await tx.select({ id: couples.id }).from(couples).where(and(eq(couples.clientAId, a), eq(couples.clientBId, b)));
  const [therapist] = await tx.select({ id: users.id }).from(users).where(eq(users.email, THERAPIST));

  const bytes = await releaseOfInformation(practice.name);
  const documentId = randomUUID();
  const key = `documents/${documentId}.pdf`;
  await storage.put(practice.id, key, bytes, "application/pdf", tx);
  const sharedAt = new Date(now.getTime() - 3 * 24 * 3_600_000);
  await tx.insert(documents).values({
    id: documentId,
    practiceId: practice.id,
    title: "Release of information",
    kind: "sign",
    storageKey: key,
    filename: "release-of-information.pdf",
    byteSize: bytes.length,
    uploadedByUserId: therapist?.id ?? null,
    createdAt: sharedAt,
  });
  const [share] = await tx
    .insert(documentShares)
    .values({ practiceId: practice.id, documentId, coupleId: couple!.id, sharedByUserId: therapist?.id ?? null, sharedAt, message: "Please each read and sign before our next session." })
    .returning({ id: documentShares.id });

  const signatureId = randomUUID();
  const signedAt = new Date(now.getTime() - 2 * 24 * 3_600_000);
  const ip = "203.0.113.24";
  const userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) demo";
  const signed = await appendSignaturePage(bytes, {
    practiceName: practice.name,
    documentTitle: "Release of information",
    clientName: `${priya.firstName} ${priya.lastName}`,
    typedName: `${priya.firstName} ${priya.lastName}`,
    signedAt,
    ip,
    userAgent,
    signatureId,
    reader: practiceReader(practice),
  });
  const signedKey = `documents/signed/${share!.id}/${signatureId}.pdf`;
  await tx.insert(documentSignatures).values({
    id: signatureId,
    practiceId: practice.id,
    shareId: share!.id,
    clientId: priya.id,
    signatureName: `${priya.firstName} ${priya.lastName}`,
    signedAt,
    signatureIp: ip,
    userAgent,
    signedStorageKey: signedKey,
    signedByteSize: signed.length,
  });
  await storage.put(practice.id, signedKey, signed, "application/pdf", tx);
}
