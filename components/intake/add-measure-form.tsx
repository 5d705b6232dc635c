"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { addMeasureAction } from "@/app/(clinic)/clinic/[practice]/forms/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Select } from "@/components/ui/field";
import { addMeasureSchema } from "@/lib/intake/add-measure-schema";
import type { MeasureId } from "@/lib/intake/measures/types";

type Values = z.input<typeof addMeasureSchema>;

/** Adds a standard measure the practice does not have yet; `available` lists those. */
export function AddMeasureForm({ practiceSlug, available }: { practiceSlug: string; available: { id: MeasureId; title: string }[] }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof addMeasureSchema>>({ resolver: zodResolver(addMeasureSchema), defaultValues: { measure: available[0]?.id } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    const result = await addMeasureAction(practiceSlug, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.push(`/clinic/${practiceSlug}/forms/${result.templateId}`);
  });
  if (available.length === 0) return <p className="text-sm text-muted">Your practice has every standard measure.</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <Field label="Measure" error={errors.measure?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("measure")}>
            {available.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add measure"}
      </Button>
    </form>
  );
}
