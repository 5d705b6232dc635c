"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { assignAction } from "@/app/(clinic)/clinic/[practice]/homework/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, Textarea } from "@/components/ui/field";
import { assignmentSchema, type AssignmentInput } from "@/lib/homework/assignment-schema";
import { DOSAGE_KEYS, dosageFormValues, type Dosage } from "@/lib/homework/dosage";
import { DosageFields } from "./dosage-fields";

export interface AssignOption {
  value: string;
  label: string;
  frequencyPerWeek?: number;
  weeks?: number;
  /** An exercise's default dosage, copied into the form when it is chosen. */
  dosage?: Dosage;
}

export function AssignForm({
  slug,
  clientId,
  assignees,
  programs,
  exercises,
  today,
  defaultSubject,
  noteId,
  returnTo,
}: {
  slug: string;
  clientId: string;
  assignees: AssignOption[];
  programs: AssignOption[];
  exercises: AssignOption[];
  today: string;
  defaultSubject?: string;
  /** Assigned from a session note: the note it is recorded on, and where to go back to. */
  noteId?: string;
  returnTo?: string;
}) {
  const router = useRouter();
  const form = useForm<AssignmentInput, unknown, z.output<typeof assignmentSchema>>({
    resolver: zodResolver(assignmentSchema),
    defaultValues: {
      subject: defaultSubject ?? "",
      assignee: assignees.at(-1)?.value ?? "",
      mode: assignees.at(-1)?.value.startsWith("couple:") ? "together" : "individual",
      startDate: today,
      timesPerWeek: "",
      weeks: "",
      dueDate: "",
      personalNote: "",
      noteId: noteId ?? "",
      ...dosageFormValues(exercises.find((x) => x.value === defaultSubject)?.dosage ?? {}),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const assignee = useWatch({ control: form.control, name: "assignee" });
  const subject = useWatch({ control: form.control, name: "subject" });
  const forCouple = assignee?.startsWith("couple:");
  const isExercise = subject?.startsWith("exercise:");
  const chosen = [...programs, ...exercises].find((o) => o.value === subject);

  const onSubmit = form.handleSubmit(async () => {
    const result = await assignAction(slug, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.push(returnTo ?? `/clinic/${slug}/homework/clients/${clientId}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-5">
      <FormError message={errors.root?.message ?? errors.noteId?.message} />
      <Field label="Assign to" required error={errors.assignee?.message}>
        {(ids) => (
          <Select
            {...ids}
            {...form.register("assignee", {
              onChange: (e: { target: { value: string } }) => form.setValue("mode", e.target.value.startsWith("couple:") ? "together" : "individual"),
            })}
          >
            {assignees.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Exercise or program" required error={errors.subject?.message}>
        {(ids) => (
          <Select
            {...ids}
            {...form.register("subject", {
              onChange: (e: { target: { value: string } }) => {
                const option = [...programs, ...exercises].find((o) => o.value === e.target.value);
                if (option?.frequencyPerWeek) form.setValue("timesPerWeek", String(option.frequencyPerWeek));
                const dosage = dosageFormValues(option?.dosage ?? {});
                for (const key of DOSAGE_KEYS) form.setValue(key, dosage[key]);
              },
            })}
          >
            <option value="">Choose…</option>
            <optgroup label="Programs">
              {programs.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </optgroup>
            <optgroup label="Exercises">
              {exercises.map((x) => (
                <option key={x.value} value={x.value}>
                  {x.label}
                </option>
              ))}
            </optgroup>
          </Select>
        )}
      </Field>
      {forCouple ? (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">How they do it</legend>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="together" className="h-5 w-5 accent-brand" {...form.register("mode")} />
            Together, as a couple
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="each_partner" className="h-5 w-5 accent-brand" {...form.register("mode")} />
            Each partner separately
          </label>
          {errors.mode?.message ? (
            <p role="alert" className="text-sm font-medium text-danger">
              {errors.mode.message}
            </p>
          ) : null}
        </fieldset>
      ) : (
        <input type="hidden" value="individual" {...form.register("mode")} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Start date" required error={errors.startDate?.message}>
          {(ids) => <Input {...ids} type="date" {...form.register("startDate")} />}
        </Field>
        {isExercise ? (
          <Field label="Times per week" required error={errors.timesPerWeek?.message}>
            {(ids) => <Input {...ids} type="number" inputMode="numeric" min={1} max={14} {...form.register("timesPerWeek")} />}
          </Field>
        ) : null}
        <Field label="Weeks" hint={!isExercise && chosen?.weeks ? `Leave empty for the program's ${chosen.weeks} weeks.` : "Or give a due date."} error={errors.weeks?.message}>
          {(ids) => <Input {...ids} type="number" inputMode="numeric" min={1} max={26} {...form.register("weeks")} />}
        </Field>
        <Field label="Due date" hint="Instead of a number of weeks." error={errors.dueDate?.message}>
          {(ids) => <Input {...ids} type="date" {...form.register("dueDate")} />}
        </Field>
      </div>
      {isExercise ? <DosageFields register={form.register} errors={errors} legend="Dosage" /> : null}
      <Field label="Personal note" hint="Shown in the portal and on the home-exercise sheet, never in email." error={errors.personalNote?.message}>
        {(ids) => <Textarea {...ids} rows={3} {...form.register("personalNote")} />}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Assigning…" : "Assign homework"}
        </Button>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
