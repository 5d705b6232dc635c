"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { saveWeeklyHoursAction } from "@/app/(clinic)/clinic/[practice]/settings/availability/actions";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { WEEKDAYS, weeklyHoursSchema, type WeeklyHoursInput, type WeeklyHoursValues, type WeeklyRowForm } from "@/lib/booking/availability-schema";
import { applyFieldErrors } from "./apply-field-errors";

export interface LocationOption {
  id: string;
  name: string;
}

export function WeeklyHoursForm({
  practiceSlug,
  memberId,
  memberName,
  practiceTimeZone,
  defaults,
  locations,
  timeZones,
}: {
  practiceSlug: string;
  memberId: string;
  memberName: string;
  practiceTimeZone: string;
  defaults: { timeZone: string; rows: WeeklyRowForm[] };
  locations: LocationOption[];
  timeZones: string[];
}) {
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const form = useForm<WeeklyHoursInput, unknown, WeeklyHoursValues>({
    resolver: zodResolver(weeklyHoursSchema),
    defaultValues: defaults,
  });
  const rows = useFieldArray({ control: form.control, name: "rows" });
  const { errors, isSubmitting } = form.formState;
  const zones = timeZones.includes(defaults.timeZone) || !defaults.timeZone ? timeZones : [defaults.timeZone, ...timeZones];

  const onSubmit = form.handleSubmit(async () => {
    setSaved(false);
    const values = form.getValues();
    const result = await saveWeeklyHoursAction(practiceSlug, memberId, values);
    if (!result.ok) return applyFieldErrors(form, result.errors);
    form.reset(values);
    setSaved(true);
    router.refresh();
  });

  const addRow = () => {
    const last = form.getValues("rows").at(-1) as WeeklyRowForm | undefined;
    const weekday = last ? String(Math.min(7, Number(last.weekday) + 1)) : "1";
    rows.append({ weekday, start: "09:00", end: "17:00", locationId: last?.locationId ?? "" });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={`Weekly hours for ${memberName}`}>
      <FormError message={errors.root?.message ?? errors.rows?.message ?? errors.rows?.root?.message} />
      {saved && !form.formState.isDirty ? (
        <p role="status" className="rounded-md bg-ok-soft px-3 py-2 text-sm text-ok">
          Weekly hours saved.
        </p>
      ) : null}
      <Field label="Time zone" hint="The weekly hours and date changes below are in this time zone." error={errors.timeZone?.message} className="max-w-md">
        {(a) => (
          <Select {...a} {...form.register("timeZone")}>
            <option value="">Practice time zone ({practiceTimeZone})</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </Select>
        )}
      </Field>

      {rows.fields.length === 0 ? <p className="text-muted">No weekly hours yet: clients cannot book this person until hours are added.</p> : null}
      <ol className="space-y-3">
        {rows.fields.map((row, i) => {
          const e = errors.rows?.[i];
          return (
            <li key={row.id}>
              <fieldset className="rounded-md border border-line p-3">
                <legend className="px-1 text-sm font-medium">Row {i + 1}</legend>
                <div className="grid grid-cols-2 gap-3 sm:grid-cols-[minmax(8rem,1fr)_8rem_8rem_minmax(9rem,1fr)_auto] sm:items-start">
                  <Field label="Day" error={e?.weekday?.message} className="col-span-2 sm:col-span-1">
                    {(a) => (
                      <Select {...a} {...form.register(`rows.${i}.weekday`)}>
                        {WEEKDAYS.map((d) => (
                          <option key={d.value} value={String(d.value)}>
                            {d.label}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                  <Field label="Start" error={e?.start?.message}>
                    {(a) => <Input {...a} type="time" {...form.register(`rows.${i}.start`)} />}
                  </Field>
                  <Field label="End" error={e?.end?.message}>
                    {(a) => <Input {...a} type="time" {...form.register(`rows.${i}.end`)} />}
                  </Field>
                  <Field label="Where" error={e?.locationId?.message} className="col-span-2 sm:col-span-1">
                    {(a) => (
                      <Select {...a} {...form.register(`rows.${i}.locationId`)}>
                        <option value="">Online/phone</option>
                        {locations.map((l) => (
                          <option key={l.id} value={l.id}>
                            {l.name}
                          </option>
                        ))}
                      </Select>
                    )}
                  </Field>
                  <div className="col-span-2 sm:col-span-1 sm:pt-6">
                    <Button variant="secondary" size="sm" onClick={() => rows.remove(i)} aria-label={`Remove row ${i + 1}`}>
                      Remove
                    </Button>
                  </div>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={addRow}>
          Add hours
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save weekly hours"}
        </Button>
      </div>
    </form>
  );
}
