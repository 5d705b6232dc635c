"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { saveNoteDraftAction, signNoteAction } from "@/app/(clinic)/clinic/[practice]/notes/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError, Input } from "@/components/ui/field";
import type { NoteKind, NoteTemplateDefinition } from "@/lib/notes/content";
import { noteDraftSchema, type NoteDraftInput } from "@/lib/notes/schema";
import { NoteFieldControl } from "./note-fields";

/** The codes' error, whether zod named the field or one code in it (`codes.0`). */
function codesError(e: unknown): string | undefined {
  const one = e as { message?: string; [i: number]: { message?: string } | undefined } | undefined;
  return one?.message ?? one?.[0]?.message;
}

/** How long typing must pause before the draft autosaves. */
const AUTOSAVE_MS = 1200;

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; message: string };

/**
 * The author's draft: the template's fields, autosaved a moment after typing
 * stops (a visible, announced "Saved" status), then Sign, which saves the
 * final values and locks the note.
 */
export function NoteEditor({
  practiceSlug,
  noteId,
  kind,
  definition,
  values,
  codes,
  locale,
  timeZone,
}: {
  practiceSlug: string;
  noteId: string;
  kind: NoteKind;
  definition: NoteTemplateDefinition;
  values: Record<string, string>;
  codes: string;
  locale: string;
  timeZone: string;
}) {
  const router = useRouter();
  const form = useForm<NoteDraftInput, unknown, z.output<typeof noteDraftSchema>>({ resolver: zodResolver(noteDraftSchema), defaultValues: { content: values, codes } });
  const { errors } = form.formState;
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [confirming, setConfirming] = useState(false);
  const [signing, setSigning] = useState(false);
  const watched = useWatch({ control: form.control });
  const first = useRef(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const saveNow = useCallback(async () => {
    setSave({ kind: "saving" });
    const result = await saveNoteDraftAction(practiceSlug, noteId, form.getValues());
    if (!result.ok) {
      applyServerErrors(form, result.errors);
      setSave({ kind: "error", message: "Not saved: see the highlighted fields" });
      return false;
    }
    form.clearErrors();
    setSave({ kind: "saved", at: result.savedAt });
    return true;
  }, [form, noteId, practiceSlug]);

  useEffect(() => {
    // The first run is the initial values: nothing to save yet.
    if (first.current) {
      first.current = false;
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [watched, saveNow]);

  async function sign() {
    if (timer.current) clearTimeout(timer.current);
    setSigning(true);
    const result = await signNoteAction(practiceSlug, noteId, form.getValues());
    setSigning(false);
    setConfirming(false);
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.refresh();
  }

  const time = (iso: string) => new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone }).format(new Date(iso));
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(() => setConfirming(true))}
      aria-describedby={`note-status-${noteId}`}
    >
      {definition.sections.map((section) => (
        <fieldset key={section.id} className="space-y-3">
          <legend className="mb-1 font-semibold">{section.title}</legend>
          {section.fields.map((f) => (
            <NoteFieldControl key={f.id} field={f} register={form.register} error={errors.content?.[f.id]?.message} />
          ))}
        </fieldset>
      ))}
      {kind === "progress" ? (
        <Field label="Diagnosis codes on this note (ICD-10)" hint="Separated by commas, e.g. F43.23, Z63.0. When you sign, they become the session's codes on the superbill." error={codesError(errors.codes)}>
          {(ids) => <Input {...ids} {...form.register("codes")} />}
        </Field>
      ) : null}
      <FormError message={errors.root?.message} />
      <p id={`note-status-${noteId}`} role="status" className="text-sm text-muted">
        {save.kind === "saving" ? "Saving…" : save.kind === "saved" ? `Saved at ${time(save.at)}` : save.kind === "error" ? save.message : "Draft: changes save as you type"}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => void saveNow()}>
          Save draft
        </Button>
        <Button type="submit">Sign note</Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Sign this note?"
        description="Signing records you and the time, and locks the note: corrections after this are addenda."
        confirmLabel={signing ? "Signing…" : "Sign note"}
        confirmVariant="primary"
        onConfirm={() => void sign()}
      />
    </form>
  );
}
