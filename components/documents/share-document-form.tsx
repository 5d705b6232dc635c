"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { shareDocumentAction } from "@/app/(clinic)/clinic/[practice]/documents/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, SavedStatus, Select, Textarea } from "@/components/ui/field";
import { shareDocumentSchema } from "@/lib/documents/schemas";

type Values = z.input<typeof shareDocumentSchema>;

export function ShareDocumentForm({
  practiceSlug,
  clientId,
  documents,
  partnerName,
}: {
  practiceSlug: string;
  clientId: string;
  documents: { id: string; title: string; kind: "view" | "sign" }[];
  /** The partner's first name when the client is in a couple. */
  partnerName: string | null;
}) {
  const router = useRouter();
  const [sent, setSent] = useState(false);
  const form = useForm<Values, unknown, z.output<typeof shareDocumentSchema>>({
    resolver: zodResolver(shareDocumentSchema),
    defaultValues: { documentId: "", with: partnerName ? "couple" : "client", message: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSent(false);
    const result = await shareDocumentAction(practiceSlug, clientId, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    form.reset();
    setSent(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <Field label="Document" required error={errors.documentId?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("documentId")}>
            <option value="">Choose…</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
                {d.kind === "sign" ? " (to sign)" : ""}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Share with" required error={errors.with?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("with")}>
            <option value="client">This client only</option>
            {partnerName ? <option value="couple">The couple (this client and {partnerName}; each signs)</option> : null}
          </Select>
        )}
      </Field>
      <Field label="Message" hint="Optional. Shown in the portal, never in the email." error={errors.message?.message}>
        {(ids) => <Textarea {...ids} maxLength={1000} {...form.register("message")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        Share
      </Button>
      <SavedStatus show={sent}>Shared. The client was told by email that a document waits in their portal.</SavedStatus>
    </form>
  );
}
