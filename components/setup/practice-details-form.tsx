"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { savePracticeDetailsAction } from "@/app/(clinic)/clinic/[practice]/setup/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, LabelOptions, Select } from "@/components/ui/field";
import { PRACTICE_LOCALE_LABELS } from "@/lib/dates/locales";
import { identifiersFor } from "@/lib/setup/countries";
import { practiceDetailsSchemaFor, type PracticeDetailsFormValues, type PracticeDetailsInput, type PracticeDetailsValues } from "@/lib/setup/details-schema";

export function PracticeDetailsForm({
  practiceSlug,
  country,
  defaults,
  hasLocation,
  nextHref,
}: {
  practiceSlug: string;
  country: string;
  defaults: PracticeDetailsFormValues;
  hasLocation: boolean;
  nextHref: string;
}) {
  const router = useRouter();
  const ids = identifiersFor(country);
  const schema = useMemo(() => practiceDetailsSchemaFor(country), [country]);
  const form = useForm<PracticeDetailsInput, unknown, PracticeDetailsValues>({ resolver: zodResolver(schema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onlineOnly = useWatch({ control: form.control, name: "onlineOnly" });
  const us = country === "US";

  const onSubmit = form.handleSubmit(async () => {
    const result = await savePracticeDetailsAction(practiceSlug, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.push(nextHref);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-6" aria-label="Practice details">
      <FormError message={errors.root?.message} />
      <Field label="Phone" required hint="Shown to clients on the booking page and in their emails." error={errors.phone?.message}>
        {(a) => <Input {...a} type="tel" autoComplete="tel" {...form.register("phone")} />}
      </Field>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Address</legend>
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" className="size-5" {...form.register("onlineOnly")} />
          <span>We work online only: no street address to show</span>
        </label>
        {onlineOnly ? null : (
          <>
            <Field label="Address" required error={errors.addressLine1?.message}>
              {(a) => <Input {...a} autoComplete="address-line1" {...form.register("addressLine1")} />}
            </Field>
            <Field label="Address line 2" error={errors.addressLine2?.message}>
              {(a) => <Input {...a} autoComplete="address-line2" {...form.register("addressLine2")} />}
            </Field>
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="City" required error={errors.city?.message}>
                {(a) => <Input {...a} autoComplete="address-level2" {...form.register("city")} />}
              </Field>
              <Field label={us ? "State" : "Region"} error={errors.region?.message}>
                {(a) => <Input {...a} autoComplete="address-level1" {...form.register("region")} />}
              </Field>
              <Field label={us ? "ZIP code" : "Postcode"} error={errors.postalCode?.message}>
                {(a) => <Input {...a} autoComplete="postal-code" {...form.register("postalCode")} />}
              </Field>
            </div>
            {hasLocation ? null : (
              <label className="flex min-h-11 items-center gap-3">
                <input type="checkbox" className="size-5" {...form.register("seeClientsHere")} />
                <span>Clients come to this address (lets you offer in-person sessions)</span>
              </label>
            )}
          </>
        )}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Numbers on receipts and superbills</legend>
        <Field label={ids.taxIdLabel} hint={ids.taxIdHint} error={errors.taxId?.message}>
          {(a) => <Input {...a} autoComplete="off" {...form.register("taxId")} />}
        </Field>
        {ids.npi ? (
          <Field label="NPI (practice)" hint="Your group's 10-digit National Provider Identifier, if you have one." error={errors.npi?.message}>
            {(a) => <Input {...a} inputMode="numeric" autoComplete="off" {...form.register("npi")} />}
          </Field>
        ) : null}
      </fieldset>

      <Field
        label="Dates and times"
        hint="How your team's screens, your emails and your PDFs write dates and times, e.g. 3 December 2026 and 14:30 in the UK."
        error={errors.locale?.message}
      >
        {(a) => (
          <Select {...a} {...form.register("locale")}>
            <LabelOptions labels={PRACTICE_LOCALE_LABELS} />
          </Select>
        )}
      </Field>

      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save and continue"}
      </Button>
    </form>
  );
}
