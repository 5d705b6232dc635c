"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createProductAction, updateProductAction } from "@/app/(clinic)/clinic/[practice]/products/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, SavedStatus, Textarea } from "@/components/ui/field";
import { MAX_PRODUCT_BYTES, productSchema } from "@/lib/products/schemas";

type Values = z.input<typeof productSchema>;

/**
 * Create a product, or edit one (`product` given; a new PDF is optional then).
 * The browser checks the size it can see; the server checks the bytes again.
 */
export function ProductForm({
  practiceSlug,
  currency,
  product,
}: {
  practiceSlug: string;
  currency: string;
  product?: { id: string; title: string; description: string; price: string; active: boolean; filename: string };
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const form = useForm<Values, unknown, z.output<typeof productSchema>>({
    resolver: zodResolver(productSchema),
    defaultValues: { title: product?.title ?? "", description: product?.description ?? "", price: product?.price ?? "", active: product?.active ?? true },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (_values, event) => {
    setSaved(false);
    const element = (event?.target as HTMLFormElement | undefined) ?? null;
    const input = element?.querySelector<HTMLInputElement>('input[type="file"]');
    const file = input?.files?.[0];
    if (!file && !product) return setFileError("PDF file: choose a PDF file");
    if (file && file.size > MAX_PRODUCT_BYTES) return setFileError("PDF file: the file is larger than 50 MB");
    setFileError(null);
    const raw = form.getValues();
    const data = new FormData();
    data.set("title", String(raw.title ?? ""));
    data.set("description", String(raw.description ?? ""));
    data.set("price", String(raw.price ?? ""));
    data.set("active", raw.active ? "true" : "false");
    if (file) data.set("file", file);
    const result = product ? await updateProductAction(practiceSlug, product.id, data) : await createProductAction(practiceSlug, data);
    if (!result.ok) {
      if (result.errors.file) setFileError(result.errors.file[0] ?? null);
      const { file: _file, ...rest } = result.errors;
      void _file;
      return applyServerErrors(form, rest);
    }
    if (!product) form.reset();
    if (input) input.value = "";
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <Field label="Title" required hint="Shown on your booking page and in the buyer's portal (never in an email)." error={errors.title?.message}>
        {(ids) => <Input {...ids} maxLength={200} {...form.register("title")} />}
      </Field>
      <Field label="Description" hint="What it is and who it is for." error={errors.description?.message}>
        {(ids) => <Textarea {...ids} rows={4} maxLength={4000} {...form.register("description")} />}
      </Field>
      <Field label={`Price (${currency})`} required hint="For example 24 or 24.50." error={errors.price?.message}>
        {(ids) => <Input {...ids} inputMode="decimal" autoComplete="off" {...form.register("price")} />}
      </Field>
      <Field label="PDF file" required={!product} hint={product ? `Now: ${product.filename}. Choose a file only to replace it (a PDF of up to 50 MB).` : "A PDF of up to 50 MB."} error={fileError ?? undefined}>
        {(ids) => <Input {...ids} type="file" accept="application/pdf,.pdf" name="file" onChange={() => setFileError(null)} />}
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4" {...form.register("active")} />
        On sale (listed on your booking page)
      </label>
      <Button type="submit" disabled={isSubmitting}>
        {product ? "Save changes" : "Add product"}
      </Button>
      <SavedStatus show={saved}>{product ? "Saved." : "Added."}</SavedStatus>
    </form>
  );
}
