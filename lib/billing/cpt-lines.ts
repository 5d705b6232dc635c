import { z } from "zod";

/**
 * CPT lines as clinicians write them: one line per row, the code, then units
 * as "x2" (or "×2"), then up to four two-character modifiers, e.g.
 *
 *   97110 x2 GP
 *   97140 GP
 *
 * One text box rather than a grid of inputs: a PT visit has two to four lines
 * and clinicians already write them this way on paper. The same schema runs in
 * the browser (react-hook-form) and in the server action; each message names
 * the line. The database checks the same rules (db/schema/billing.ts).
 */
export interface CptLine {
  code: string;
  units: number;
  modifiers: string[];
}

/** 5 digits (97110) or 4 digits and a letter (Category II/III, e.g. 0552T). */
export const CPT_CODE = /^[0-9]{4}[0-9A-Z]$/;
export const MODIFIER = /^[0-9A-Z]{2}$/;
export const MAX_UNITS = 8;
export const MAX_MODIFIERS = 4;
export const MAX_LINES = 12;

export type ParsedCptLines = { ok: true; lines: CptLine[] } | { ok: false; message: string };

/** Parses the text box; pure, so the unit tests and both sides share it. */
export function parseCptLines(text: string): ParsedCptLines {
  const rows = text
    .split(/\r?\n|;/)
    .map((r) => r.trim())
    .filter(Boolean);
  if (rows.length > MAX_LINES) return { ok: false, message: `At most ${MAX_LINES} CPT lines` };
  const lines: CptLine[] = [];
  for (const [i, row] of rows.entries()) {
    const where = rows.length > 1 ? `Line ${i + 1}: ` : "";
    const [code = "", ...rest] = row.toUpperCase().split(/[\s,]+/).filter(Boolean);
    if (!CPT_CODE.test(code)) return { ok: false, message: `${where}${code} is not a CPT code: 5 digits, or 4 digits and a letter, e.g. 97110` };
    let units: number | null = null;
    const modifiers: string[] = [];
    for (const token of rest) {
      const unit = /^[X×](\d+)$/.exec(token);
      if (unit) {
        if (units !== null) return { ok: false, message: `${where}give the units once, e.g. ${code} x2` };
        units = Number(unit[1]);
        if (!Number.isInteger(units) || units < 1 || units > MAX_UNITS) return { ok: false, message: `${where}units must be between 1 and ${MAX_UNITS}` };
        continue;
      }
      if (!MODIFIER.test(token)) return { ok: false, message: `${where}${token} is not a modifier: modifiers are 2 letters or digits, e.g. GP or 59` };
      if (!modifiers.includes(token)) modifiers.push(token);
    }
    if (modifiers.length > MAX_MODIFIERS) return { ok: false, message: `${where}at most ${MAX_MODIFIERS} modifiers` };
    lines.push({ code, units: units ?? 1, modifiers });
  }
  return { ok: true, lines };
}

/** The text box's value for saved lines (the inverse of parseCptLines). */
export function formatCptLines(lines: CptLine[]): string {
  return lines.map(formatCptLine).join("\n");
}

export function formatCptLine(l: CptLine): string {
  return [l.code, l.units > 1 ? `x${l.units}` : null, ...l.modifiers].filter(Boolean).join(" ");
}

/** The field as a zod schema: a string in, CPT lines out, one message naming the line. */
export const cptLinesField = z
  .string()
  .max(600, "At most 600 characters")
  .transform((value, ctx) => {
    const parsed = parseCptLines(value);
    if (parsed.ok) return parsed.lines;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  });

/** A visit's CPT lines form (the appointment page). Empty: the service's lines apply. */
export const appointmentCptSchema = z.object({ cptLines: cptLinesField });
export type AppointmentCptInput = z.input<typeof appointmentCptSchema>;
