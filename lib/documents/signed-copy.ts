import { PDFDocument, StandardFonts, rgb } from "pdf-lib";
import { ascii } from "@/lib/export/pdf-writer";
import { formatDateTimeMedium, zoneAbbreviation, type Reader } from "@/lib/dates";

export interface SignaturePageFacts {
  practiceName: string;
  documentTitle: string;
  clientName: string;
  typedName: string;
  signedAt: Date;
  ip: string;
  userAgent: string;
  signatureId: string;
  reader: Reader;
}

/** Whether pdf-lib can open the bytes, so a document accepted now can be signed later. */
export async function readablePdf(bytes: Uint8Array): Promise<boolean> {
  try {
    // pdf-lib forgives a lot; a document with no page to show is no document to sign.
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return doc.getPageCount() > 0;
  } catch {
    return false;
  }
}

/** The lines the signature page states; the integration test reads them back from the PDF. */
export function signatureLines(facts: SignaturePageFacts): [string, string][] {
  const when = `${formatDateTimeMedium(facts.signedAt, facts.reader, { seconds: true })} ${zoneAbbreviation(facts.reader.zone, facts.signedAt, facts.reader.locale)}`;
  return [
    ["Document", facts.documentTitle],
    ["Practice", facts.practiceName],
    ["Signed for", facts.clientName],
    ["Typed signature", facts.typedName],
    ["Signed at", when],
    ["Signed at (UTC)", facts.signedAt.toISOString()],
    ["IP address", facts.ip],
    ["Browser", facts.userAgent || "not given"],
    ["Signature reference", facts.signatureId],
  ];
}

/**
 * The signed copy: the original PDF, untouched page for page, with one page
 * appended that states who signed, when (the practice's zone and locale) and
 * from which IP. Standard fonts only, as the other PDFs (lib/export/pdf-writer.ts).
 */
export async function appendSignaturePage(original: Uint8Array, facts: SignaturePageFacts): Promise<Uint8Array> {
  const doc = await PDFDocument.load(original, { ignoreEncryption: true, updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([612, 792]);
  const ink = rgb(0.1, 0.12, 0.13);
  let y = 730;
  page.drawText("Signature", { x: 48, y, size: 18, font: bold, color: ink });
  y -= 28;
  page.drawText(ascii(`This page was added by ${facts.practiceName}'s client portal when the document above was signed.`).slice(0, 110), { x: 48, y, size: 10, font, color: ink });
  y -= 28;
  for (const [label, value] of signatureLines(facts)) {
    page.drawText(ascii(`${label}:`), { x: 48, y, size: 11, font: bold, color: ink });
    // Long values (a browser string) are cut to the line; the full value is in the signature's row.
    page.drawText(ascii(value).slice(0, 70), { x: 190, y, size: 11, font, color: ink });
    y -= 20;
  }
  y -= 12;
  page.drawText("The signer typed their name and agreed that it is their signature on this document.", { x: 48, y, size: 10, font, color: ink });
  return doc.save();
}
