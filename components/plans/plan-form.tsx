"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm, useWatch, type Control, type FieldErrors as RhfErrors, type UseFormRegister } from "react-hook-form";
import { createPlanAction, savePlanDraftAction } from "@/app/(clinic)/clinic/[practice]/clients/[clientId]/plan/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, Textarea } from "@/components/ui/field";
import { MEASURE_NAMES, MEASURES } from "@/lib/intake/measures/types";
import { COMPARATOR_LABELS, emptyGoal, newPlanSchema, planContentSchema, type NewPlanInput } from "@/lib/plans/schema";

type Values = NewPlanInput;

const WHO_LABELS = { both: "Each partner", client: "", partner: "" };

/**
 * The treatment plan editor: a new plan (with whom it is for) or the plan's
 * draft. Goals and their objectives are added and removed in place; the
 * server checks again, including that each linked measure was answered.
 */
export function PlanForm({
  practiceSlug,
  clientId,
  planId,
  defaults,
  people,
  canCouple,
}: {
  practiceSlug: string;
  clientId: string;
  /** Absent: a new plan. */
  planId?: string;
  defaults: Values;
  /** First names: the client, then the partner on a couple's plan (or the couple a new plan may be for). */
  people: { client: string; partner: string | null };
  canCouple: boolean;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    // A new plan also says whom it is for; a draft's people are fixed.
    resolver: zodResolver(planId ? planContentSchema : newPlanSchema) as never,
    defaultValues: defaults,
  });
  const goals = useFieldArray({ control: form.control, name: "goals" });
  const { errors, isSubmitting } = form.formState;
  const withValue = useWatch({ control: form.control, name: "with" });
  const couple = planId ? people.partner !== null : withValue === "couple";

  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const values = form.getValues();
    const result = planId ? await savePlanDraftAction(practiceSlug, clientId, planId, values) : await createPlanAction(practiceSlug, clientId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    form.reset(values);
    setSaved(true);
    if (!planId && "planId" in result) router.push(`/clinic/${practiceSlug}/clients/${clientId}/plan/${result.planId}`);
    else router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={planId ? "Edit the plan's draft" : "New treatment plan"}>
      <FormError message={errors.root?.message} />
      {saved && !form.formState.isDirty ? (
        <p role="status" className="rounded-md bg-ok-soft px-3 py-2 text-sm text-ok">
          Draft saved.
        </p>
      ) : null}
      {!planId && canCouple ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Plan for</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="client" className="size-5 accent-brand" {...form.register("with")} />
            {people.client} alone
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="couple" className="size-5 accent-brand" {...form.register("with")} />
            {people.client} and {people.partner} (both sign)
          </label>
          {errors.with ? (
            <p role="alert" className="text-sm font-medium text-danger">
              {errors.with.message}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <Field label="Presenting concerns" required error={errors.presentingConcerns?.message}>
        {(ids) => <Textarea {...ids} maxLength={5000} {...form.register("presentingConcerns")} />}
      </Field>
      <Field label="Diagnoses (ICD-10)" hint="Codes separated by commas, e.g. F43.23, Z63.0" error={errors.diagnoses?.message ?? (errors.diagnoses as unknown as { message?: string }[] | undefined)?.find?.((e) => e?.message)?.message}>
        {(ids) => <Input {...ids} autoCapitalize="characters" maxLength={200} {...form.register("diagnoses")} />}
      </Field>

      <section aria-labelledby="goals-heading" className="space-y-3">
        <h3 id="goals-heading" className="font-semibold">
          Goals
        </h3>
        {errors.goals?.message || errors.goals?.root?.message ? (
          <p role="alert" className="text-sm font-medium text-danger">
            {errors.goals?.message ?? errors.goals?.root?.message}
          </p>
        ) : null}
        {goals.fields.map((field, i) => (
          <fieldset key={field.id} className="space-y-3 rounded-md border border-line p-3">
            <legend className="px-1 text-sm font-semibold">Goal {i + 1}</legend>
            <Field label={`Goal ${i + 1}`} required error={errors.goals?.[i]?.text?.message}>
              {(ids) => <Input {...ids} maxLength={500} {...form.register(`goals.${i}.text`)} />}
            </Field>
            <Objectives control={form.control} register={form.register} errors={errors} goalIndex={i} />
            <Field label={`Interventions for goal ${i + 1}`} error={errors.goals?.[i]?.interventions?.message}>
              {(ids) => <Textarea {...ids} maxLength={2000} {...form.register(`goals.${i}.interventions`)} />}
            </Field>
            <MeasureLink control={form.control} register={form.register} errors={errors} goalIndex={i} couple={couple} people={people} />
            <Button type="button" variant="secondary" onClick={() => goals.remove(i)} disabled={goals.fields.length === 1}>
              Remove goal {i + 1}
            </Button>
          </fieldset>
        ))}
        <Button type="button" variant="secondary" onClick={() => goals.append(emptyGoal())} disabled={goals.fields.length >= 12}>
          Add a goal
        </Button>
      </section>

      <Field label="Interventions (whole plan)" error={errors.interventions?.message}>
        {(ids) => <Textarea {...ids} maxLength={5000} {...form.register("interventions")} />}
      </Field>
      <Field label="Review date" required hint="You are reminded on your clinic home a week before." error={errors.reviewDate?.message} className="max-w-xs">
        {(ids) => <Input {...ids} type="date" {...form.register("reviewDate")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {planId ? "Save the draft" : "Create the plan (as a draft)"}
      </Button>
    </form>
  );
}

function Objectives({ control, register, errors, goalIndex }: { control: Control<Values>; register: UseFormRegister<Values>; errors: RhfErrors<Values>; goalIndex: number }) {
  const objectives = useFieldArray({ control, name: `goals.${goalIndex}.objectives` });
  const g = goalIndex + 1;
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">Objectives</p>
      {objectives.fields.map((field, j) => (
        <div key={field.id} className="grid gap-2 sm:grid-cols-[1fr_11rem_auto] sm:items-end">
          <Field label={`Goal ${g}, objective ${j + 1}`} error={errors.goals?.[goalIndex]?.objectives?.[j]?.text?.message}>
            {(ids) => <Input {...ids} maxLength={500} {...register(`goals.${goalIndex}.objectives.${j}.text`)} />}
          </Field>
          <Field label="Target date" error={errors.goals?.[goalIndex]?.objectives?.[j]?.targetDate?.message}>
            {(ids) => <Input {...ids} type="date" {...register(`goals.${goalIndex}.objectives.${j}.targetDate`)} />}
          </Field>
          <Button type="button" variant="secondary" onClick={() => objectives.remove(j)} aria-label={`Remove goal ${g}, objective ${j + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => objectives.append({ text: "", targetDate: "" })} disabled={objectives.fields.length >= 10}>
        Add an objective to goal {g}
      </Button>
    </div>
  );
}

function MeasureLink({
  control,
  register,
  errors,
  goalIndex,
  couple,
  people,
}: {
  control: Control<Values>;
  register: UseFormRegister<Values>;
  errors: RhfErrors<Values>;
  goalIndex: number;
  couple: boolean;
  people: { client: string; partner: string | null };
}) {
  const key = useWatch({ control, name: `goals.${goalIndex}.measure.measureKey` });
  const e = errors.goals?.[goalIndex]?.measure;
  const g = goalIndex + 1;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Track goal {g} with a measure (optional)</legend>
      <Field label={`Measure for goal ${g}`} error={e?.measureKey?.message}>
        {(ids) => (
          <Select {...ids} {...register(`goals.${goalIndex}.measure.measureKey`)}>
            <option value="">No measure</option>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {MEASURE_NAMES[m]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {key ? (
        <div className="grid gap-2 sm:grid-cols-2">
          <Field label="Target" error={e?.comparator?.message}>
            {(ids) => (
              <Select {...ids} {...register(`goals.${goalIndex}.measure.comparator`)}>
                {Object.entries(COMPARATOR_LABELS).map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Target value" hint="A score, or a percentage for “down by”" error={e?.target?.message}>
            {(ids) => <Input {...ids} inputMode="decimal" {...register(`goals.${goalIndex}.measure.target`)} />}
          </Field>
          {couple ? (
            <Field label="Whose scores" error={e?.who?.message}>
              {(ids) => (
                <Select {...ids} {...register(`goals.${goalIndex}.measure.who`)}>
                  <option value="both">{WHO_LABELS.both}</option>
                  <option value="client">{people.client}</option>
                  <option value="partner">{people.partner ?? "Partner"}</option>
                </Select>
              )}
            </Field>
          ) : null}
          <Field label="By" error={e?.byDate?.message}>
            {(ids) => <Input {...ids} type="date" {...register(`goals.${goalIndex}.measure.byDate`)} />}
          </Field>
        </div>
      ) : null}
    </fieldset>
  );
}
