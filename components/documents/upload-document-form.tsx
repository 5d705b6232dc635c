"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { uploadDocumentAction } from "@/app/(clinic)/clinic/[practice]/documents/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, LabelOptions, SavedStatus, Select } from "@/components/ui/field";
import { DOCUMENT_KIND_LABELS, MAX_DOCUMENT_BYTES, uploadDocumentSchema } from "@/lib/documents/schemas";

type Values = z.input<typeof uploadDocumentSchema>;

/** Add a PDF to the library. The browser checks what it can; the server checks the bytes again. */
export function UploadDocumentForm({ practiceSlug }: { practiceSlug: string }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof uploadDocumentSchema>>({ resolver: zodResolver(uploadDocumentSchema), defaultValues: { title: "", kind: "sign" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values, event) => {
    setSaved(false);
    const element = (event?.target as HTMLFormElement | undefined) ?? null;
    const input = element?.querySelector<HTMLInputElement>('input[type="file"]');
    const file = input?.files?.[0];
    if (!file) return setFileError("Document: choose a PDF file");
    if (file.size > MAX_DOCUMENT_BYTES) return setFileError("Document: the file is larger than 20 MB");
    setFileError(null);
    const data = new FormData();
    data.set("title", values.title);
    data.set("kind", values.kind);
    data.set("file", file);
    const result = await uploadDocumentAction(practiceSlug, data);
    if (!result.ok) {
      if (result.errors.file) setFileError(result.errors.file[0] ?? null);
      const { file: _file, ...rest } = result.errors;
      void _file;
      return applyServerErrors(form, rest);
    }
    form.reset();
    if (input) input.value = "";
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <Field label="Title" required hint="Clients see it in their portal (never in an email)." error={errors.title?.message}>
        {(ids) => <Input {...ids} maxLength={200} {...form.register("title")} />}
      </Field>
      <Field label="What clients do with it" required error={errors.kind?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("kind")}>
            <LabelOptions labels={DOCUMENT_KIND_LABELS} />
          </Select>
        )}
      </Field>
      <Field label="PDF file" required hint="A PDF of up to 20 MB." error={fileError ?? undefined}>
        {(ids) => <Input {...ids} type="file" accept="application/pdf,.pdf" name="file" onChange={() => setFileError(null)} />}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        Upload
      </Button>
      <SavedStatus show={saved}>Uploaded.</SavedStatus>
    </form>
  );
}
