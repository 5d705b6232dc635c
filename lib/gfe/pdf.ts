import { PDFDocument, StandardFonts, rgb, type PDFFont } from "pdf-lib";
import { ascii, money } from "@/lib/billing/superbill";
import { formatCalendarDate } from "@/lib/dates";
import type { GfeSnapshot } from "./snapshot";

export interface GfePdfInput {
  snapshot: GfeSnapshot;
  version: number;
  /** YYYY-MM-DD in the practice's calendar. */
  issuedOn: string;
  locale?: string | null;
}

/**
 * The estimate as a PDF, in the superbill's style (pdf-lib, standard fonts,
 * US Letter; lib/billing/superbill.ts). It prints the snapshot only, so the
 * PDF downloaded a year later reads exactly as issued.
 */
export async function gfePdf(input: GfePdfInput): Promise<Uint8Array> {
  const { snapshot: s } = input;
  const doc = await PDFDocument.create();
  doc.setTitle(`Good Faith Estimate for ${ascii(s.client.name)}`);
  doc.setAuthor(ascii(s.provider.practiceName));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([612, 792]);
  let y = 750;
  const left = 40;
  const newPageIfNeeded = (room: number) => {
    if (y < room) {
      page = doc.addPage([612, 792]);
      y = 750;
    }
  };
  const text = (t: string, x: number, size = 10, f: PDFFont = font) => page.drawText(ascii(t), { x, y, size, font: f, color: rgb(0.1, 0.12, 0.13) });
  const line = (t: string, size = 10, f: PDFFont = font) => {
    newPageIfNeeded(60);
    text(t, left, size, f);
    y -= size + 5;
  };
  /** Wraps a paragraph to the page width. */
  const para = (t: string, size = 9) => {
    const words = ascii(t).split(" ");
    let current = "";
    for (const w of words) {
      const next = current ? `${current} ${w}` : w;
      if (font.widthOfTextAtSize(next, size) > 532) {
        line(current, size);
        current = w;
      } else current = next;
    }
    if (current) line(current, size);
  };
  const day = (date: string) => formatCalendarDate(date, input.locale ?? undefined);

  line("GOOD FAITH ESTIMATE", 16, bold);
  line(`Issued ${day(input.issuedOn)}${input.version > 1 ? ` (version ${input.version}, replaces the earlier estimate)` : ""}`);
  y -= 6;
  line("Provider", 11, bold);
  line(s.provider.practiceName, 10, bold);
  if (s.provider.clinicianName) line(`Clinician: ${s.provider.clinicianName}`);
  line(`NPI: ${s.provider.npi ?? "not recorded"}${s.provider.practiceNpi && s.provider.practiceNpi !== s.provider.npi ? `    Practice NPI: ${s.provider.practiceNpi}` : ""}`);
  line(`Tax ID (TIN): ${s.provider.tin ?? "not recorded"}`);
  line(`Location: ${s.provider.location}`);
  const contact = [s.provider.phone, s.provider.email].filter(Boolean).join(" · ");
  if (contact) line(contact);
  y -= 6;
  line("Client", 11, bold);
  line(s.client.name);
  line(`Date of birth: ${s.client.dateOfBirth ? day(s.client.dateOfBirth) : "not recorded"}`);
  y -= 6;
  line("Primary service", 11, bold);
  para(s.primaryService, 10);
  line(`Period estimated: ${day(s.period.from)} to ${day(s.period.to)} (${s.period.weeks} weekly session${s.period.weeks === 1 ? "" : "s"})`);
  line(`Diagnosis codes (ICD-10): ${s.diagnosisCodes.length ? s.diagnosisCodes.join(", ") : "none recorded yet"}`);
  y -= 8;

  const cols = [
    { label: "Service", x: left },
    { label: "CPT", x: left + 250 },
    { label: "Quantity", x: left + 330 },
    { label: "Each", x: left + 390 },
    { label: "Expected charge", x: left + 450 },
  ];
  for (const c of cols) text(c.label, c.x, 9, bold);
  y -= 4;
  page.drawLine({ start: { x: left, y }, end: { x: 572, y }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
  y -= 12;
  for (const item of s.items) {
    newPageIfNeeded(90);
    text(item.description.slice(0, 48), cols[0]!.x, 9);
    text(item.cpt ?? "-", cols[1]!.x, 9);
    text(String(item.quantity), cols[2]!.x, 9);
    text(money(item.unitCharge, s.currency), cols[3]!.x, 9);
    text(money(item.total, s.currency), cols[4]!.x, 9);
    y -= 15;
  }
  page.drawLine({ start: { x: left, y: y + 10 }, end: { x: 572, y: y + 10 }, thickness: 0.5, color: rgb(0.5, 0.5, 0.5) });
  text("Total estimated charges", cols[0]!.x, 10, bold);
  text(money(s.total, s.currency), cols[4]!.x, 10, bold);
  y -= 24;
  line("Please read", 11, bold);
  for (const d of s.disclaimers) {
    para(`- ${d}`);
    y -= 3;
  }
  return doc.save();
}
