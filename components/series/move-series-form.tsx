"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { moveThisAndLaterAction } from "@/app/(clinic)/clinic/[practice]/schedule/series/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { moveSeriesSchema, type MoveSeriesInput } from "@/lib/series/series-schema";

/**
 * "Move this and all later" on an occurrence's page (decision 0054, addendum):
 * a new start time for this session and every later confirmed one, on the
 * same dates. Checked in the browser and again by the server with one schema;
 * if any date cannot take the time, the server names it and nothing moves.
 */
export function MoveSeriesForm({ practiceSlug, appointmentId, sessions, currentTime }: { practiceSlug: string; appointmentId: string; sessions: number; currentTime: string }) {
  const router = useRouter();
  const [moved, setMoved] = useState<number | null>(null);
  const form = useForm<MoveSeriesInput, unknown, z.output<typeof moveSeriesSchema>>({ resolver: zodResolver(moveSeriesSchema), defaultValues: { time: currentTime } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setMoved(null);
    const result = await moveThisAndLaterAction(practiceSlug, appointmentId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    setMoved(result.moved);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 border-t border-line pt-3" aria-label="Move this and all later">
      <Field label="New start time" hint={`For ${sessions === 1 ? "this session" : `this session and the ${sessions - 1} after it`}, on the same dates. Each attendee is emailed the new time.`} error={errors.time?.message}>
        {(ids) => <Input type="time" className="max-w-40" {...ids} {...form.register("time")} />}
      </Field>
      <FormError message={errors.root?.message} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Moving…" : sessions === 1 ? "Move this session" : "Move this and all later"}
      </Button>
      {moved !== null ? (
        <p role="status" className="rounded-md bg-ok-soft px-3 py-2 text-ok">
          Moved {moved === 1 ? "1 session" : `${moved} sessions`}. The attendees were emailed.
        </p>
      ) : null}
    </form>
  );
}
