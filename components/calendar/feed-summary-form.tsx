"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveFeedSummaryAction } from "@/app/(clinic)/clinic/[practice]/settings/calendar/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { FormError, SavedStatus } from "@/components/ui/field";
import { feedSummarySchema, type FeedSummaryValues } from "@/lib/calendar/feed-settings-schema";

const CHOICES = [
  { value: "session", label: "“Session”", hint: "Nothing about who it is with." },
  { value: "initials", label: "“Session · P.O. & D.O.”", hint: "The clients' initials, never a name." },
] as const;

export function FeedSummaryForm({ slug, defaults }: { slug: string; defaults: FeedSummaryValues }) {
  const [saved, setSaved] = useState(false);
  const form = useForm<FeedSummaryValues>({ resolver: zodResolver(feedSummarySchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const r = await saveFeedSummaryAction(slug, values);
    if (!r.ok) return applyServerErrors(form, r.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="What calendars show">
      <fieldset aria-describedby={errors.feedSummary ? "feed-summary-error" : undefined}>
        <legend className="mb-2 text-sm font-medium">Each session in a clinician&apos;s calendar reads</legend>
        <div className="space-y-2">
          {CHOICES.map((c) => (
            <label key={c.value} className="flex items-start gap-2">
              <input type="radio" value={c.value} className="mt-1 size-4" {...form.register("feedSummary")} />
              <span>
                <span className="font-medium">{c.label}</span>
                <span className="block text-sm text-muted">{c.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.feedSummary ? (
          <p id="feed-summary-error" role="alert" className="mt-1 text-sm font-medium text-danger">
            {errors.feedSummary.message}
          </p>
        ) : null}
      </fieldset>
      <FormError message={errors.root?.message} />
      <Button type="submit" size="sm" disabled={isSubmitting}>
        Save
      </Button>
      <SavedStatus show={saved} />
    </form>
  );
}
