"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addAddendumAction, cosignNoteAction, startNoteAction } from "@/app/(clinic)/clinic/[practice]/notes/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, Textarea } from "@/components/ui/field";
import { addendumSchema, startNoteSchema, type AddendumInput, type StartNoteInput } from "@/lib/notes/schema";

/** Starts a note from one of the practice's templates, for this session or this client. */
export function StartNoteForm({
  practiceSlug,
  appointmentId,
  clientId,
  templates,
  label = "Start note",
  defaultTemplateId,
}: {
  practiceSlug: string;
  appointmentId?: string;
  clientId?: string;
  templates: { id: string; title: string }[];
  label?: string;
  defaultTemplateId?: string;
}) {
  const router = useRouter();
  const form = useForm<StartNoteInput, unknown, z.output<typeof startNoteSchema>>({
    resolver: zodResolver(startNoteSchema),
    defaultValues: { appointmentId, clientId, templateId: defaultTemplateId ?? templates[0]?.id ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await startNoteAction(practiceSlug, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    if (!appointmentId) router.push(`/clinic/${practiceSlug}/notes/${result.noteId}`);
    else router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2">
      {templates.length === 1 ? (
        // One template (psychotherapy notes): nothing to choose.
        <input type="hidden" {...form.register("templateId")} />
      ) : (
        <Field label="Template" error={errors.templateId?.message} className="min-w-0 flex-1 basis-56">
          {(ids) => (
            <Select {...ids} {...form.register("templateId")}>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Button type="submit" disabled={isSubmitting}>
        {label}
      </Button>
      <div className="basis-full">
        <FormError message={errors.root?.message} />
      </div>
    </form>
  );
}

/** A correction to a signed note: why, and what. Kept in order under the note. */
export function AddendumForm({ practiceSlug, noteId }: { practiceSlug: string; noteId: string }) {
  const router = useRouter();
  const [added, setAdded] = useState(false);
  const form = useForm<AddendumInput, unknown, z.output<typeof addendumSchema>>({ resolver: zodResolver(addendumSchema), defaultValues: { reason: "", body: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setAdded(false);
    const result = await addAddendumAction(practiceSlug, noteId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    form.reset({ reason: "", body: "" });
    setAdded(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <h3 className="font-semibold">Add addendum</h3>
      <Field label="Why" hint="For example: a correction, a late entry, a supervisor's review" error={errors.reason?.message} required>
        {(ids) => <Input {...ids} {...form.register("reason")} />}
      </Field>
      <Field label="Addendum" error={errors.body?.message} required>
        {(ids) => <Textarea {...ids} rows={4} {...form.register("body")} />}
      </Field>
      <FormError message={errors.root?.message} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        Add addendum
      </Button>
      {added ? (
        <p role="status" className="text-sm text-brand-strong">
          Addendum added.
        </p>
      ) : null}
    </form>
  );
}

export function CosignButton({ practiceSlug, noteId }: { practiceSlug: string; noteId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  return (
    <div className="space-y-2">
      <FormError message={error} />
      <Button
        type="button"
        variant="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(undefined);
          const result = await cosignNoteAction(practiceSlug, noteId);
          setBusy(false);
          if (!result.ok) return setError(Object.values(result.errors)[0]?.[0] ?? "The note could not be co-signed");
          router.refresh();
        }}
      >
        Co-sign as supervisor
      </Button>
    </div>
  );
}
