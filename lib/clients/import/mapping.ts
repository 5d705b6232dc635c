import { z } from "zod";

/**
 * Which column of the file feeds which client field. The page offers one
 * select per field, guessed from the header names SimplePractice, Jane and
 * ordinary spreadsheets use; the same schema checks the page's form and the
 * server action.
 */
export const IMPORT_FIELDS = ["firstName", "lastName", "fullName", "preferredName", "pronouns", "email", "phone", "dateOfBirth", "partner", "notes"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  firstName: "First name",
  lastName: "Last name",
  fullName: "Full name (when there are no first/last columns)",
  preferredName: "Preferred name",
  pronouns: "Pronouns",
  email: "Email",
  phone: "Phone",
  dateOfBirth: "Date of birth",
  partner: "Partner (their email or full name)",
  notes: "Notes",
};

export const DATE_FORMATS = ["ymd", "mdy", "dmy"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  ymd: "Year-month-day (1985-03-31)",
  mdy: "Month/day/year (03/31/1985)",
  dmy: "Day/month/year (31/03/1985)",
};

/** A column index, or null for "not in this file". Form selects send strings. */
const column = z.preprocess((v) => (v === "" || v === undefined ? null : typeof v === "string" ? Number(v) : v), z.number().int().min(0).max(999).nullable());

export const importMappingSchema = z
  .object({
    ...(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, column])) as Record<ImportField, typeof column>),
    dateFormat: z.enum(DATE_FORMATS),
  })
  .superRefine((m, ctx) => {
    const hasSplit = m.firstName !== null && m.lastName !== null;
    if (!hasSplit && m.fullName === null) {
      const path = m.firstName === null ? "firstName" : "lastName";
      ctx.addIssue({ code: "custom", path: [path], message: "Choose the columns with first and last names, or one with full names" });
    }
    const seen = new Map<number, ImportField>();
    for (const f of IMPORT_FIELDS) {
      const c = m[f];
      if (c === null) continue;
      const other = seen.get(c);
      if (other) ctx.addIssue({ code: "custom", path: [f], message: `This column is already used for ${IMPORT_FIELD_LABELS[other].toLowerCase()}` });
      else seen.set(c, f);
    }
  });

export type ImportMapping = z.output<typeof importMappingSchema>;
export type ImportMappingInput = z.input<typeof importMappingSchema>;

/** Header names seen in exports, normalised (lower case, letters and digits only). */
const ALIASES: Record<ImportField, string[]> = {
  firstName: ["firstname", "first", "givenname", "clientfirstname", "patientfirstname", "legalfirstname", "forename"],
  lastName: ["lastname", "last", "surname", "familyname", "clientlastname", "patientlastname", "legallastname"],
  fullName: ["name", "fullname", "clientname", "patientname", "client", "patient"],
  preferredName: ["preferredname", "preferredfirstname", "nickname", "goesby"],
  pronouns: ["pronouns", "pronoun", "preferredpronouns"],
  email: ["email", "emailaddress", "email1", "primaryemail", "clientemail", "patientemail", "emails"],
  phone: ["phone", "mobilephone", "cellphone", "mobile", "cell", "phonenumber", "primaryphone", "homephone", "phone1", "telephone", "clientphone"],
  dateOfBirth: ["dateofbirth", "dob", "birthdate", "birthday", "birthdateymd", "clientdob"],
  partner: ["partner", "partneremail", "partnername", "spouse", "spouseemail", "couple", "couplewith", "relatedclient", "linkedclient"],
  notes: ["notes", "note", "comments", "comment", "clientnotes", "alertnotes", "adminnotes"],
};

const normalise = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The mapping a reader would pick from the header names, first match wins; dates guessed from the cells. */
export function guessMapping(headers: string[], sample: string[][], country: string): ImportMapping {
  const used = new Set<number>();
  const pick = (f: ImportField): number | null => {
    const names = ALIASES[f];
    for (const name of names) {
      const i = headers.findIndex((h, idx) => !used.has(idx) && normalise(h) === name);
      if (i !== -1) {
        used.add(i);
        return i;
      }
    }
    return null;
  };
  // Specific fields first, so "Partner name" is not taken as the client's name.
  const guessed = {} as Record<ImportField, number | null>;
  for (const f of ["partner", "preferredName", "email", "phone", "dateOfBirth", "pronouns", "notes", "firstName", "lastName"] as const) guessed[f] = pick(f);
  guessed.fullName = guessed.firstName !== null && guessed.lastName !== null ? null : pick("fullName");
  const dob = guessed.dateOfBirth;
  const dateFormat = guessDateFormat(dob === null ? [] : sample.map((r) => r[dob] ?? ""), country);
  return { ...guessed, dateFormat };
}

/** From the cells: a first part over 12 means day first, a second part over 12 month first; else the country's habit. */
export function guessDateFormat(values: string[], country: string): DateFormat {
  let dayFirst = false;
  let monthFirst = false;
  let iso = 0;
  let other = 0;
  for (const v of values) {
    const t = v.trim();
    if (!t) continue;
    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t)) {
      iso++;
      continue;
    }
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/.exec(t);
    if (!m) continue;
    other++;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (iso > 0 && other === 0) return "ymd";
  if (dayFirst && !monthFirst) return "dmy";
  if (monthFirst && !dayFirst) return "mdy";
  return country === "US" ? "mdy" : "dmy";
}

/** A cell as YYYY-MM-DD in the chosen order, or null when it is not a date in that order. */
export function toIsoDate(value: string, format: DateFormat): string | null {
  const t = value.trim();
  let y: number, mo: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!m || format === "ymd") return null;
    const [a, b] = [Number(m[1]), Number(m[2])];
    y = Number(m[3]);
    [mo, d] = format === "mdy" ? [a, b] : [b, a];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
