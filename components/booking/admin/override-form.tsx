"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { addOverrideAction } from "@/app/(clinic)/clinic/[practice]/settings/availability/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, LabelOptions } from "@/components/ui/field";
import { OVERRIDE_TYPES, overrideSchema, type OverrideInput } from "@/lib/booking/availability-schema";
import { applyFieldErrors } from "./apply-field-errors";
import type { LocationOption } from "./weekly-hours-form";

const EMPTY: OverrideInput = { date: "", type: "day_off", start: "09:00", end: "17:00", locationId: "" };

export function OverrideForm({ practiceSlug, memberId, locations }: { practiceSlug: string; memberId: string; locations: LocationOption[] }) {
  const router = useRouter();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<OverrideInput, unknown, unknown>({ resolver: zodResolver(overrideSchema), defaultValues: EMPTY });
  const type = useWatch({ control: form.control, name: "type" });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async () => {
    setAdded(null);
    const values = form.getValues();
    const result = await addOverrideAction(practiceSlug, memberId, values);
    if (!result.ok) return applyFieldErrors(form, result.errors);
    form.reset({ ...EMPTY, type: values.type });
    setAdded(`${OVERRIDE_TYPES[values.type]} on ${values.date} added.`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Add a date change">
      <FormError message={errors.root?.message} />
      {added ? (
        <p role="status" className="rounded-md bg-ok-soft px-3 py-2 text-sm text-ok">
          {added}
        </p>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Date" required error={errors.date?.message}>
          {(a) => <Input {...a} type="date" {...form.register("date")} />}
        </Field>
        <Field label="Change" required error={errors.type?.message}>
          {(a) => (
            <Select {...a} {...form.register("type")}>
              <LabelOptions labels={OVERRIDE_TYPES} />
            </Select>
          )}
        </Field>
        {type !== "day_off" ? (
          <>
            <Field label="From" required error={errors.start?.message}>
              {(a) => <Input {...a} type="time" {...form.register("start")} />}
            </Field>
            <Field label="Until" required error={errors.end?.message}>
              {(a) => <Input {...a} type="time" {...form.register("end")} />}
            </Field>
          </>
        ) : null}
        {type === "extra" ? (
          <Field label="Where" error={errors.locationId?.message}>
            {(a) => (
              <Select {...a} {...form.register("locationId")}>
                <option value="">Online/phone</option>
                {locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add date change"}
      </Button>
    </form>
  );
}
