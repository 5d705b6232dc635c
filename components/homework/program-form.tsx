"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { saveProgramAction } from "@/app/(clinic)/clinic/[practice]/homework/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, Textarea, LabelOptions } from "@/components/ui/field";
import { PARTICIPANT_LABELS } from "@/lib/homework/labels";
import { programSchema, type ProgramInput } from "@/lib/homework/program-schema";

export function ProgramForm({
  slug,
  programId,
  exercises,
  defaults,
}: {
  slug: string;
  programId: string | null;
  exercises: { id: string; title: string; frequencyPerWeek: number }[];
  defaults?: ProgramInput;
}) {
  const router = useRouter();
  const form = useForm<ProgramInput, unknown, z.output<typeof programSchema>>({
    resolver: zodResolver(programSchema),
    defaultValues: defaults ?? { title: "", summary: "", audience: "couple_together", weeks: 4, items: [{ exerciseId: "", week: 1, timesPerWeek: 3 }] },
  });
  const items = useFieldArray({ control: form.control, name: "items" });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    const result = await saveProgramAction(slug, programId, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.push(`/clinic/${slug}/homework/programs/${result.programId}`);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <FormError message={errors.root?.message} />
      <Field label="Title" required error={errors.title?.message}>
        {(ids) => <Input {...ids} {...form.register("title")} />}
      </Field>
      <Field label="Summary" required error={errors.summary?.message}>
        {(ids) => <Textarea {...ids} rows={3} {...form.register("summary")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Written for" required error={errors.audience?.message}>
          {(ids) => (
            <Select {...ids} {...form.register("audience")}>
              <LabelOptions labels={PARTICIPANT_LABELS} />
            </Select>
          )}
        </Field>
        <Field label="Weeks" required error={errors.weeks?.message}>
          {(ids) => <Input {...ids} type="number" inputMode="numeric" min={1} max={26} {...form.register("weeks")} />}
        </Field>
      </div>
      <fieldset className="space-y-3 rounded-lg border border-line p-4">
        <legend className="px-1 font-semibold">Exercises by week</legend>
        {items.fields.map((f, i) => {
          const e = errors.items?.[i];
          return (
            <div key={f.id} className="grid gap-3 border-b border-line pb-3 sm:grid-cols-[5rem_1fr_7rem_auto]">
              <Field label="Week" error={e?.week?.message}>
                {(ids) => <Input {...ids} type="number" inputMode="numeric" min={1} {...form.register(`items.${i}.week`)} />}
              </Field>
              <Field label={`Exercise ${i + 1}`} error={e?.exerciseId?.message}>
                {(ids) => (
                  <Select {...ids} {...form.register(`items.${i}.exerciseId`)}>
                    <option value="">Choose…</option>
                    {exercises.map((x) => (
                      <option key={x.id} value={x.id}>
                        {x.title}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Times/week" error={e?.timesPerWeek?.message}>
                {(ids) => <Input {...ids} type="number" inputMode="numeric" min={1} max={14} {...form.register(`items.${i}.timesPerWeek`)} />}
              </Field>
              <div className="flex items-end gap-1">
                <Button variant="secondary" size="sm" disabled={i === 0} onClick={() => items.move(i, i - 1)} aria-label={`Move exercise ${i + 1} up`}>
                  ↑
                </Button>
                <Button variant="secondary" size="sm" onClick={() => items.remove(i)} aria-label={`Remove exercise ${i + 1}`}>
                  Remove
                </Button>
              </div>
            </div>
          );
        })}
        <FormError message={errors.items?.message ?? errors.items?.root?.message} />
        <Button variant="secondary" size="sm" onClick={() => items.append({ exerciseId: "", week: Number(form.getValues("weeks")) || 1, timesPerWeek: 3 })}>
          Add an exercise
        </Button>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : programId ? "Save program" : "Create program"}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
