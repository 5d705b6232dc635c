"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { addClosureAction } from "@/app/(clinic)/clinic/[practice]/settings/availability/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { closureSchema, type ClosureInput } from "@/lib/booking/availability-schema";

const EMPTY: ClosureInput = { startsAt: "", endsAt: "", reason: "" };

export function ClosureForm({ practiceSlug, practiceTimeZone }: { practiceSlug: string; practiceTimeZone: string }) {
  const router = useRouter();
  const [added, setAdded] = useState(false);
  const form = useForm<ClosureInput, unknown, unknown>({ resolver: zodResolver(closureSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async () => {
    setAdded(false);
    const result = await addClosureAction(practiceSlug, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    form.reset(EMPTY);
    setAdded(true);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Add a closure">
      <FormError message={errors.root?.message} />
      {added ? (
        <p role="status" className="rounded-md bg-ok-soft px-3 py-2 text-sm text-ok">
          Closure added.
        </p>
      ) : null}
      <p className="text-sm text-muted">Times are in the practice&apos;s time zone ({practiceTimeZone}). Nothing can be booked while the practice is closed.</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Closed from" required error={errors.startsAt?.message}>
          {(a) => <Input {...a} type="datetime-local" {...form.register("startsAt")} />}
        </Field>
        <Field label="Closed until" required error={errors.endsAt?.message}>
          {(a) => <Input {...a} type="datetime-local" {...form.register("endsAt")} />}
        </Field>
        <Field label="Reason" hint="For the team, for example “Office move”." error={errors.reason?.message} className="sm:col-span-2">
          {(a) => <Input {...a} autoComplete="off" {...form.register("reason")} />}
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add closure"}
      </Button>
    </form>
  );
}
