"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/form-result";
import { totpCodeSchema, type TotpCodeInput } from "@/lib/two-factor/two-factor-schema";

type Result = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * The 6-digit code field: the phone's keypad (inputmode numeric) and the
 * browser's one-time-code autofill; the same schema checks it on the server.
 */
export function TotpCodeForm<R extends Result>({
  submit,
  onDone,
  submitLabel,
  hint,
}: {
  submit: (input: TotpCodeInput) => Promise<R>;
  onDone: (result: Extract<R, { ok: true }>) => void;
  submitLabel: string;
  hint?: string;
}) {
  const form = useForm<TotpCodeInput, unknown, z.output<typeof totpCodeSchema>>({
    resolver: zodResolver(totpCodeSchema),
    defaultValues: { code: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await submit(values);
    if (!result.ok) {
      form.setValue("code", "");
      return applyServerErrors(form, result.errors);
    }
    onDone(result as Extract<R, { ok: true }>);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={errors.root?.message} />
      <Field label="Authentication code" hint={hint ?? "The 6-digit code your authenticator app shows now."} required error={errors.code?.message}>
        {(ids) => (
          <Input
            {...ids}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9 ]*"
            maxLength={7}
            className="max-w-48 font-mono text-lg tracking-widest"
            {...form.register("code")}
          />
        )}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Checking…" : submitLabel}
      </Button>
    </form>
  );
}
