"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { saveDiagnosesAction } from "@/app/(clinic)/clinic/[practice]/billing/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, Input, SavedStatus } from "@/components/ui/field";
import { diagnosisSchema, type DiagnosisInput } from "@/lib/billing/diagnosis-schema";
import { diagnosisExample, diagnosisSuggestions, type PracticeKind } from "@/lib/billing/diagnosis-suggestions";

export function DiagnosisForm({ practiceSlug, practiceKind, appointmentId, codes }: { practiceSlug: string; practiceKind: PracticeKind; appointmentId: string; codes: string[] }) {
  const [saved, setSaved] = useState(false);
  const form = useForm<DiagnosisInput, unknown, z.output<typeof diagnosisSchema>>({ resolver: zodResolver(diagnosisSchema), defaultValues: { codes: codes.join(", ") } });
  const { errors, isSubmitting } = form.formState;
  const suggestions = diagnosisSuggestions(practiceKind);
  // A suggestion adds its code to the field (once); the clinician still saves.
  function add(code: string) {
    const current = form.getValues("codes") ?? "";
    const list = current.split(/[\s,;]+/).filter(Boolean);
    if (!list.map((c) => c.toUpperCase()).includes(code)) form.setValue("codes", [...list, code].join(", "), { shouldDirty: true });
  }
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const result = await saveDiagnosesAction(practiceSlug, appointmentId, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <Field label="Diagnosis codes (ICD-10)" hint={`Separated by commas, e.g. ${diagnosisExample(practiceKind)}. Printed on superbills.`} error={errors.codes?.message}>
        {(ids) => <Input {...ids} {...form.register("codes")} />}
      </Field>
      {suggestions.length > 0 ? (
        <details className="rounded-lg border border-line p-2 text-sm">
          <summary className="min-h-11 cursor-pointer content-center font-medium">Common codes for this practice</summary>
          <ul aria-label="Suggested diagnosis codes" className="mt-1 space-y-1">
            {suggestions.map((s) => (
              <li key={s.code}>
                <button type="button" onClick={() => add(s.code)} className="min-h-11 w-full rounded px-2 text-left hover:bg-canvas focus-visible:outline-2 focus-visible:outline-brand">
                  <span className="font-mono font-medium">{s.code}</span> {s.label}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : (
        <p className="text-sm text-muted">Coaching is rarely billed to insurance, so no codes are suggested.</p>
      )}
      <Button type="submit" variant="secondary" size="sm" disabled={isSubmitting}>
        Save codes
      </Button>
      <SavedStatus show={saved} />
    </form>
  );
}
