"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, LabelOptions, Select } from "@/components/ui/field";
import { CURRENCY_LABELS } from "@/lib/money/currencies";
import { COUNTRIES, countryCurrency } from "@/lib/practices/countries";
import { PRACTICE_KIND_LABELS } from "@/lib/practices/practice-kinds";
import { newPracticeSchema, type NewPractice, type NewPracticeInput } from "@/lib/practices/sign-up-schema";
import { slugify } from "@/lib/practices/slug";
import { startPracticeAction } from "./actions";

const EMPTY: NewPracticeInput = {
  name: "",
  slug: "",
  kind: "" as NewPracticeInput["kind"],
  country: "US",
  timeZone: "",
  currency: "USD",
  ownerName: "",
  ownerEmail: "",
};

export function StartPracticeForm({ timeZones, origin, linkMinutes }: { timeZones: string[]; origin: string; linkMinutes: number }) {
  const form = useForm<NewPracticeInput, unknown, NewPractice>({ resolver: zodResolver(newPracticeSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [suggestion, setSuggestion] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The browser's own zone is the likeliest answer; the person can change it.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!form.getValues("timeZone") && timeZones.includes(zone)) form.setValue("timeZone", zone);
  }, [form, timeZones]);
  useEffect(() => {
    if (sentTo) heading.current?.focus();
  }, [sentTo]);

  const name = useWatch({ control: form.control, name: "name" });
  const slug = useWatch({ control: form.control, name: "slug" });
  const address = slug?.trim() || slugify(name ?? "") || "your-practice";
  const country = form.register("country");

  const onSubmit = form.handleSubmit(async () => {
    setSuggestion(null);
    let result: Awaited<ReturnType<typeof startPracticeAction>>;
    try {
      result = await startPracticeAction(form.getValues());
    } catch {
      // The request or its answer was lost: say so (not a silent stop). Trying again is safe: an
      // address that already owns a practice is sent a sign-in link, not given a second one.
      return form.setError("root", { message: "No answer came back from the server. Check your connection and try again; if your practice was started, trying again emails you a sign-in link." });
    }
    if (result.ok) return setSentTo(result.email);
    applyServerErrors(form, result.errors);
    if (result.suggestion) setSuggestion(result.suggestion);
  });

  if (sentTo) {
    return (
      <div aria-live="polite">
        <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold">
          Check your email
        </h2>
        <p className="mt-2">
          We sent a sign-in link to <strong>{sentTo}</strong>. Open it to prove the address and go to your practice. The link
          works once, for {linkMinutes} minutes.
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Start your practice">
      <FormError message={errors.root?.message} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Your practice</legend>
        <Field label="Practice name" error={errors.name?.message} required>
          {(ids) => <Input {...ids} autoComplete="organization" {...form.register("name")} />}
        </Field>
        <Field
          label="Web address"
          hint={
            <>
              Your booking page will be <span className="break-all font-medium text-ink">{origin}/book/{address}</span>. Leave it empty to use
              the name.
            </>
          }
          error={errors.slug?.message}
        >
          {(ids) => <Input {...ids} autoCapitalize="none" autoCorrect="off" spellCheck={false} placeholder={slugify(name ?? "") || undefined} {...form.register("slug")} />}
        </Field>
        {suggestion ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              form.setValue("slug", suggestion);
              form.clearErrors("slug");
              setSuggestion(null);
            }}
          >
            Use {suggestion}
          </Button>
        ) : null}
        <Field label="Kind of practice" error={errors.kind?.message} required>
          {(ids) => (
            <Select {...ids} {...form.register("kind")}>
              <option value="">Choose…</option>
              <LabelOptions labels={PRACTICE_KIND_LABELS} />
            </Select>
          )}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Country" error={errors.country?.message} required>
            {(ids) => (
              <Select
                {...ids}
                {...country}
                onChange={(event) => {
                  void country.onChange(event);
                  const currency = countryCurrency(event.target.value);
                  if (currency) form.setValue("currency", currency);
                }}
              >
                {COUNTRIES.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Currency" error={errors.currency?.message} required>
            {(ids) => (
              <Select {...ids} {...form.register("currency")}>
                <LabelOptions labels={CURRENCY_LABELS} />
              </Select>
            )}
          </Field>
        </div>
        <Field label="Time zone" hint="Where your sessions' times are kept." error={errors.timeZone?.message} required>
          {(ids) => (
            <Select {...ids} {...form.register("timeZone")}>
              <option value="">Choose…</option>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, " ")}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">You, the owner</legend>
        <Field label="Your name" error={errors.ownerName?.message} required>
          {(ids) => <Input {...ids} autoComplete="name" {...form.register("ownerName")} />}
        </Field>
        <Field label="Your email address" hint="We'll send a sign-in link here." error={errors.ownerEmail?.message} required>
          {(ids) => <Input {...ids} type="email" autoComplete="email" inputMode="email" {...form.register("ownerEmail")} />}
        </Field>
      </fieldset>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Starting…" : "Start my practice"}
      </Button>
    </form>
  );
}
