"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { DEFAULT_WEEKS, MAX_WEEKS } from "@/lib/gfe/estimate";
import { issueGfeSchema } from "@/lib/gfe/schema";
import type { FieldErrors } from "@/lib/form-result";

type Values = z.input<typeof issueGfeSchema>;

/**
 * Ask for (portal) or issue (clinic) a Good Faith Estimate for one service:
 * the service and how many weekly sessions to estimate. `action` is a bound
 * server action; the server parses the same schema again.
 */
export function GfeForm({
  services,
  action,
  submitLabel,
  doneText,
}: {
  services: { id: string; name: string }[];
  action: (values: unknown) => Promise<{ ok: true } | { ok: false; errors: FieldErrors }>;
  submitLabel: string;
  doneText: string;
}) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const form = useForm<Values, unknown, z.output<typeof issueGfeSchema>>({
    resolver: zodResolver(issueGfeSchema),
    defaultValues: { serviceId: services.length === 1 ? services[0]!.id : "", weeks: DEFAULT_WEEKS },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(false);
    const result = await action(values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    setDone(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={submitLabel}>
      <FormError message={errors.root?.message} />
      <Field label="Service" required error={errors.serviceId?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("serviceId")}>
            <option value="">Choose a service</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Weekly sessions to estimate" hint={`1 to ${MAX_WEEKS} (up to 12 months).`} required error={errors.weeks?.message} className="max-w-xs">
        {(ids) => <Input {...ids} type="number" inputMode="numeric" min={1} max={MAX_WEEKS} {...form.register("weeks")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Working…" : submitLabel}
      </Button>
      {done ? (
        <p role="status" className="text-sm text-ok">
          {doneText}
        </p>
      ) : null}
    </form>
  );
}
