"use client";

import type { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { saveClientAction } from "@/app/(clinic)/clinic/[practice]/clients/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { AddressFields } from "@/components/clients/address-fields";
import { Field, FormError, Input } from "@/components/ui/field";
import { clientSchema, type ClientInput } from "@/lib/clients/client-schema";

export function ClientForm({
  practiceSlug,
  clientId,
  defaults,
}: {
  practiceSlug: string;
  clientId: string | null;
  defaults?: Partial<ClientInput>;
}) {
  const router = useRouter();
  const form = useForm<ClientInput, unknown, z.output<typeof clientSchema>>({
    resolver: zodResolver(clientSchema),
    defaultValues: {
      firstName: "",
      lastName: "",
      preferredName: "",
      pronouns: "",
      email: "",
      phone: "",
      dateOfBirth: "",
      addressLine1: "",
      addressLine2: "",
      city: "",
      region: "",
      postalCode: "",
      country: "",
      portalAccess: false,
      ...defaults,
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async () => {
    const values = form.getValues();
    const result = await saveClientAction(practiceSlug, clientId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.push(`/clinic/${practiceSlug}/clients/${result.clientId}`);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <FormError message={errors.root?.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="First name" required error={errors.firstName?.message}>
          {(ids) => <Input {...ids} autoComplete="off" {...form.register("firstName")} />}
        </Field>
        <Field label="Last name" required error={errors.lastName?.message}>
          {(ids) => <Input {...ids} autoComplete="off" {...form.register("lastName")} />}
        </Field>
        <Field label="Preferred name" error={errors.preferredName?.message}>
          {(ids) => <Input {...ids} autoComplete="off" {...form.register("preferredName")} />}
        </Field>
        <Field label="Pronouns" error={errors.pronouns?.message}>
          {(ids) => <Input {...ids} autoComplete="off" {...form.register("pronouns")} />}
        </Field>
        <Field label="Email" error={errors.email?.message}>
          {(ids) => <Input {...ids} type="email" inputMode="email" autoComplete="off" {...form.register("email")} />}
        </Field>
        <Field label="Phone" error={errors.phone?.message}>
          {(ids) => <Input {...ids} type="tel" autoComplete="off" {...form.register("phone")} />}
        </Field>
        <Field label="Date of birth" error={errors.dateOfBirth?.message}>
          {(ids) => <Input {...ids} type="date" {...form.register("dateOfBirth")} />}
        </Field>
      </div>
      <AddressFields register={form.register} errors={errors} hint="Printed on superbills; insurers ask for it." autoFill={false} />
      <div className="flex items-start gap-3">
        <input
          id="portalAccess"
          type="checkbox"
          aria-describedby="portalAccess-hint"
          className="mt-1 h-5 w-5 accent-brand"
          {...form.register("portalAccess")}
        />
        <div className="text-sm">
          <label htmlFor="portalAccess" className="font-medium">
            Portal access
          </label>
          <p id="portalAccess-hint" className="text-muted">
            The client can sign in with this email to complete forms, book and do homework.
          </p>
        </div>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : clientId ? "Save changes" : "Create client"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
