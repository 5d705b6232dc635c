"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { checkInAction } from "@/app/(portal)/portal/[clientId]/homework/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Textarea } from "@/components/ui/field";
import type { CheckInPrompts, CheckInRatings } from "@/db/schema";
import { REFLECTION_MAX, checkInSchema, type CheckInInput } from "@/lib/homework/check-in-schema";

export function CheckInForm({
  clientId,
  assignmentId,
  exerciseId,
  exerciseTitle,
  prompts,
  forCouple,
  partnerName,
  countsRepetitions = false,
  today,
}: {
  clientId: string;
  assignmentId: string;
  exerciseId: string;
  exerciseTitle: string;
  prompts: CheckInPrompts;
  forCouple: boolean;
  partnerName: string | null;
  /** The exercise is dosed in sets or repetitions: ask how many were done. */
  countsRepetitions?: boolean;
  /** Today's check-in, if there is one: the form edits it. */
  today: { done: boolean; ratings: CheckInRatings; reflection: string | null; sharedWithPartner: boolean; setsDone: number | null; repetitionsDone: number | null } | null;
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<CheckInInput, unknown, z.output<typeof checkInSchema>>({
    resolver: zodResolver(checkInSchema),
    defaultValues: {
      assignmentId,
      exerciseId,
      done: today ? (today.done ? "true" : "false") : "true",
      ratings: Object.fromEntries(prompts.ratings.map((r) => [r.id, today?.ratings[r.id] !== undefined ? String(today.ratings[r.id]) : ""])),
      reflection: today?.reflection ?? "",
      sharedWithPartner: today?.sharedWithPartner ?? false,
      setsDone: today?.setsDone != null ? String(today.setsDone) : "",
      repetitionsDone: today?.repetitionsDone != null ? String(today.repetitionsDone) : "",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const ratingErrors = errors.ratings as Record<string, { message?: string }> | undefined;
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const result = await checkInAction(clientId, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    setSaved(true);
    router.refresh();
  });
  const idBase = `ci-${exerciseId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Check in: ${exerciseTitle}`}>
      <FormError message={errors.root?.message ?? errors.exerciseId?.message} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium">Did you do it today?</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="true" className="h-5 w-5 accent-brand" {...form.register("done")} />
            Yes, I did it
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="radio" value="false" className="h-5 w-5 accent-brand" {...form.register("done")} />
            Not today
          </label>
        </div>
      </fieldset>
      {countsRepetitions ? (
        <div className="grid grid-cols-2 gap-4">
          <Field label="Sets done" hint="Optional." error={errors.setsDone?.message}>
            {(ids) => <Input {...ids} type="number" inputMode="numeric" min={0} {...form.register("setsDone")} />}
          </Field>
          <Field label="Repetitions done" hint="In each set." error={errors.repetitionsDone?.message}>
            {(ids) => <Input {...ids} type="number" inputMode="numeric" min={0} {...form.register("repetitionsDone")} />}
          </Field>
        </div>
      ) : null}
      {prompts.ratings.map((r) => {
        const error = ratingErrors?.[r.id]?.message;
        const values = Array.from({ length: r.max - r.min + 1 }, (_, i) => r.min + i);
        return (
          <fieldset key={r.id} aria-describedby={error ? `${idBase}-${r.id}-error` : undefined}>
            <legend className="mb-1 text-sm font-medium">
              {r.label} <span className="font-normal text-muted">({r.min} to {r.max}, optional)</span>
            </legend>
            <div className="flex flex-wrap gap-1">
              {values.map((n) => (
                <label key={n} className="relative">
                  <input type="radio" value={String(n)} className="peer sr-only" {...form.register(`ratings.${r.id}`)} />
                  <span className="flex h-11 w-11 cursor-pointer items-center justify-center rounded-md border border-line bg-surface peer-checked:border-brand peer-checked:bg-brand peer-checked:text-white peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-[#2f6fb0]">
                    {n}
                  </span>
                </label>
              ))}
            </div>
            {error ? (
              <p id={`${idBase}-${r.id}-error`} role="alert" className="mt-1 text-sm font-medium text-danger">
                {error}
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <Field
        label="Reflection (optional)"
        hint={
          <>
            {prompts.questions.map((q) => (
              <span key={q.id} className="block">
                {q.text}
              </span>
            ))}
            <span className="block">Only you and your clinician see it{forCouple ? ", unless you share it" : ""}. Up to {REFLECTION_MAX} characters.</span>
          </>
        }
        error={errors.reflection?.message}
      >
        {(ids) => <Textarea {...ids} rows={4} {...form.register("reflection")} />}
      </Field>
      {forCouple ? (
        <div className="flex items-start gap-3">
          <input id={`${idBase}-share`} type="checkbox" className="mt-1 h-5 w-5 accent-brand" aria-describedby={`${idBase}-share-hint`} {...form.register("sharedWithPartner")} />
          <div className="text-sm">
            <label htmlFor={`${idBase}-share`} className="font-medium">
              Share this reflection with {partnerName ?? "your partner"}
            </label>
            <p id={`${idBase}-share-hint`} className="text-muted">
              Your ratings stay private either way.
            </p>
            {errors.sharedWithPartner?.message ? (
              <p role="alert" className="font-medium text-danger">
                {errors.sharedWithPartner.message}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : today ? "Update today's check-in" : "Check in"}
        </Button>
        {saved ? (
          <p role="status" className="text-sm font-medium text-ok">
            Saved. Thank you for checking in.
          </p>
        ) : null}
      </div>
    </form>
  );
}
