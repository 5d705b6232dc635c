import { formatCalendarDate } from "@/lib/dates";
import { PdfWriter } from "@/lib/export/pdf-writer";

/** What a home-exercise sheet shows, already loaded and scoped (lib/homework/exercise-sheets.ts). */
export interface ExerciseSheetData {
  practiceName: string;
  locale: string;
  clientName: string;
  /** The practice-local date the sheet is for (YYYY-MM-DD). */
  date: string;
  assignments: {
    title: string;
    personalNote: string | null;
    exercises: { title: string; instructions: string; dosageLine: string | null; timesPerWeek: number; minutes: number }[];
  }[];
}

export type SheetLine = { kind: "title" | "heading" | "subheading" | "text" | "muted" | "dosage"; text: string };

// The standard PDF fonts draw WinAnsi only; the dosage's "×" reads as "x" there.
const printable = (text: string) => text.replace(/\u00d7/g, "x");

/** The sheet as lines, in order: pure, so tests read exactly what is drawn. */
export function exerciseSheetLines(data: ExerciseSheetData): SheetLine[] {
  const lines: SheetLine[] = [
    { kind: "title", text: "Home-exercise sheet" },
    { kind: "text", text: data.practiceName },
    { kind: "muted", text: `For ${data.clientName}, ${formatCalendarDate(data.date, data.locale)}` },
  ];
  for (const a of data.assignments) {
    lines.push({ kind: "heading", text: a.title });
    if (a.personalNote) lines.push({ kind: "subheading", text: "From your clinician" }, { kind: "text", text: a.personalNote });
    for (const e of a.exercises) {
      // A single exercise's heading is already its title.
      if (a.exercises.length > 1 || e.title !== a.title) lines.push({ kind: "subheading", text: e.title });
      if (e.dosageLine) lines.push({ kind: "dosage", text: e.dosageLine });
      lines.push({ kind: "muted", text: `${e.timesPerWeek} times a week, about ${e.minutes} minutes each time` });
      lines.push({ kind: "text", text: e.instructions });
    }
  }
  lines.push({ kind: "muted", text: "Stop and contact your clinician if an exercise causes pain or feels wrong." });
  return lines;
}

/** Bytes of the sheet (US Letter, wrapped, new pages as needed). */
export async function exerciseSheetPdf(data: ExerciseSheetData): Promise<Uint8Array> {
  const pdf = await PdfWriter.create(`Home-exercise sheet for ${data.clientName}`, data.practiceName);
  for (const line of exerciseSheetLines(data)) {
    const text = printable(line.text);
    if (line.kind === "title") pdf.title(text);
    else if (line.kind === "heading") pdf.heading(text);
    else if (line.kind === "subheading") pdf.subheading(text);
    else if (line.kind === "dosage") pdf.text(text, { bold: true, size: 11 });
    else pdf.text(text, { muted: line.kind === "muted" });
  }
  return pdf.save();
}
