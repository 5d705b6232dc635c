"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createTemplateAction } from "@/app/(clinic)/clinic/[practice]/forms/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { createTemplateSchema } from "@/lib/intake/create-template-schema";

type Values = z.input<typeof createTemplateSchema>;

export function NewFormForm({ practiceSlug }: { practiceSlug: string }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof createTemplateSchema>>({ resolver: zodResolver(createTemplateSchema), defaultValues: { title: "", kind: "intake" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    const result = await createTemplateAction(practiceSlug, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.push(`/clinic/${practiceSlug}/forms/${result.templateId}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <Field label="Title" required error={errors.title?.message}>
        {(ids) => <Input {...ids} {...form.register("title")} />}
      </Field>
      <Field label="What it is for" error={errors.kind?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("kind")}>
            <option value="intake">Intake</option>
            <option value="consent">Consent</option>
            <option value="policy">Policy</option>
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create form"}
      </Button>
    </form>
  );
}
