"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { saveDiagnosesAction } from "@/app/(clinic)/clinic/[practice]/billing/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { diagnosisSchema, type DiagnosisInput } from "@/lib/billing/diagnosis-schema";

export function DiagnosisForm({ practiceSlug, appointmentId, codes }: { practiceSlug: string; appointmentId: string; codes: string[] }) {
  const [saved, setSaved] = useState(false);
  const form = useForm<DiagnosisInput, unknown, z.output<typeof diagnosisSchema>>({ resolver: zodResolver(diagnosisSchema), defaultValues: { codes: codes.join(", ") } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const result = await saveDiagnosesAction(practiceSlug, appointmentId, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <Field label="Diagnosis codes (ICD-10)" hint="Separated by commas, e.g. F43.23, Z63.0. Printed on superbills." error={errors.codes?.message}>
        {(ids) => <Input {...ids} {...form.register("codes")} />}
      </Field>
      <Button type="submit" variant="secondary" size="sm" disabled={isSubmitting}>
        Save codes
      </Button>
      {saved ? (
        <p role="status" className="text-sm text-brand-strong">
          Saved.
        </p>
      ) : null}
    </form>
  );
}
