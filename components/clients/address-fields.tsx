"use client";

import type { FieldErrors, FieldValues, Path, UseFormRegister } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";

type AddressKey = "addressLine1" | "addressLine2" | "city" | "region" | "postalCode" | "country";

/**
 * The postal address's six fields (lib/clients/address-schema.ts), for any
 * form whose values carry them: the staff client form and the client's own
 * details. `autoFill`: a person typing their own address lets the browser
 * fill it; staff typing a client's do not.
 */
export function AddressFields<T extends FieldValues & Partial<Record<AddressKey, unknown>>>({
  register,
  errors,
  hint,
  autoFill,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  hint: string;
  autoFill: boolean;
}) {
  const field = (name: AddressKey, label: string, auto: string, fieldHint?: string) => (
    <Field label={label} hint={fieldHint} error={errors[name]?.message as string | undefined}>
      {(ids) => <Input {...ids} autoComplete={autoFill ? auto : "off"} {...register(name as Path<T>)} />}
    </Field>
  );
  return (
    <fieldset className="space-y-3">
      <legend className="font-medium">Postal address</legend>
      <p className="text-sm text-muted">{hint}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("addressLine1", "Address line 1", "address-line1")}
        {field("addressLine2", "Address line 2", "address-line2")}
        {field("city", "City", "address-level2")}
        {field("region", "State or region", "address-level1")}
        {field("postalCode", "Postal code", "postal-code")}
        {field("country", "Country", "country", "Two-letter code, e.g. US")}
      </div>
    </fieldset>
  );
}
