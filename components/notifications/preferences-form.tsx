"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { savePreferencesAction } from "@/app/(clinic)/clinic/[practice]/notifications/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { FormError, SavedStatus } from "@/components/ui/field";
import { ALWAYS_IN_APP, KIND_LABELS, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { preferencesSchema, type PreferencesInput } from "@/lib/notifications/preferences-schema";

/** Kinds × channels, one checkbox each; the same schema as the server's. */
export function NotificationPreferencesForm({ slug, defaults }: { slug: string; defaults: PreferencesInput }) {
  const [saved, setSaved] = useState(false);
  const form = useForm<PreferencesInput>({ resolver: zodResolver(preferencesSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(false);
    const r = await savePreferencesAction(slug, values);
    if (!r.ok) return applyServerErrors(form, r.errors);
    setSaved(true);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Notification settings">
      <table className="w-full text-left">
        <caption className="sr-only">What you are told of, and how</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-2">
              Event
            </th>
            <th scope="col" className="px-2 py-2 text-center">
              Email
            </th>
            <th scope="col" className="px-2 py-2 text-center">
              In the app
            </th>
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_KINDS.map((kind) => {
            const locked = ALWAYS_IN_APP.includes(kind);
            return (
              <tr key={kind} className="border-b border-line last:border-0">
                <th scope="row" className="py-2 pr-2 font-normal">
                  {KIND_LABELS[kind]}
                </th>
                <td className="px-2 py-2 text-center">
                  <input type="checkbox" className="h-6 w-6" aria-label={`${KIND_LABELS[kind]} by email`} {...form.register(`${kind}.email`)} />
                </td>
                <td className="px-2 py-2 text-center">
                  <input
                    type="checkbox"
                    className="h-6 w-6"
                    aria-label={`${KIND_LABELS[kind]} in the app${locked ? " (always on)" : ""}`}
                    {...(locked ? { checked: true, disabled: true, readOnly: true } : form.register(`${kind}.inApp`))}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <FormError message={errors.safety_flag?.inApp?.message ?? errors.root?.message} />
      <Button type="submit" size="sm" disabled={isSubmitting}>
        Save notification settings
      </Button>
      <SavedStatus show={saved} />
    </form>
  );
}
