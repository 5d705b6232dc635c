"use client";

import { useForm } from "react-hook-form";
import type { NoteTemplateDefinition } from "@/lib/notes/content";
import type { NoteDraftInput } from "@/lib/notes/schema";
import { NoteFieldControl } from "./note-fields";

/**
 * The template as clinicians will see it in a note (decision 0058, addendum):
 * the same field controls the note editor draws, from the editor's unsaved
 * state, so a change shows before it is published. Its own little form: what
 * is typed here goes nowhere.
 */
export function NoteTemplatePreview({ definition }: { definition: NoteTemplateDefinition }) {
  const form = useForm<NoteDraftInput>({ defaultValues: { content: {} } });
  return (
    <details className="rounded-lg border border-line p-3">
      <summary className="min-h-11 cursor-pointer py-2 font-semibold">Preview the note form</summary>
      <form aria-label="Preview of the note form" noValidate className="mt-2 space-y-4" onSubmit={(e) => e.preventDefault()}>
        <p className="text-sm text-muted">
          {definition.title || "Untitled template"}, as a clinician writing a {definition.kind === "psychotherapy" ? "psychotherapy" : "progress"} note sees it. Try the fields: nothing typed here is saved.
        </p>
        {definition.sections.map((section) => (
          <fieldset key={section.id} className="space-y-3">
            <legend className="mb-1 font-semibold">{section.title || "Untitled section"}</legend>
            {section.fields.map((f) => (
              <NoteFieldControl key={f.id} field={f} register={form.register} />
            ))}
          </fieldset>
        ))}
      </form>
    </details>
  );
}
