"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createNoteTemplateAction } from "@/app/(clinic)/clinic/[practice]/settings/notes/templates/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { newNoteTemplateSchema } from "@/lib/notes/template-schema";

type Values = z.input<typeof newNoteTemplateSchema>;

/** Names a new template, blank or copied from one of the practice's, and opens it in the editor. */
export function NewNoteTemplateForm({ slug, templates }: { slug: string; templates: { id: string; title: string }[] }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof newNoteTemplateSchema>>({ resolver: zodResolver(newNoteTemplateSchema), defaultValues: { title: "", copyFrom: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const r = await createNoteTemplateAction(slug, values);
    if (!r.ok) return applyServerErrors(form, r.errors);
    router.push(`/clinic/${slug}/settings/notes/templates/${r.templateId}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="New note template">
      <FormError message={errors.root?.message} />
      <Field label="Name" required error={errors.title?.message}>
        {(ids) => <Input {...ids} {...form.register("title")} />}
      </Field>
      <Field label="Start from" error={errors.copyFrom?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("copyFrom")}>
            <option value="">A blank template</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                A copy of {t.title}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create and edit"}
      </Button>
    </form>
  );
}
