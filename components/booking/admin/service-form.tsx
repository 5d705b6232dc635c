"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { Controller, useForm } from "react-hook-form";
import { saveServiceAction } from "@/app/(clinic)/clinic/[practice]/settings/services/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, Textarea, LabelOptions } from "@/components/ui/field";
import { CURRENCIES, CURRENCY_LABELS } from "@/lib/money";
import { serviceSchema, type ServiceFormValues, type ServiceInput, type ServiceValues } from "@/lib/booking/service-schema";
import { ATTENDANCE_LABELS, FORMAT_LABELS } from "@/lib/booking/service-labels";

export interface ClinicianOption {
  id: string;
  displayName: string;
  credentials: string | null;
}

export function ServiceForm({
  practiceSlug,
  serviceId,
  defaults,
  clinicians,
  hasLocations,
  doneHref,
}: {
  practiceSlug: string;
  serviceId: string | null;
  defaults: ServiceFormValues;
  clinicians: ClinicianOption[];
  hasLocations: boolean;
  /** Where saving and cancelling go (default: the services list); the guided setup goes on to its next step. */
  doneHref?: string;
}) {
  const router = useRouter();
  const ids = useId();
  const form = useForm<ServiceInput, unknown, ServiceValues>({
    resolver: zodResolver(serviceSchema),
    defaultValues: defaults,
  });
  const { errors, isSubmitting } = form.formState;
  const listHref = doneHref ?? `/clinic/${practiceSlug}/settings/services`;

  const onSubmit = form.handleSubmit(async () => {
    const result = await saveServiceAction(practiceSlug, serviceId, form.getValues());
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.push(listHref);
    router.refresh();
  });

  const number = (name: keyof ServiceFormValues & keyof ServiceInput, label: string, hint?: string, required = true) => (
    <Field label={label} hint={hint} required={required} error={errors[name]?.message}>
      {(a) => <Input {...a} type="number" inputMode="numeric" min={0} step={1} {...form.register(name)} />}
    </Field>
  );
  const amount = (name: "price" | "lateCancelFee" | "noShowFee", label: string, hint: string) => (
    <Field label={label} hint={hint} error={errors[name]?.message}>
      {(a) => <Input {...a} type="text" inputMode="decimal" autoComplete="off" placeholder="0.00" {...form.register(name)} />}
    </Field>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6">
      <FormError message={errors.root?.message} />

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">The session</legend>
        <Field label="Name" required error={errors.name?.message}>
          {(a) => <Input {...a} autoComplete="off" {...form.register("name")} />}
        </Field>
        <Field label="Description" hint="Shown to clients on the booking page." error={errors.description?.message}>
          {(a) => <Textarea {...a} rows={3} {...form.register("description")} />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-3">
          {number("durationMinutes", "Duration (minutes)")}
          <Field
            label="Format"
            required
            hint={hasLocations ? undefined : "In person needs a location in the practice."}
            error={errors.format?.message}
          >
            {(a) => (
              <Select {...a} {...form.register("format")}>
                <LabelOptions labels={FORMAT_LABELS} />
              </Select>
            )}
          </Field>
          <Field label="Who attends" required error={errors.attendance?.message}>
            {(a) => (
              <Select {...a} {...form.register("attendance")}>
                <LabelOptions labels={ATTENDANCE_LABELS} />
              </Select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Price and cancellation</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Currency" required error={errors.currency?.message}>
            {(a) => (
              <Select {...a} {...form.register("currency")}>
                {CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {CURRENCY_LABELS[c]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {amount("price", "Price", "For example 190 or 190.50. Leave empty for a free session.")}
          {number("cancellationWindowHours", "Cancellation window (hours)", "Cancelling later than this is a late cancellation.")}
          {amount("lateCancelFee", "Late-cancel fee", "Charged for a late cancellation. Empty: no fee.")}
          {amount("noShowFee", "No-show fee", "Charged when nobody comes. Empty: no fee.")}
        </div>
      </fieldset>

      <Controller
        control={form.control}
        name="clinicianIds"
        render={({ field, fieldState }) => {
          const selected = new Set(Array.isArray(field.value) ? (field.value as string[]) : []);
          const errorId = `${ids}-clinicians-error`;
          return (
            <fieldset className="space-y-2" aria-describedby={fieldState.error ? errorId : undefined}>
              <legend className="mb-2 text-lg font-semibold">Clinicians</legend>
              {clinicians.length === 0 ? (
                <p className="text-sm text-muted">Nobody on the team can offer sessions yet: invite a clinician first.</p>
              ) : (
                <ul className="space-y-1">
                  {clinicians.map((c, i) => {
                    const id = `${ids}-clinician-${c.id}`;
                    return (
                      <li key={c.id} className="flex min-h-11 items-center gap-3">
                        <input
                          id={id}
                          ref={i === 0 ? field.ref : undefined}
                          type="checkbox"
                          className="h-5 w-5 accent-brand"
                          name={field.name}
                          value={c.id}
                          checked={selected.has(c.id)}
                          onBlur={field.onBlur}
                          onChange={(e) => {
                            const next = new Set(selected);
                            if (e.target.checked) next.add(c.id);
                            else next.delete(c.id);
                            field.onChange(clinicians.filter((o) => next.has(o.id)).map((o) => o.id));
                          }}
                        />
                        <label htmlFor={id}>
                          {c.displayName}
                          {c.credentials ? <span className="text-muted">, {c.credentials}</span> : null}
                        </label>
                      </li>
                    );
                  })}
                </ul>
              )}
              {fieldState.error ? (
                <p id={errorId} role="alert" className="text-sm font-medium text-danger">
                  {fieldState.error.message}
                </p>
              ) : null}
            </fieldset>
          );
        }}
      />

      <fieldset className="space-y-4">
        <legend className="mb-2 text-lg font-semibold">Booking rules</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {number("bufferBeforeMinutes", "Buffer before (minutes)", "Kept free before each session.")}
          {number("bufferAfterMinutes", "Buffer after (minutes)", "Kept free after each session, for notes.")}
          {number("minNoticeHours", "Minimum notice (hours)", "How soon before a session clients can still book it.")}
          {number("horizonDays", "Booking horizon (days)", "How far ahead clients can book.")}
          {number("slotStepMinutes", "Slot step (minutes)", "Minutes between offered start times. Leave empty to offer times one session length apart (a 50-minute session: 9:00, 9:50, 10:40).", false)}
        </div>
      </fieldset>

      <div className="flex items-start gap-3">
        <input
          id={`${ids}-active`}
          type="checkbox"
          aria-describedby={`${ids}-active-hint`}
          className="mt-1 h-5 w-5 accent-brand"
          {...form.register("active")}
        />
        <div className="text-sm">
          <label htmlFor={`${ids}-active`} className="font-medium">
            Active
          </label>
          <p id={`${ids}-active-hint`} className="text-muted">
            Clients can book active services. An archived service is hidden from booking and kept for past sessions.
          </p>
        </div>
      </div>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : serviceId ? "Save changes" : "Create service"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => router.push(listHref)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
