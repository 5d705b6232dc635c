"use client";

import type { ReactNode } from "react";
import { Controller, type Control, type UseFormRegister } from "react-hook-form";
import { cn } from "@/components/ui/cn";
import { Field, Input, Textarea } from "@/components/ui/field";
import { TEXT_LIMITS, type AnswerableQuestion, type Question } from "@/lib/intake/form-definition";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are keyed by the version's question ids
export type AnswerForm = Record<string, any>;

const choiceRow = "flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-line bg-surface px-3 py-2 has-[:checked]:border-brand has-[:checked]:bg-brand-soft";

/** A group of radios or checkboxes with a legend, hint and error. */
function ChoiceGroup({ q, error, children }: { q: AnswerableQuestion; error?: string; children: ReactNode }) {
  const errorId = `${q.id}-error`;
  const hintId = `${q.id}-hint`;
  return (
    <fieldset className="space-y-2" aria-describedby={[q.help ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined}>
      <legend className="text-sm font-medium text-ink">
        {q.label}
        {q.required ? <span aria-hidden="true" className="font-normal text-muted"> (required)</span> : null}
      </legend>
      {q.help ? (
        <p id={hintId} className="text-sm text-muted">
          {q.help}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={errorId} role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function NoticeBlock({ q }: { q: Extract<Question, { kind: "notice" }> }) {
  return (
    <div
      aria-live="polite"
      className={cn("rounded-md border px-4 py-3 text-sm", q.tone === "alert" ? "border-warn/40 bg-warn-soft text-ink" : "border-line bg-canvas text-ink")}
      data-testid={`notice-${q.id}`}
    >
      {q.label}
    </div>
  );
}

/** One question's control, wired to react-hook-form by its question id. */
export function QuestionInput({
  q,
  control,
  register,
  error,
  today,
}: {
  q: AnswerableQuestion;
  control: Control<AnswerForm>;
  register: UseFormRegister<AnswerForm>;
  error?: string;
  today: string;
}) {
  switch (q.kind) {
    case "short_text":
      return (
        <Field label={q.label} hint={q.help} error={error} required={q.required}>
          {(ids) => <Input {...ids} maxLength={TEXT_LIMITS.short_text} {...register(q.id)} />}
        </Field>
      );
    case "long_text":
      return (
        <Field label={q.label} hint={q.help} error={error} required={q.required}>
          {(ids) => <Textarea {...ids} rows={4} maxLength={TEXT_LIMITS.long_text} {...register(q.id)} />}
        </Field>
      );
    case "number":
      return (
        <Field label={q.unit ? `${q.label} (${q.unit})` : q.label} hint={q.help} error={error} required={q.required}>
          {(ids) => <Input {...ids} inputMode={q.integer ? "numeric" : "decimal"} className="max-w-40" {...register(q.id)} />}
        </Field>
      );
    case "date":
      return (
        <Field label={q.label} hint={q.help} error={error} required={q.required}>
          {(ids) => <Input {...ids} type="date" className="max-w-56" {...register(q.id)} />}
        </Field>
      );
    case "single_choice":
    case "likert":
      return (
        <ChoiceGroup q={q} error={error}>
          <div className="space-y-2">
            {q.options.map((o) => (
              <label key={o.value} className={choiceRow}>
                <input type="radio" value={o.value} className="size-5 accent-brand" {...register(q.id)} />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
        </ChoiceGroup>
      );
    case "multiple_choice":
      return (
        <ChoiceGroup q={q} error={error}>
          <Controller
            control={control}
            name={q.id}
            render={({ field }) => {
              const value: string[] = Array.isArray(field.value) ? field.value : [];
              return (
                <div className="space-y-2">
                  {q.options.map((o) => (
                    <label key={o.value} className={choiceRow}>
                      <input
                        type="checkbox"
                        className="size-5 accent-brand"
                        checked={value.includes(o.value)}
                        onChange={(e) => field.onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
                      />
                      <span>{o.label}</span>
                    </label>
                  ))}
                </div>
              );
            }}
          />
        </ChoiceGroup>
      );
    case "yes_no":
      return (
        <ChoiceGroup q={q} error={error}>
          <Controller
            control={control}
            name={q.id}
            render={({ field }) => (
              <div className="flex gap-2">
                {[
                  [true, "Yes"],
                  [false, "No"],
                ].map(([v, label]) => (
                  <label key={String(v)} className={cn(choiceRow, "flex-1")}>
                    <input type="radio" name={q.id} className="size-5 accent-brand" checked={field.value === v} onChange={() => field.onChange(v)} />
                    <span>{label as string}</span>
                  </label>
                ))}
              </div>
            )}
          />
        </ChoiceGroup>
      );
    case "scale":
      return (
        <ChoiceGroup q={q} error={error}>
          <Controller
            control={control}
            name={q.id}
            render={({ field }) => (
              <div>
                <div className="grid grid-cols-6 gap-1 sm:grid-cols-11">
                  {Array.from({ length: 11 }, (_, n) => (
                    <label
                      key={n}
                      className="flex min-h-11 cursor-pointer items-center justify-center rounded-md border border-line bg-surface text-base has-[:checked]:border-brand has-[:checked]:bg-brand has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-[#2f6fb0]"
                    >
                      <input type="radio" name={q.id} className="sr-only" checked={field.value === n} onChange={() => field.onChange(n)} />
                      <span>{n}</span>
                    </label>
                  ))}
                </div>
                {q.minLabel || q.maxLabel ? (
                  <div className="mt-1 flex justify-between text-sm text-muted">
                    <span>{q.minLabel}</span>
                    <span>{q.maxLabel}</span>
                  </div>
                ) : null}
              </div>
            )}
          />
        </ChoiceGroup>
      );
    case "signature":
      return (
        <ChoiceGroup q={q} error={error}>
          <Controller
            control={control}
            name={q.id}
            render={({ field }) => {
              const value = (field.value as { name?: string; agreed?: boolean } | undefined) ?? {};
              return (
                <div className="space-y-3">
                  <p className="rounded-md border border-line bg-canvas px-3 py-2 text-sm">{q.agreement}</p>
                  <label className="flex min-h-11 items-center gap-3">
                    <input
                      type="checkbox"
                      className="size-5 accent-brand"
                      checked={Boolean(value.agreed)}
                      onChange={(e) => field.onChange({ name: value.name ?? "", agreed: e.target.checked })}
                    />
                    <span>I agree</span>
                  </label>
                  <div className="space-y-1">
                    <label htmlFor={`${q.id}-name`} className="text-sm font-medium">
                      Type your full name to sign
                    </label>
                    <Input
                      id={`${q.id}-name`}
                      autoComplete="name"
                      maxLength={TEXT_LIMITS.signature}
                      value={value.name ?? ""}
                      aria-invalid={error ? true : undefined}
                      onChange={(e) => field.onChange({ name: e.target.value, agreed: Boolean(value.agreed) })}
                    />
                  </div>
                  <p className="text-sm text-muted">Date: {today}. The time and your connection&apos;s IP address are recorded when you submit.</p>
                </div>
              );
            }}
          />
        </ChoiceGroup>
      );
  }
}
