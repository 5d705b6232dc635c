import { clientSchema } from "@/lib/clients/client-schema";
import { isFormulaCell } from "./formula-cells";
import { IMPORT_LIMITS } from "./limits";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, toIsoDate, type ImportField, type ImportMapping } from "./mapping";
import type { CsvRow } from "./parse-csv";

/** A row that will become a client. */
export interface GoodRow {
  line: number;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  pronouns: string | null;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  notes: string | null;
  partner: string | null;
}

export interface BadRow {
  line: number;
  reasons: string[];
}

export interface DuplicateRow {
  line: number;
  email: string;
  /** The earlier line of this file with the same email, or null when an existing client has it. */
  sameAsLine: number | null;
}

/** One side of a couple: a row of this file (by index into `good`) or a client already in the practice. */
export type CoupleSide = { row: number } | { clientId: string };

export interface PartnerNote {
  line: number;
  reason: string;
}

export interface ExistingClient {
  id: string;
  email: string | null;
  inCouple: boolean;
}

export interface ImportPlan {
  good: GoodRow[];
  bad: BadRow[];
  duplicates: DuplicateRow[];
  couples: [CoupleSide, CoupleSide][];
  /** Partner cells that linked nobody (not found, ambiguous, already in a couple): the row is still imported. */
  partnerNotes: PartnerNote[];
}

const FIELD_MAX: Partial<Record<ImportField, number>> = { notes: IMPORT_LIMITS.maxNotesChars };

/**
 * Decides, without writing anything, what an import of these rows does:
 * which rows are bad and why (the client form's own schema, formula cells,
 * overlong cells), which are skipped as duplicates by email (a later row of
 * the file, or an address an existing client has), and which couples the
 * partner column links. Pure: the caller reads the existing clients.
 */
export function planImport(rows: CsvRow[], headers: string[], mapping: ImportMapping, existing: ExistingClient[]): ImportPlan {
  const good: GoodRow[] = [];
  const bad: BadRow[] = [];
  const duplicates: DuplicateRow[] = [];
  const existingByEmail = new Map(existing.filter((c) => c.email).map((c) => [c.email!, c]));
  const lineByEmail = new Map<string, number>();

  for (const row of rows) {
    const reasons: string[] = [];
    const cell = (f: ImportField): string => {
      const i = mapping[f];
      return i === null ? "" : (row.cells[i] ?? "");
    };
    const raw = {} as Record<ImportField, string>;
    const refused = new Set<string>();
    for (const f of IMPORT_FIELDS) {
      const value = cell(f);
      const max = FIELD_MAX[f] ?? IMPORT_LIMITS.maxCellChars;
      if (value.length > max) {
        reasons.push(`${IMPORT_FIELD_LABELS[f].replace(/ \(.*\)$/, "")} is ${value.length.toLocaleString("en-US")} characters long; at most ${max.toLocaleString("en-US")}`);
        raw[f] = "";
        refused.add(f);
      } else if (isFormulaCell(value, f)) {
        reasons.push(`${label(f)} starts with "${value.trim()[0]}", which spreadsheets run as a formula; remove that character`);
        raw[f] = "";
        refused.add(f);
      } else raw[f] = value;
    }
    const extra = row.cells.length > headers.length && row.cells.slice(headers.length).some((c) => c.trim() !== "");
    if (extra) reasons.push(`The row has ${row.cells.length} cells but the header names ${headers.length} columns (a delimiter inside an unquoted cell?)`);

    let firstName = raw.firstName;
    let lastName = raw.lastName;
    if (mapping.firstName === null || mapping.lastName === null) [firstName, lastName] = splitFullName(raw.fullName, firstName, lastName);

    let dateOfBirth = "";
    if (raw.dateOfBirth.trim()) {
      const iso = toIsoDate(raw.dateOfBirth, mapping.dateFormat);
      if (iso) dateOfBirth = iso;
      else reasons.push(`Date of birth "${raw.dateOfBirth.trim().slice(0, 40)}" is not a date in the chosen format`);
    }

    const parsed = clientSchema.safeParse({
      firstName,
      lastName,
      preferredName: raw.preferredName,
      pronouns: raw.pronouns,
      email: raw.email,
      phone: raw.phone,
      dateOfBirth,
      portalAccess: false,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const f = String(issue.path[0] ?? "") as ImportField;
        // Empty after a refused cell: the refusal already says why.
        if (refused.has(f) || ((f === "firstName" || f === "lastName") && refused.has("fullName"))) continue;
        reasons.push(withLabel(f, issue.message));
      }
    }
    if (reasons.length > 0 || !parsed.success) {
      bad.push({ line: row.line, reasons });
      continue;
    }
    const v = parsed.data;
    if (v.email) {
      const earlier = lineByEmail.get(v.email);
      if (earlier !== undefined) {
        duplicates.push({ line: row.line, email: v.email, sameAsLine: earlier });
        continue;
      }
      if (existingByEmail.has(v.email)) {
        duplicates.push({ line: row.line, email: v.email, sameAsLine: null });
        continue;
      }
      lineByEmail.set(v.email, row.line);
    }
    const notes = raw.notes.trim();
    const partner = raw.partner.trim();
    good.push({
      line: row.line,
      firstName: v.firstName,
      lastName: v.lastName,
      preferredName: v.preferredName,
      pronouns: v.pronouns,
      email: v.email,
      phone: v.phone,
      dateOfBirth: v.dateOfBirth,
      notes: notes ? notes : null,
      partner: partner ? partner : null,
    });
  }

  const { couples, partnerNotes } = linkPartners(good, existingByEmail);
  return { good, bad, duplicates, couples, partnerNotes };
}

/**
 * The partner column names another row by email (anything with an @) or by
 * full name ("First Last", or "Last, First"), or an existing client by email.
 * Rows pair in file order; each client is in at most one couple, so a second
 * claim on someone already paired is noted, not linked. A mutual pair (each
 * row naming the other) is one couple.
 */
function linkPartners(good: GoodRow[], existingByEmail: Map<string, ExistingClient>): { couples: [CoupleSide, CoupleSide][]; partnerNotes: PartnerNote[] } {
  const byEmail = new Map<string, number>();
  const byName = new Map<string, number[]>();
  good.forEach((r, i) => {
    if (r.email) byEmail.set(r.email, i);
    const key = nameKey(r.firstName, r.lastName);
    byName.set(key, [...(byName.get(key) ?? []), i]);
  });
  const pairedRows = new Map<number, number | string>();
  const pairedClients = new Set<string>();
  const couples: [CoupleSide, CoupleSide][] = [];
  const partnerNotes: PartnerNote[] = [];
  good.forEach((r, i) => {
    if (!r.partner) return;
    const ref = r.partner;
    let target: CoupleSide | null = null;
    if (ref.includes("@")) {
      const email = ref.toLowerCase();
      const row = byEmail.get(email);
      const client = existingByEmail.get(email);
      if (row !== undefined) target = { row };
      else if (client) {
        if (client.inCouple || pairedClients.has(client.id)) return void partnerNotes.push({ line: r.line, reason: "The partner is already in a couple; not linked" });
        target = { clientId: client.id };
      } else return void partnerNotes.push({ line: r.line, reason: "No row or client has the partner's email; not linked" });
    } else {
      const [first, last] = splitFullName(ref, "", "");
      const matches = (byName.get(nameKey(first, last)) ?? []).filter((j) => j !== i);
      if (matches.length === 0) return void partnerNotes.push({ line: r.line, reason: "No row has the partner's name; not linked" });
      if (matches.length > 1) return void partnerNotes.push({ line: r.line, reason: "More than one row has the partner's name; use their email instead" });
      target = { row: matches[0]! };
    }
    if ("row" in target && target.row === i) return void partnerNotes.push({ line: r.line, reason: "The partner column names this same client; not linked" });
    const mine = pairedRows.get(i);
    if ("row" in target && (mine === target.row || pairedRows.get(target.row) === i)) return; // the other half of a mutual pair
    if (mine !== undefined) return void partnerNotes.push({ line: r.line, reason: "This client is already linked to another partner; not linked again" });
    if ("row" in target && pairedRows.has(target.row)) return void partnerNotes.push({ line: r.line, reason: `The partner (line ${good[target.row]!.line}) is already linked to someone else; not linked` });
    if ("row" in target) {
      pairedRows.set(i, target.row);
      pairedRows.set(target.row, i);
    } else {
      pairedRows.set(i, target.clientId);
      pairedClients.add(target.clientId);
    }
    couples.push([{ row: i }, target]);
  });
  return { couples, partnerNotes };
}

const nameKey = (first: string, last: string) => `${first.trim().toLowerCase().replace(/\s+/g, " ")}\u0000${last.trim().toLowerCase().replace(/\s+/g, " ")}`;

/** "Last, First" or "First Middle Last" (the last word is the last name). */
export function splitFullName(full: string, first: string, last: string): [string, string] {
  const t = full.trim().replace(/\s+/g, " ");
  if (!t) return [first, last];
  const comma = t.indexOf(",");
  if (comma !== -1) return [first || t.slice(comma + 1).trim(), last || t.slice(0, comma).trim()];
  const space = t.lastIndexOf(" ");
  if (space === -1) return [first || t, last];
  return [first || t.slice(0, space), last || t.slice(space + 1)];
}

function label(f: ImportField): string {
  return IMPORT_FIELD_LABELS[f].replace(/ \(.*\)$/, "");
}

function withLabel(f: ImportField, message: string): string {
  const l = f in IMPORT_FIELD_LABELS ? label(f) : "";
  return l && !message.toLowerCase().startsWith(l.toLowerCase()) ? `${l}: ${message}` : message;
}
