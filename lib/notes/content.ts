/**
 * What note templates and notes store (decision 0052). Types only, no
 * imports, so db/schema can name them without reaching domain code
 * (tests/unit/booking-billing-imports.test.ts).
 */

/** Note kinds: a progress note is part of the record; psychotherapy (process) notes are the author's own. */
export type NoteKind = "progress" | "psychotherapy";

/**
 * What the note fills a field with when it is started from an appointment:
 * who attended, the service, its CPT lines, the attendees' latest measure scores.
 */
export type NotePrefill = "attendees" | "service" | "cpt" | "measures";

export interface NoteField {
  /** Stable within the template: the key of the value in the note's content. */
  id: string;
  label: string;
  kind: "short_text" | "long_text" | "number" | "choice";
  help?: string;
  /** For numbers (a pain score, a muscle grade, a count). */
  min?: number;
  max?: number;
  unit?: string;
  /** For choices. */
  options?: { value: string; label: string }[];
  prefill?: NotePrefill;
}

export interface NoteSection {
  id: string;
  title: string;
  fields: NoteField[];
}

export interface NoteTemplateDefinition {
  title: string;
  description: string;
  /** Which kind of note the template writes by default. */
  kind: NoteKind;
  sections: NoteSection[];
}

/** A note's field values by field id: text, a number, or empty. */
export type NoteContent = Record<string, string | number | null>;
