"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { ClientOptions } from "@/components/clients/client-options";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/form-result";
import { TIME_OF_DAY_LABELS } from "@/lib/waitlist/describe-wish";
import { waitlistEntrySchema, type WaitlistEntryInput } from "@/lib/waitlist/entry-schema";
import type { JoinOptions } from "@/lib/waitlist/portal-waitlist";

type Values = z.output<typeof waitlistEntrySchema>;

function ErrorLine({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} role="alert" className="mt-1 text-sm font-medium text-danger">
      {message}
    </p>
  ) : null;
}

/**
 * The one waitlist form (decision 0057): a client joins from the portal, staff
 * add a client from the waitlist page (`clients` given). Service, clinician (or
 * any), days, and times of day or a start-time range; the same zod schema the
 * action parses, so errors sit by their fields.
 */
export function JoinWaitlistForm({
  options,
  weekdays,
  defaultServiceId,
  clients,
  submit,
  submitLabel,
}: {
  options: JoinOptions;
  /** Monday … Sunday in the practice's language. */
  weekdays: string[];
  defaultServiceId?: string;
  /** Staff: the practice's active clients to choose from (each says whether they have a linked partner). */
  clients?: { id: string; name: string; hasPartner: boolean }[];
  submit: (values: Values) => Promise<{ ok: true } | { ok: false; errors: FieldErrors }>;
  submitLabel: string;
}) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const first = options.services.find((s) => s.id === defaultServiceId) ?? options.services[0];
  const form = useForm<WaitlistEntryInput, unknown, Values>({
    resolver: zodResolver(waitlistEntrySchema),
    defaultValues: { serviceId: first?.id ?? "", memberId: "", clientId: clients ? "" : undefined, asCouple: false, daysOfWeek: [], timesOfDay: [], rangeStart: "", rangeEnd: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const serviceId = useWatch({ control: form.control, name: "serviceId" });
  const clientId = useWatch({ control: form.control, name: "clientId" });
  const service = options.services.find((s) => s.id === serviceId);
  const hasPartner = clients ? (clients.find((c) => c.id === clientId)?.hasPartner ?? false) : options.hasPartner;

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(false);
    const result = await submit(values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    setDone(true);
    form.reset({ ...form.getValues(), daysOfWeek: [], timesOfDay: [], rangeStart: "", rangeEnd: "", asCouple: false, ...(clients ? { clientId: "" } : {}) });
    router.refresh();
  });

  if (options.services.length === 0) return <p className="text-muted">There are no services to wait for yet.</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Join the waitlist">
      {clients ? (
        <Field label="Client" required error={errors.clientId?.message}>
          {(ids) => (
            <Select {...ids} {...form.register("clientId")}>
              <ClientOptions clients={clients} />
            </Select>
          )}
        </Field>
      ) : null}
      <Field label="Service" required error={errors.serviceId?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("serviceId", { onChange: () => form.setValue("memberId", "") })}>
            {options.services.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Clinician" error={errors.memberId?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("memberId")}>
            <option value="">Any clinician</option>
            {(service?.clinicians ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {service?.attendance === "couple" ? (
        <p className="text-sm text-muted">
          {clients
            ? "A session for a couple: the client and their linked partner share one place in line, and either can take a time that opens."
            : "A session for the two of you: both partners share one place in line, and either of you can take a time that opens."}
        </p>
      ) : service?.attendance === "either" && hasPartner ? (
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="size-5 accent-brand" {...form.register("asCouple")} />
          {clients ? "Wait as a couple, with their partner" : "Wait together, with your partner"}
        </label>
      ) : null}
      <ErrorLine id="wl-couple-error" message={errors.asCouple?.message} />

      <fieldset aria-describedby={errors.daysOfWeek ? "wl-days-error" : "wl-days-hint"}>
        <legend className="text-sm font-medium">Days</legend>
        <p id="wl-days-hint" className="text-sm text-muted">
          None ticked: any day.
        </p>
        <div className="mt-1 grid grid-cols-2 gap-x-4 sm:grid-cols-4">
          {weekdays.map((name, i) => (
            <label key={name} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" value={i + 1} className="size-5 accent-brand" {...form.register("daysOfWeek")} />
              {name}
            </label>
          ))}
        </div>
        <ErrorLine id="wl-days-error" message={errors.daysOfWeek?.message ?? errors.daysOfWeek?.[0]?.message} />
      </fieldset>

      <fieldset aria-describedby={errors.timesOfDay ? "wl-times-error" : "wl-times-hint"}>
        <legend className="text-sm font-medium">Times of day</legend>
        <p id="wl-times-hint" className="text-sm text-muted">
          None ticked: any time. Or give a range of start times below instead.
        </p>
        <div className="mt-1 space-y-0">
          {Object.entries(TIME_OF_DAY_LABELS).map(([value, label]) => (
            <label key={value} className="flex min-h-11 items-center gap-2">
              <input type="checkbox" value={value} className="size-5 accent-brand" {...form.register("timesOfDay")} />
              {label}
            </label>
          ))}
        </div>
        <ErrorLine id="wl-times-error" message={errors.timesOfDay?.message ?? errors.timesOfDay?.[0]?.message} />
      </fieldset>

      <div className="grid grid-cols-2 gap-3">
        <Field label="Starting from" error={errors.rangeStart?.message}>
          {(ids) => <Input type="time" {...ids} {...form.register("rangeStart")} />}
        </Field>
        <Field label="Starting by" error={errors.rangeEnd?.message}>
          {(ids) => <Input type="time" {...ids} {...form.register("rangeEnd")} />}
        </Field>
      </div>

      <FormError message={errors.root?.message} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : submitLabel}
      </Button>
      {done ? (
        <p role="status" className="text-sm text-brand-strong">
          {clients ? "Added to the waitlist." : "You're on the waitlist. We'll email you when a time that suits opens."}
        </p>
      ) : null}
    </form>
  );
}
