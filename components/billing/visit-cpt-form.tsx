"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { saveVisitCptLinesAction } from "@/app/(clinic)/clinic/[practice]/billing/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, SavedStatus, Textarea } from "@/components/ui/field";
import { appointmentCptSchema, type AppointmentCptInput } from "@/lib/billing/cpt-lines";

/** The visit's CPT lines, adjusted by its clinician after the visit; they replace the service's on the superbill. */
export function VisitCptForm({ practiceSlug, appointmentId, text, fromService }: { practiceSlug: string; appointmentId: string; text: string; fromService: boolean }) {
  const [saved, setSaved] = useState(false);
  const form = useForm<AppointmentCptInput, unknown, z.output<typeof appointmentCptSchema>>({ resolver: zodResolver(appointmentCptSchema), defaultValues: { cptLines: text } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const result = await saveVisitCptLinesAction(practiceSlug, appointmentId, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <Field
        label="CPT lines for this visit"
        hint={`One per row: code, units as x2, modifiers, e.g. 97110 x2 GP.${fromService ? " Shown: the service's lines; saving makes them this visit's." : ""} Empty: the service's lines apply.`}
        error={errors.cptLines?.message}
      >
        {(ids) => <Textarea {...ids} rows={3} className="font-mono" {...form.register("cptLines")} />}
      </Field>
      <Button type="submit" variant="secondary" size="sm" disabled={isSubmitting}>
        Save CPT lines
      </Button>
      <SavedStatus show={saved} />
    </form>
  );
}
