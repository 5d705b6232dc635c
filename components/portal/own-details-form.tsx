"use client";

import type { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveOwnDetailsAction } from "@/app/(portal)/portal/[clientId]/details/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { AddressFields } from "@/components/clients/address-fields";
import { Field, FormError, Input, SavedStatus } from "@/components/ui/field";
import { ownDetailsSchema, type OwnDetailsInput } from "@/lib/clients/own-details-schema";

/** The client's own details (lib/clients/own-details-schema.ts): the same schema here and in the action. */
export function OwnDetailsForm({ clientId, defaults }: { clientId: string; defaults: OwnDetailsInput }) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<OwnDetailsInput, unknown, z.output<typeof ownDetailsSchema>>({ resolver: zodResolver(ownDetailsSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const result = await saveOwnDetailsAction(clientId, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    setSaved(true);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Your details">
      <FormError message={errors.root?.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Preferred name" hint="What you like to be called" error={errors.preferredName?.message}>
          {(ids) => <Input {...ids} autoComplete="nickname" {...form.register("preferredName")} />}
        </Field>
        <Field label="Pronouns" error={errors.pronouns?.message}>
          {(ids) => <Input {...ids} autoComplete="off" {...form.register("pronouns")} />}
        </Field>
        <Field label="Phone" error={errors.phone?.message}>
          {(ids) => <Input {...ids} type="tel" autoComplete="tel" {...form.register("phone")} />}
        </Field>
        <Field label="Date of birth" error={errors.dateOfBirth?.message}>
          {(ids) => <Input {...ids} type="date" autoComplete="bday" {...form.register("dateOfBirth")} />}
        </Field>
      </div>
      <AddressFields register={form.register} errors={errors} hint="Printed on your superbills, which insurers ask for." autoFill={true} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save your details"}
      </Button>
      <SavedStatus show={saved} />
    </form>
  );
}
