"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import type { z } from "zod";
import { saveExerciseAction } from "@/app/(clinic)/clinic/[practice]/homework/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, Textarea, LabelOptions } from "@/components/ui/field";
import { exerciseSchema, type ExerciseInput } from "@/lib/homework/exercise-schema";
import { DosageFields } from "./dosage-fields";
import { CATEGORY_LABELS, PARTICIPANT_LABELS } from "@/lib/homework/labels";
import { RATING_KINDS, RATING_KIND_LABELS } from "@/lib/homework/prompts";

/** A prompt id not used yet, from its kind (ratings) or "q" (questions). */
function freshId(base: string, taken: string[]): string {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}_${n}`;
    if (!taken.includes(id)) return id;
  }
}

export function ExerciseForm({ slug, exerciseId, defaults }: { slug: string; exerciseId: string | null; defaults?: ExerciseInput }) {
  const router = useRouter();
  const form = useForm<ExerciseInput, unknown, z.output<typeof exerciseSchema>>({
    resolver: zodResolver(exerciseSchema),
    defaultValues: defaults ?? {
      title: "",
      summary: "",
      instructions: "",
      category: "connection",
      tags: "",
      participants: "couple_together",
      frequencyPerWeek: 3,
      minutes: 10,
      sets: "",
      repetitions: "",
      holdSeconds: "",
      restSeconds: "",
      timesPerDay: "",
      prompts: { ratings: [{ id: "closeness", label: "How close did you feel to your partner?", kind: "closeness", min: 1, max: 5 }], questions: [{ id: "noticed", text: "What did you notice?" }] },
      clinicianNotes: "",
    },
  });
  const ratings = useFieldArray({ control: form.control, name: "prompts.ratings" });
  const questions = useFieldArray({ control: form.control, name: "prompts.questions" });
  const { errors, isSubmitting } = form.formState;
  const takenIds = () => [...form.getValues("prompts.ratings").map((r) => r.id), ...form.getValues("prompts.questions").map((q) => q.id)];

  const onSubmit = form.handleSubmit(async () => {
    const result = await saveExerciseAction(slug, exerciseId, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.push(`/clinic/${slug}/homework/exercises/${result.exerciseId}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <FormError message={errors.root?.message} />
      <Field label="Title" required error={errors.title?.message}>
        {(ids) => <Input {...ids} {...form.register("title")} />}
      </Field>
      <Field label="Summary" required hint="One or two sentences the client sees first." error={errors.summary?.message}>
        {(ids) => <Textarea {...ids} rows={2} {...form.register("summary")} />}
      </Field>
      <Field label="Instructions" required hint='Steps on their own lines, starting "1.", "2."…; "- " for bullets.' error={errors.instructions?.message}>
        {(ids) => <Textarea {...ids} rows={10} {...form.register("instructions")} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Category" required error={errors.category?.message}>
          {(ids) => (
            <Select {...ids} {...form.register("category")}>
              <LabelOptions labels={CATEGORY_LABELS} />
            </Select>
          )}
        </Field>
        <Field label="Who does it" required error={errors.participants?.message}>
          {(ids) => (
            <Select {...ids} {...form.register("participants")}>
              <LabelOptions labels={PARTICIPANT_LABELS} />
            </Select>
          )}
        </Field>
        <Field label="Suggested times per week" required error={errors.frequencyPerWeek?.message}>
          {(ids) => <Input {...ids} type="number" inputMode="numeric" min={1} max={14} {...form.register("frequencyPerWeek")} />}
        </Field>
        <Field label="Minutes each time" required error={errors.minutes?.message}>
          {(ids) => <Input {...ids} type="number" inputMode="numeric" min={1} max={240} {...form.register("minutes")} />}
        </Field>
      </div>
      <Field label="Tags" hint="Separated by commas." error={errors.tags?.message}>
        {(ids) => <Input {...ids} {...form.register("tags")} />}
      </Field>
      <DosageFields register={form.register} errors={errors} legend="Default dosage" />

      <fieldset className="space-y-3 rounded-lg border border-line p-4">
        <legend className="px-1 font-semibold">Check-in ratings</legend>
        {ratings.fields.map((f, i) => {
          const e = errors.prompts?.ratings?.[i];
          return (
            <div key={f.id} className="grid gap-3 border-b border-line pb-3 sm:grid-cols-[2fr_1fr_5rem_5rem_auto]">
              <Field label={`Rating ${i + 1}: question`} error={e?.label?.message}>
                {(ids) => <Input {...ids} {...form.register(`prompts.ratings.${i}.label`)} />}
              </Field>
              <Field label="Measures" error={e?.kind?.message}>
                {(ids) => (
                  <Select {...ids} {...form.register(`prompts.ratings.${i}.kind`)}>
                    {RATING_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {RATING_KIND_LABELS[k]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field label="Lowest" error={e?.min?.message}>
                {(ids) => <Input {...ids} type="number" inputMode="numeric" {...form.register(`prompts.ratings.${i}.min`)} />}
              </Field>
              <Field label="Highest" error={e?.max?.message}>
                {(ids) => <Input {...ids} type="number" inputMode="numeric" {...form.register(`prompts.ratings.${i}.max`)} />}
              </Field>
              <div className="flex items-end">
                <Button variant="secondary" size="sm" onClick={() => ratings.remove(i)} aria-label={`Remove rating ${i + 1}`}>
                  Remove
                </Button>
              </div>
            </div>
          );
        })}
        <FormError message={errors.prompts?.ratings?.message ?? errors.prompts?.ratings?.root?.message} />
        <Button variant="secondary" size="sm" onClick={() => ratings.append({ id: freshId("rating", takenIds()), label: "", kind: "other", min: 0, max: 10 })}>
          Add a rating
        </Button>
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-line p-4">
        <legend className="px-1 font-semibold">Reflection questions</legend>
        {questions.fields.map((f, i) => (
          <div key={f.id} className="grid gap-3 sm:grid-cols-[1fr_auto]">
            <Field label={`Question ${i + 1}`} error={errors.prompts?.questions?.[i]?.text?.message}>
              {(ids) => <Input {...ids} {...form.register(`prompts.questions.${i}.text`)} />}
            </Field>
            <div className="flex items-end">
              <Button variant="secondary" size="sm" onClick={() => questions.remove(i)} aria-label={`Remove question ${i + 1}`}>
                Remove
              </Button>
            </div>
          </div>
        ))}
        <Button variant="secondary" size="sm" onClick={() => questions.append({ id: freshId("q", takenIds()), text: "" })}>
          Add a question
        </Button>
      </fieldset>

      <Field label="Notes for clinicians" hint="When to use it, cautions. Never shown to clients." error={errors.clinicianNotes?.message}>
        {(ids) => <Textarea {...ids} rows={4} {...form.register("clinicianNotes")} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : exerciseId ? "Save changes" : "Create exercise"}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
