"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { changeThisAndLaterAction } from "@/app/(clinic)/clinic/[practice]/schedule/series/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { FREQUENCIES, monthlyLabel, type SeriesFrequency } from "@/lib/series/occurrences";
import { FREQUENCY_LABELS, changeSeriesSchema, type ChangeSeriesInput } from "@/lib/series/series-schema";

/**
 * "Change this and all later" on an occurrence's page (decision 0061): a new
 * date for this session (its weekday carries on), a start time and how
 * often, for this session and every later confirmed one. One schema with
 * the server; if any new date cannot be booked, the server names it and
 * nothing changes.
 */
export function ChangeSeriesForm({
  practiceSlug,
  appointmentId,
  sessions,
  current,
}: {
  practiceSlug: string;
  appointmentId: string;
  sessions: number;
  current: { date: string; time: string; frequency: SeriesFrequency };
}) {
  const router = useRouter();
  const [moved, setMoved] = useState<number | null>(null);
  const form = useForm<ChangeSeriesInput, unknown, z.output<typeof changeSeriesSchema>>({ resolver: zodResolver(changeSeriesSchema), defaultValues: current });
  const { errors, isSubmitting } = form.formState;
  const [date, frequency] = useWatch({ control: form.control, name: ["date", "frequency"] });
  const weekday = /^\d{4}-\d{2}-\d{2}$/.test(date ?? "") ? monthlyLabel(date!) : null;
  const onSubmit = form.handleSubmit(async (values) => {
    setMoved(null);
    const result = await changeThisAndLaterAction(practiceSlug, appointmentId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    setMoved(result.moved);
    router.refresh();
  });
  const count = sessions === 1 ? "this session" : `this session and the ${sessions - 1} after it`;
  return (
    <details className="border-t border-line pt-3">
      <summary className="min-h-11 cursor-pointer py-2 font-medium">Change the day or how often</summary>
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Change this and all later">
        <p className="text-sm text-muted">
          {`Moves ${count}, in order, onto the new rule. Each attendee is emailed each new time. Earlier sessions stay as they are.`}
        </p>
        <Field label="New date of this session" hint={weekday ? (frequency === "monthly" ? `Repeats on the ${weekday} of each month.` : `Repeats on ${weekday.split(" ")[1]}s.`) : undefined} error={errors.date?.message}>
          {(ids) => <Input type="date" className="max-w-48" {...ids} {...form.register("date")} />}
        </Field>
        <Field label="Start time" error={errors.time?.message}>
          {(ids) => <Input type="time" className="max-w-40" {...ids} {...form.register("time")} />}
        </Field>
        <Field label="How often" error={errors.frequency?.message}>
          {(ids) => (
            <Select className="max-w-48" {...ids} {...form.register("frequency")}>
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {FREQUENCY_LABELS[f][0]!.toUpperCase() + FREQUENCY_LABELS[f].slice(1)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <FormError message={errors.root?.message} />
        <Button type="submit" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? "Changing…" : sessions === 1 ? "Change this session" : "Change this and all later"}
        </Button>
        {moved !== null ? (
          <p role="status" className="rounded-md bg-ok-soft px-3 py-2 text-ok">
            Changed {moved === 1 ? "1 session" : `${moved} sessions`}. The attendees were emailed.
          </p>
        ) : null}
      </form>
    </details>
  );
}
