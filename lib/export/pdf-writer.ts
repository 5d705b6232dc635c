import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";

/**
 * Flowing text on US Letter pages with pdf-lib, as the superbill draws
 * (lib/billing/superbill.ts): standard fonts, nothing native. Lines wrap at
 * the margin and a new page starts when one is full.
 */
export class PdfWriter {
  private page!: PDFPage;
  private y = 0;
  private constructor(
    readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  static async create(title: string, author: string): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(ascii(title));
    doc.setAuthor(ascii(author));
    return new PdfWriter(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  }

  static readonly left = 48;
  static readonly right = 564;
  private static readonly top = 744;
  private static readonly bottom = 56;

  private newPage(): void {
    this.page = this.doc.addPage([612, 792]);
    this.y = PdfWriter.top;
  }

  /** Room for `height` points, or a new page. */
  space(height: number): void {
    if (this.y - height < PdfWriter.bottom) this.newPage();
  }

  gap(points = 8): void {
    this.y -= points;
  }

  title(text: string): void {
    this.text(text, { size: 18, bold: true });
    this.gap(4);
  }

  heading(text: string): void {
    this.space(48);
    this.gap(10);
    this.text(text, { size: 13, bold: true });
    this.page.drawLine({ start: { x: PdfWriter.left, y: this.y + 4 }, end: { x: PdfWriter.right, y: this.y + 4 }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
    this.gap(4);
  }

  subheading(text: string): void {
    this.space(30);
    this.gap(4);
    this.text(text, { size: 11, bold: true });
  }

  /** A paragraph, wrapped; `indent` in points. */
  text(value: string, options: { size?: number; bold?: boolean; indent?: number; muted?: boolean } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const x = PdfWriter.left + (options.indent ?? 0);
    const width = PdfWriter.right - x;
    for (const line of wrap(ascii(value), font, size, width)) {
      this.space(size + 4);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: options.muted ? rgb(0.35, 0.37, 0.4) : rgb(0.1, 0.12, 0.13) });
      this.y -= size + 4;
    }
  }

  /** "Label: value" with the label in bold. */
  field(label: string, value: string, indent = 0): void {
    this.text(`${label}: ${value}`, { indent });
  }

  /**
   * A line chart of one series (a measure's totals over time), `max` the
   * scale's top. Points in order; labels under the first and last.
   */
  chart(points: { label: string; value: number }[], max: number): void {
    const height = 110;
    this.space(height + 30);
    const x0 = PdfWriter.left + 28;
    const x1 = PdfWriter.right - 8;
    const y0 = this.y - height;
    const y1 = this.y - 6;
    const grey = rgb(0.6, 0.6, 0.6);
    this.page.drawLine({ start: { x: x0, y: y0 }, end: { x: x1, y: y0 }, thickness: 0.5, color: grey });
    this.page.drawLine({ start: { x: x0, y: y0 }, end: { x: x0, y: y1 }, thickness: 0.5, color: grey });
    this.page.drawText("0", { x: PdfWriter.left, y: y0 - 3, size: 8, font: this.font, color: grey });
    this.page.drawText(String(max), { x: PdfWriter.left, y: y1 - 3, size: 8, font: this.font, color: grey });
    const step = points.length > 1 ? (x1 - x0 - 12) / (points.length - 1) : 0;
    const at = (i: number, v: number) => ({ x: x0 + 6 + i * step, y: y0 + (Math.max(0, Math.min(v, max)) / (max || 1)) * (y1 - y0) });
    const ink = rgb(0.05, 0.4, 0.45);
    points.forEach((p, i) => {
      const here = at(i, p.value);
      if (i > 0) this.page.drawLine({ start: at(i - 1, points[i - 1]!.value), end: here, thickness: 1.2, color: ink });
      this.page.drawCircle({ x: here.x, y: here.y, size: 2.2, color: ink });
    });
    if (points.length > 0) {
      this.page.drawText(ascii(points[0]!.label), { x: x0, y: y0 - 12, size: 8, font: this.font, color: grey });
      if (points.length > 1) {
        const last = ascii(points[points.length - 1]!.label);
        this.page.drawText(last, { x: x1 - this.font.widthOfTextAtSize(last, 8), y: y0 - 12, size: 8, font: this.font, color: grey });
      }
    }
    this.y = y0 - 20;
  }

  save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => page.drawText(`Page ${i + 1} of ${pages.length}`, { x: PdfWriter.right - 60, y: 30, size: 8, font: this.font, color: rgb(0.4, 0.4, 0.4) }));
    return this.doc.save();
  }
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      if (!word) continue;
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) {
        line = next;
        continue;
      }
      if (line) out.push(line);
      // A word longer than the line is cut where it must be.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let n = rest.length - 1;
        while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n), size) > width) n--;
        out.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      line = rest;
    }
    out.push(line);
  }
  return out;
}

/** Standard fonts carry WinAnsi only: keep text to what they can draw (accents folded, others as "?"). */
export function ascii(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/[^\x20-\x7E\n]/g, "?");
}
