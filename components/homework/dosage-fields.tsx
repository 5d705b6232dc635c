"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Field, Input } from "@/components/ui/field";
import { DOSAGE_LIMITS } from "@/db/schema/homework";
import type { Dosage } from "@/lib/homework/dosage";

type DosageInput = { [K in keyof Dosage]?: unknown };

const FIELDS: { name: keyof Dosage; label: string; hint?: string }[] = [
  { name: "sets", label: "Sets" },
  { name: "repetitions", label: "Repetitions" },
  { name: "holdSeconds", label: "Hold time (seconds)" },
  { name: "restSeconds", label: "Rest (seconds)" },
  { name: "timesPerDay", label: "Times a day", hint: "Times per week then counts days." },
];

/**
 * Sets, repetitions, hold, rest and times a day, for the exercise editor and
 * the assign form (both schemas spread `dosageFields`). All optional.
 */
export function DosageFields<T extends DosageInput>({ register, errors, legend }: { register: UseFormRegister<T>; errors: FieldErrors<T>; legend: string }) {
  // The two forms' value types differ elsewhere; these five names are common to both.
  const reg = register as unknown as UseFormRegister<DosageInput>;
  const errs = errors as FieldErrors<DosageInput>;
  return (
    <fieldset className="rounded-lg border border-line p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      <p className="mb-3 text-sm text-muted">For exercises counted in sets and repetitions, such as pelvic-floor work. Leave empty when they do not apply.</p>
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-3">
        {FIELDS.map((f) => (
          <Field key={f.name} label={f.label} hint={f.hint} error={errs[f.name]?.message as string | undefined}>
            {(ids) => <Input {...ids} type="number" inputMode="numeric" min={DOSAGE_LIMITS[f.name].min} max={DOSAGE_LIMITS[f.name].max} {...reg(f.name)} />}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
