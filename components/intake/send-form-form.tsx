"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { sendFormAction } from "@/app/(clinic)/clinic/[practice]/forms/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { assignFormSchema } from "@/lib/intake/assign-form-schema";

type Values = z.input<typeof assignFormSchema>;

export function SendFormForm({ practiceSlug, clientId, templates }: { practiceSlug: string; clientId: string; templates: { id: string; title: string; kind: string }[] }) {
  const router = useRouter();
  const [sent, setSent] = useState(false);
  const form = useForm<Values, unknown, z.output<typeof assignFormSchema>>({
    resolver: zodResolver(assignFormSchema),
    defaultValues: { templateId: "", dueDate: "", notify: true },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSent(false);
    const result = await sendFormAction(practiceSlug, clientId, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    form.reset();
    setSent(true);
    router.refresh();
  });
  const measures = templates.filter((t) => t.kind === "measure");
  const forms = templates.filter((t) => t.kind !== "measure");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <Field label="Form or measure" required error={errors.templateId?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("templateId")}>
            <option value="">Choose…</option>
            <optgroup label="Forms">
              {forms.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </optgroup>
            <optgroup label="Measures">
              {measures.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </optgroup>
          </Select>
        )}
      </Field>
      <Field label="Due date" hint="Optional" error={errors.dueDate?.message}>
        {(ids) => <Input {...ids} type="date" className="max-w-56" {...form.register("dueDate")} />}
      </Field>
      <label className="flex min-h-11 items-center gap-3 text-sm">
        <input type="checkbox" className="size-5 accent-brand" {...form.register("notify")} />
        Email the client a link (no form names or answers in the email)
      </label>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Sending…" : "Send"}
        </Button>
        <p aria-live="polite" className="text-sm text-ok">
          {sent ? "Sent." : ""}
        </p>
      </div>
    </form>
  );
}
