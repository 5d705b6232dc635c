"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { useState } from "react";
import { createEventAction, updateEventAction } from "@/app/(clinic)/clinic/[practice]/events/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select, Textarea } from "@/components/ui/field";
import { eventFormSchema, type EventFormInput, type EventFormValues } from "@/lib/events/event-schema";

/**
 * New group event, or an edit of one (decision 0055): one zod schema with the
 * server action; dates in the practice's zone.
 */
export function EventForm({
  slug,
  hosts,
  packages = [],
  editing,
}: {
  slug: string;
  hosts: { id: string; name: string }[];
  packages?: { id: string; name: string }[];
  /** Edit mode: the event and its current values. */
  editing?: { eventId: string; values: EventFormValues };
}) {
  const router = useRouter();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<EventFormInput, unknown, EventFormValues>({
    resolver: zodResolver(eventFormSchema),
    defaultValues: editing?.values ?? { title: "", description: "", format: "online", location: "", joinUrl: "", capacity: 20, price: "", creditPackageId: "", signupCutoff: "", cancellationHours: 24, cancellationPolicy: "", sessions: [{ startsAt: "", durationMinutes: 60 }], hostIds: [] },
  });
  const dates = useFieldArray({ control: form.control, name: "sessions" });
  const e = form.formState.errors;

  async function submit(values: EventFormValues) {
    setSaved(null);
    const result = editing ? await updateEventAction(slug, editing.eventId, values) : await createEventAction(slug, values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.errors)) form.setError(field === "form" ? "root" : (field as "title"), { message: messages[0] });
      return;
    }
    if (editing) {
      const notified = Number((result as { notified?: number }).notified ?? 0);
      setSaved(notified > 0 ? "Saved. Everyone signed up was emailed the new details, each in their own email, with a new calendar file." : "Saved.");
      router.refresh();
      return;
    }
    router.push(`/clinic/${slug}/events/${"eventId" in result ? result.eventId : ""}`);
  }

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate className="space-y-4">
      <Field label="Title" required error={e.title?.message}>{(ids) => <Input {...ids} {...form.register("title")} />}</Field>
      <Field label="Description" error={e.description?.message} hint="Shown on the public page. Nothing clinical.">{(ids) => <Textarea {...ids} rows={3} {...form.register("description")} />}</Field>
      <Field label="Format" required error={e.format?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("format")}>
            <option value="online">Online</option>
            <option value="in_person">In person</option>
          </Select>
        )}
      </Field>
      <Field label="Address (in person)" error={e.location?.message}>{(ids) => <Input {...ids} {...form.register("location")} />}</Field>
      <Field label="Join link (online)" hint="Sent only to each confirmed attendee, in their own email." error={e.joinUrl?.message}>{(ids) => <Input {...ids} type="url" {...form.register("joinUrl")} />}</Field>
      <Field label="Seats" required error={e.capacity?.message}>{(ids) => <Input {...ids} type="number" inputMode="numeric" min={1} {...form.register("capacity")} />}</Field>
      <Field label="Price per seat" hint="Leave empty for a free event." error={e.price?.message}>{(ids) => <Input {...ids} inputMode="decimal" {...form.register("price")} />}</Field>
      {packages.length > 0 ? (
        <Field
          label="Package credits"
          hint="Clients signed in to their portal may pay with a credit from this package, one a seat. With no price above, only holders of the package can sign up."
          error={e.creditPackageId?.message}
        >
          {(ids) => (
            <Select {...ids} {...form.register("creditPackageId")}>
              <option value="">No credits taken</option>
              {packages.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium">Dates</legend>
        {dates.fields.map((f, i) => (
          <div key={f.id} className="grid gap-2 sm:grid-cols-2">
            <Field label={`Date ${i + 1} starts`} required error={e.sessions?.[i]?.startsAt?.message}>{(ids) => <Input {...ids} type="datetime-local" {...form.register(`sessions.${i}.startsAt`)} />}</Field>
            <Field label="Minutes" required error={e.sessions?.[i]?.durationMinutes?.message}>{(ids) => <Input {...ids} type="number" inputMode="numeric" {...form.register(`sessions.${i}.durationMinutes`)} />}</Field>
          </div>
        ))}
        <FormError message={e.sessions?.message ?? e.sessions?.root?.message} />
        <Button variant="secondary" onClick={() => dates.append({ startsAt: "", durationMinutes: 60 })}>Add a date</Button>
      </fieldset>
      <Field label="Sign-up closes" required error={e.signupCutoff?.message}>{(ids) => <Input {...ids} type="datetime-local" {...form.register("signupCutoff")} />}</Field>
      <Field label="Refundable until (hours before the first date)" required error={e.cancellationHours?.message}>{(ids) => <Input {...ids} type="number" inputMode="numeric" {...form.register("cancellationHours")} />}</Field>
      <Field label="Cancellation policy" error={e.cancellationPolicy?.message}>{(ids) => <Textarea {...ids} rows={2} {...form.register("cancellationPolicy")} />}</Field>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Hosts</legend>
        {hosts.map((h) => (
          <label key={h.id} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" value={h.id} {...form.register("hostIds")} /> {h.name}
          </label>
        ))}
        <FormError message={e.hostIds?.message} />
      </fieldset>
      <FormError message={e.root?.message} />
      <Button type="submit" disabled={form.formState.isSubmitting}>{editing ? "Save changes" : "Create event"}</Button>
      {saved ? (
        <p role="status" className="rounded-md bg-ok-soft px-3 py-2 text-ok">
          {saved}
        </p>
      ) : null}
    </form>
  );
}
