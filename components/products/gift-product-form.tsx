"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { giftProductAction } from "@/app/(clinic)/clinic/[practice]/products/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { ClientOptions } from "@/components/clients/client-options";
import { Button } from "@/components/ui/button";
import { Field, FormError, SavedStatus, Select } from "@/components/ui/field";
import { giftProductSchema } from "@/lib/products/schemas";

type Values = z.input<typeof giftProductSchema>;

/** Give the product to a client: nothing to pay; a download link goes to their address and it appears in their portal. */
export function GiftProductForm({ practiceSlug, productId, clients }: { practiceSlug: string; productId: string; clients: { id: string; name: string }[] }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<Values, unknown, z.output<typeof giftProductSchema>>({ resolver: zodResolver(giftProductSchema), defaultValues: { clientId: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const result = await giftProductAction(practiceSlug, productId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    form.reset();
    setSaved(true);
    router.refresh();
  });
  if (clients.length === 0) return <p className="text-muted">No client with an email address yet.</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      <Field label="Client" required hint="They get a download link by email, and find it in their portal." error={errors.clientId?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("clientId")}>
            <ClientOptions clients={clients} />
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        Give it
      </Button>
      <SavedStatus show={saved}>Given. The link is on its way.</SavedStatus>
    </form>
  );
}
