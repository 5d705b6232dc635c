import { z } from "zod";
import type { NoteTemplateDefinition } from "./content";

/**
 * The note template editor's schema (decision 0058), shared by the editor in
 * the browser and lib/notes/template-editor. Field ids are the keys of a
 * note's content, so they must be unique across the whole template; the
 * editor keeps an edited field's id, so a renamed label still reads the
 * values notes wrote under it.
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "Use lowercase letters, digits and _ (starting with a letter)");

const optionSchema = z.object({
  value: id,
  label: z.string().trim().min(1, "Name the option").max(120, "At most 120 characters"),
});

const fieldSchema = z
  .object({
    id,
    label: z.string().trim().min(1, "Name the field").max(200, "At most 200 characters"),
    kind: z.enum(["short_text", "long_text", "number", "choice"], "Choose a kind of field"),
    help: z.string().trim().max(300, "At most 300 characters").optional(),
    min: z.number("Enter a number").finite().optional(),
    max: z.number("Enter a number").finite().optional(),
    unit: z.string().trim().max(20, "At most 20 characters").optional(),
    options: z.array(optionSchema).max(20, "At most 20 options").optional(),
    prefill: z.enum(["attendees", "service", "cpt", "measures"]).optional(),
  })
  .superRefine((f, ctx) => {
    if (f.kind === "number" && f.min !== undefined && f.max !== undefined && f.min > f.max) {
      ctx.addIssue({ code: "custom", path: ["max"], message: "The highest value must be at least the lowest" });
    }
    if (f.kind === "choice") {
      if (!f.options || f.options.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "A choice needs at least two options" });
      const seen = new Set<string>();
      f.options?.forEach((o, i) => {
        if (seen.has(o.value)) ctx.addIssue({ code: "custom", path: ["options", i, "label"], message: "Two options have the same value" });
        seen.add(o.value);
      });
    }
    if (f.prefill && f.kind !== "short_text" && f.kind !== "long_text") {
      ctx.addIssue({ code: "custom", path: ["prefill"], message: "Only a text field can be filled from the session" });
    }
  })
  // Keep only what the kind uses: a field switched from number to text drops its range.
  .transform((f) => ({
    id: f.id,
    label: f.label,
    kind: f.kind,
    ...(f.help ? { help: f.help } : {}),
    ...(f.kind === "number" ? { ...(f.min !== undefined ? { min: f.min } : {}), ...(f.max !== undefined ? { max: f.max } : {}), ...(f.unit ? { unit: f.unit } : {}) } : {}),
    ...(f.kind === "choice" ? { options: f.options } : {}),
    ...(f.prefill ? { prefill: f.prefill } : {}),
  }));

const sectionSchema = z.object({
  id,
  title: z.string().trim().min(1, "Name the section").max(120, "At most 120 characters"),
  fields: z.array(fieldSchema).min(1, "A section needs at least one field").max(40, "At most 40 fields in a section"),
});

export const noteTemplateDefinitionSchema = z
  .object({
    title: z.string().trim().min(1, "Name the template").max(120, "At most 120 characters"),
    description: z.string().trim().max(500, "At most 500 characters"),
    kind: z.enum(["progress", "psychotherapy"], "Choose a kind of note"),
    sections: z.array(sectionSchema).min(1, "A template needs at least one section").max(20, "At most 20 sections"),
  })
  .superRefine((d, ctx) => {
    const fields = new Set<string>();
    const sections = new Set<string>();
    d.sections.forEach((s, si) => {
      if (sections.has(s.id)) ctx.addIssue({ code: "custom", path: ["sections", si, "title"], message: "Two sections share an id" });
      sections.add(s.id);
      s.fields.forEach((f, fi) => {
        if (fields.has(f.id)) ctx.addIssue({ code: "custom", path: ["sections", si, "fields", fi, "label"], message: "Two fields share an id" });
        fields.add(f.id);
      });
    });
  }) satisfies z.ZodType<NoteTemplateDefinition, unknown>;

export const newNoteTemplateSchema = z.object({
  title: z.string().trim().min(1, "Name the template").max(120, "At most 120 characters"),
  /** An existing template of the practice to start from; empty starts blank. */
  copyFrom: z.union([z.uuid("Choose a template to start from"), z.literal("")]),
});
export type NewNoteTemplateInput = z.input<typeof newNoteTemplateSchema>;

/** A lowercase id from a label, unique among `taken`: the editor's ids for new fields and sections. */
export function idFromLabel(label: string, taken: ReadonlySet<string>, fallback = "field"): string {
  const base =
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .replace(/^[^a-z]+/, "")
      .slice(0, 32) || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}
