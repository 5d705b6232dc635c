"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { signDocumentAction } from "@/app/(portal)/portal/[clientId]/documents/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { signDocumentSchema } from "@/lib/documents/schemas";

type Values = z.input<typeof signDocumentSchema>;

/** Read and sign: the agreement, the typed name; the time, IP and browser are recorded by the server. */
export function SignDocumentForm({ clientId, shareId }: { clientId: string; shareId: string }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof signDocumentSchema>>({
    resolver: zodResolver(signDocumentSchema),
    defaultValues: { name: "", agreed: false as unknown as true },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await signDocumentAction(clientId, shareId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={errors.root?.message} />
      <div className="space-y-1">
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            className="mt-0.5 size-5 shrink-0 accent-brand"
            aria-invalid={errors.agreed ? true : undefined}
            aria-describedby={errors.agreed ? "agreed-error" : undefined}
            {...form.register("agreed")}
          />
          <span>I have read this document and I agree that the name I type below is my signature on it.</span>
        </label>
        {errors.agreed ? (
          <p id="agreed-error" role="alert" className="text-sm font-medium text-danger">
            {errors.agreed.message}
          </p>
        ) : null}
      </div>
      <Field label="Type your full name to sign" required error={errors.name?.message}>
        {(ids) => <Input {...ids} autoComplete="name" maxLength={200} {...form.register("name")} />}
      </Field>
      <p className="text-sm text-muted">The time, your connection&apos;s IP address and your browser are recorded when you sign.</p>
      <Button type="submit" disabled={isSubmitting}>
        Sign the document
      </Button>
    </form>
  );
}
