"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/form-result";
import { signDocumentSchema } from "@/lib/documents/schemas";

type Values = z.input<typeof signDocumentSchema>;
export type TypedSignatureValues = z.output<typeof signDocumentSchema>;

/**
 * A client's typed signature (a shared document, a treatment plan): the
 * agreement box and the typed name, checked with the one schema the server
 * parses too (lib/documents/schemas.ts); the time, IP and browser are recorded
 * by the server. `sign` is the page's server action, bound to what is signed.
 */
export function TypedSignatureForm({
  sign,
  agreement,
  submitLabel,
  idPrefix,
  ariaLabel,
}: {
  sign: (values: TypedSignatureValues) => Promise<{ ok: true } | { ok: false; errors: FieldErrors }>;
  agreement: string;
  submitLabel: string;
  /** Keeps the error's id unique when a page holds more than one form. */
  idPrefix: string;
  ariaLabel?: string;
}) {
  const router = useRouter();
  const form = useForm<Values, unknown, TypedSignatureValues>({
    resolver: zodResolver(signDocumentSchema),
    defaultValues: { name: "", agreed: false as unknown as true },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await sign(values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.refresh();
  });
  const agreedError = `${idPrefix}-agreed-error`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={ariaLabel}>
      <FormError message={errors.root?.message} />
      <div className="space-y-1">
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            className="mt-0.5 size-5 shrink-0 accent-brand"
            aria-invalid={errors.agreed ? true : undefined}
            aria-describedby={errors.agreed ? agreedError : undefined}
            {...form.register("agreed")}
          />
          <span>{agreement}</span>
        </label>
        {errors.agreed ? (
          <p id={agreedError} role="alert" className="text-sm font-medium text-danger">
            {errors.agreed.message}
          </p>
        ) : null}
      </div>
      <Field label="Type your full name to sign" required error={errors.name?.message}>
        {(ids) => <Input {...ids} autoComplete="name" maxLength={200} {...form.register("name")} />}
      </Field>
      <p className="text-sm text-muted">The time, your connection&apos;s IP address and your browser are recorded when you sign.</p>
      <Button type="submit" disabled={isSubmitting}>
        {submitLabel}
      </Button>
    </form>
  );
}
