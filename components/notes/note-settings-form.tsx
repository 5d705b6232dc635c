"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { saveNoteSettingsAction } from "@/app/(clinic)/clinic/[practice]/settings/notes/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, SavedStatus, Select } from "@/components/ui/field";
import { noteSettingsSchema } from "@/lib/notes/settings-schema";

type Values = z.input<typeof noteSettingsSchema>;

export function NoteSettingsForm({ slug, clinicians, defaults }: { slug: string; clinicians: { memberId: string; name: string; roleLabel: string }[]; defaults: Values }) {
  const [saved, setSaved] = useState(false);
  const form = useForm<Values, unknown, z.output<typeof noteSettingsSchema>>({ resolver: zodResolver(noteSettingsSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const supervised = useWatch({ control: form.control, name: "supervised" }) ?? [];
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const r = await saveNoteSettingsAction(slug, values);
    if (!r.ok) return applyServerErrors(form, r.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Session note rules">
      <FormError message={errors.root?.message} />
      <Field label="Hours after a session before its unsigned note is overdue" hint="Between 1 and 720. Overdue notes are marked on the clinic home." required error={errors.noteSignHours?.message}>
        {(ids) => <Input {...ids} inputMode="numeric" className="max-w-32" {...form.register("noteSignHours")} />}
      </Field>
      <fieldset aria-describedby={errors.supervised ? "supervised-error" : "supervised-hint"}>
        <legend className="mb-1 font-medium">Supervised clinicians</legend>
        <p id="supervised-hint" className="mb-2 text-sm text-muted">
          A supervised clinician&apos;s signed notes wait for a co-signature: from their assigned supervisor, or from any clinician who is not supervised. A supervised clinician cannot co-sign.
        </p>
        {clinicians.length === 0 ? (
          <p className="text-muted">Nobody in the practice writes notes yet.</p>
        ) : (
          <div className="space-y-1">
            {clinicians.map((c) => (
              <div key={c.memberId}>
                <label className="flex min-h-11 items-center gap-3">
                  <input type="checkbox" value={c.memberId} className="size-5 shrink-0 accent-brand" {...form.register("supervised")} />
                  <span>
                    {c.name} <span className="text-sm text-muted">({c.roleLabel})</span>
                  </span>
                </label>
                {supervised.includes(c.memberId) ? (
                  <div className="mb-2 ml-8">
                    <Field label={`${c.name}'s supervisor`} hint="The only person who co-signs their notes." error={(errors.supervisors as Record<string, { message?: string }> | undefined)?.[c.memberId]?.message}>
                      {(ids) => (
                        <Select {...ids} {...form.register(`supervisors.${c.memberId}`)}>
                          <option value="">Anyone who co-signs</option>
                          {clinicians
                            .filter((s) => s.memberId !== c.memberId && !supervised.includes(s.memberId))
                            .map((s) => (
                              <option key={s.memberId} value={s.memberId}>
                                {s.name}
                              </option>
                            ))}
                        </Select>
                      )}
                    </Field>
                  </div>
                ) : null}
              </div>
            ))}
          </div>
        )}
        {errors.supervised ? (
          <p id="supervised-error" role="alert" className="mt-1 text-sm font-medium text-danger">
            {errors.supervised.message}
          </p>
        ) : null}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          Save
        </Button>
        <SavedStatus show={saved} />
      </div>
    </form>
  );
}
