"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import {
  createPackageAction,
  saveMemberBillingAction,
  savePracticeBillingAction,
  saveServiceBillingAction,
} from "@/app/(clinic)/clinic/[practice]/settings/billing/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, Textarea } from "@/components/ui/field";
import {
  memberBillingSchema,
  packageSchema,
  practiceBillingSchema,
  serviceBillingSchema,
  type MemberBillingInput,
  type PackageInput,
  type PracticeBillingInput,
  type ServiceBillingInput,
} from "@/lib/billing/settings-schema";
import type { ActionResult } from "@/lib/form-result";

function Saved({ show }: { show: boolean }) {
  return show ? (
    <p role="status" className="text-sm text-brand-strong">
      Saved.
    </p>
  ) : null;
}

function useSaved() {
  const [saved, setSaved] = useState(false);
  return { saved, setSaved };
}

export function PracticeBillingForm({ slug, defaults }: { slug: string; defaults: PracticeBillingInput }) {
  const { saved, setSaved } = useSaved();
  const form = useForm<PracticeBillingInput, unknown, z.output<typeof practiceBillingSchema>>({ resolver: zodResolver(practiceBillingSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const r = await savePracticeBillingAction(slug, form.getValues());
    if (!r.ok) return applyServerErrors(form, r.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Tax ID (EIN)" error={errors.taxId?.message}>
          {(ids) => <Input {...ids} {...form.register("taxId")} />}
        </Field>
        <Field label="Practice NPI" error={errors.npi?.message}>
          {(ids) => <Input {...ids} inputMode="numeric" {...form.register("npi")} />}
        </Field>
      </div>
      <Button type="submit" size="sm" disabled={isSubmitting}>
        Save
      </Button>
      <Saved show={saved} />
    </form>
  );
}

export function ServiceBillingForm({ slug, serviceId, name, defaults }: { slug: string; serviceId: string; name: string; defaults: ServiceBillingInput }) {
  const { saved, setSaved } = useSaved();
  const form = useForm<ServiceBillingInput, unknown, z.output<typeof serviceBillingSchema>>({ resolver: zodResolver(serviceBillingSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const mode = useWatch({ control: form.control, name: "paymentMode" });
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const r: ActionResult = await saveServiceBillingAction(slug, serviceId, form.getValues());
    if (!r.ok) return applyServerErrors(form, r.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`Billing for ${name}`}>
      <h3 className="font-medium">{name}</h3>
      <div className="grid gap-3 sm:grid-cols-4">
        <Field label={`${name}: paid at booking`} error={errors.paymentMode?.message}>
          {(ids) => (
            <Select {...ids} {...form.register("paymentMode")}>
              <option value="none">Nothing online</option>
              <option value="full">Full price</option>
              <option value="deposit">A deposit</option>
            </Select>
          )}
        </Field>
        {mode === "deposit" ? (
          <Field label={`${name}: deposit`} error={errors.deposit?.message}>
            {(ids) => <Input {...ids} inputMode="decimal" {...form.register("deposit")} />}
          </Field>
        ) : null}
      </div>
      <Field label={`${name}: CPT lines`} hint="One per row: code, units as x2, modifiers, e.g. 97110 x2 GP" error={errors.cptLines?.message}>
        {(ids) => <Textarea {...ids} rows={3} className="font-mono" {...form.register("cptLines")} />}
      </Field>
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" className="h-5 w-5 accent-brand" {...form.register("asksSuperbillDetails")} />
        {name}: ask for date of birth and address at booking (for superbills)
      </label>
      <Button type="submit" size="sm" variant="secondary" disabled={isSubmitting}>
        Save {name}
      </Button>
      <Saved show={saved} />
    </form>
  );
}

export function MemberBillingForm({ slug, memberId, name, defaults }: { slug: string; memberId: string; name: string; defaults: MemberBillingInput }) {
  const { saved, setSaved } = useSaved();
  const form = useForm<MemberBillingInput, unknown, z.output<typeof memberBillingSchema>>({ resolver: zodResolver(memberBillingSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const r = await saveMemberBillingAction(slug, memberId, form.getValues());
    if (!r.ok) return applyServerErrors(form, r.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label={`Superbill details for ${name}`}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={`${name}: license number`} error={errors.licenseNumber?.message}>
          {(ids) => <Input {...ids} {...form.register("licenseNumber")} />}
        </Field>
        <Field label={`${name}: NPI`} error={errors.npi?.message}>
          {(ids) => <Input {...ids} inputMode="numeric" {...form.register("npi")} />}
        </Field>
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={isSubmitting}>
        Save {name}
      </Button>
      <Saved show={saved} />
    </form>
  );
}

export function PackageForm({ slug, services }: { slug: string; services: { id: string; name: string }[] }) {
  const router = useRouter();
  const { saved, setSaved } = useSaved();
  const form = useForm<PackageInput, unknown, z.output<typeof packageSchema>>({
    resolver: zodResolver(packageSchema),
    defaultValues: { name: "", sessionCount: "6", price: "", validMonths: "6", serviceIds: [] },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const r = await createPackageAction(slug, form.getValues());
    if (!r.ok) return applyServerErrors(form, r.errors);
    setSaved(true);
    form.reset();
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="New package">
      <FormError message={errors.root?.message} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Package name" required error={errors.name?.message}>
          {(ids) => <Input {...ids} {...form.register("name")} />}
        </Field>
        <Field label="Price" required error={errors.price?.message}>
          {(ids) => <Input {...ids} inputMode="decimal" {...form.register("price")} />}
        </Field>
        <Field label="Sessions" required error={errors.sessionCount?.message}>
          {(ids) => <Input {...ids} inputMode="numeric" {...form.register("sessionCount")} />}
        </Field>
        <Field label="Valid for (months)" required error={errors.validMonths?.message}>
          {(ids) => <Input {...ids} inputMode="numeric" {...form.register("validMonths")} />}
        </Field>
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Services a credit can be used for</legend>
        {services.map((s) => (
          <label key={s.id} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" value={s.id} className="h-5 w-5 accent-brand" {...form.register("serviceIds")} />
            {s.name}
          </label>
        ))}
        {errors.serviceIds ? (
          <p role="alert" className="text-sm font-medium text-danger">
            {errors.serviceIds.message}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" size="sm" disabled={isSubmitting}>
        Create package
      </Button>
      <Saved show={saved} />
    </form>
  );
}
