import { z } from "zod";
import { diagnosisSchema } from "@/lib/billing/diagnosis-schema";
import type { FieldErrors } from "@/lib/form-result";
import type { NoteContent, NoteTemplateDefinition } from "./content";

/**
 * The note forms' schemas (decision 0052), shared by the editor
 * (react-hook-form) and lib/notes. Field values travel as text, as inputs
 * give them; `checkContent` reads them against the template version the note
 * was written on (numbers in range, choices from the list) and names the field.
 */

export const MAX_FIELD_CHARS = 20000;

export const startNoteSchema = z
  .object({
    appointmentId: z.uuid("Choose a session").optional(),
    clientId: z.uuid("Choose a client").optional(),
    templateId: z.uuid("Choose a template"),
    kind: z.enum(["progress", "psychotherapy"], "Choose a kind of note").optional(),
  })
  .refine((v) => Boolean(v.appointmentId) !== Boolean(v.clientId), { message: "A note is for one session or one client", path: ["form"] });
export type StartNoteInput = z.input<typeof startNoteSchema>;

export const noteDraftSchema = z.object({
  content: z.record(z.string(), z.string().max(MAX_FIELD_CHARS, `At most ${MAX_FIELD_CHARS} characters`)),
  codes: diagnosisSchema.shape.codes,
});
export type NoteDraftInput = z.input<typeof noteDraftSchema>;

export const addendumSchema = z.object({
  reason: z.string().trim().min(1, "Say why you are adding this").max(500, "At most 500 characters"),
  body: z.string().trim().min(1, "Write the addendum").max(MAX_FIELD_CHARS, `At most ${MAX_FIELD_CHARS} characters`),
});
export type AddendumInput = z.input<typeof addendumSchema>;

/** The template's fields, in order. */
export function fieldsOf(definition: NoteTemplateDefinition) {
  return definition.sections.flatMap((s) => s.fields);
}

/**
 * Text values as the note stores them: only the template's fields, numbers
 * as numbers, empty as null. Errors are keyed `content.<field id>`.
 */
export function checkContent(definition: NoteTemplateDefinition, values: Record<string, string>): { ok: true; content: NoteContent } | { ok: false; errors: FieldErrors } {
  const content: NoteContent = {};
  const errors: FieldErrors = {};
  for (const f of fieldsOf(definition)) {
    const raw = (values[f.id] ?? "").trim();
    if (raw === "") {
      content[f.id] = null;
      continue;
    }
    if (f.kind === "number") {
      const n = Number(raw);
      if (!Number.isFinite(n)) errors[`content.${f.id}`] = [`${f.label}: enter a number`];
      else if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) errors[`content.${f.id}`] = [`${f.label}: between ${f.min ?? "…"} and ${f.max ?? "…"}`];
      else content[f.id] = n;
    } else if (f.kind === "choice") {
      if (!f.options?.some((o) => o.value === raw)) errors[`content.${f.id}`] = [`${f.label}: choose one of the options`];
      else content[f.id] = raw;
    } else {
      content[f.id] = raw;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, content };
}

/** The stored content as the editor's text values. */
export function contentAsText(definition: NoteTemplateDefinition, content: NoteContent): Record<string, string> {
  return Object.fromEntries(fieldsOf(definition).map((f) => [f.id, content[f.id] == null ? "" : String(content[f.id])]));
}

export function isEmptyContent(content: NoteContent): boolean {
  return Object.values(content).every((v) => v === null || v === "");
}
