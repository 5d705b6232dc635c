"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { verifyRecoveryCodeAction } from "@/app/(public)/sign-in/second-factor/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { recoveryCodeSchema, type RecoveryCodeInput } from "@/lib/two-factor/two-factor-schema";

export function RecoveryCodeForm({ onDone }: { onDone: () => void }) {
  const form = useForm<RecoveryCodeInput, unknown, z.output<typeof recoveryCodeSchema>>({
    resolver: zodResolver(recoveryCodeSchema),
    defaultValues: { recoveryCode: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await verifyRecoveryCodeAction(values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={errors.root?.message} />
      <Field label="Recovery code" hint="One of the codes you saved when you set up two-step sign-in. Each works once." required error={errors.recoveryCode?.message}>
        {(ids) => <Input {...ids} autoComplete="off" autoCapitalize="none" spellCheck={false} className="max-w-60 font-mono" {...form.register("recoveryCode")} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {isSubmitting ? "Checking…" : "Use recovery code"}
      </Button>
    </form>
  );
}
