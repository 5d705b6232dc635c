"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { inviteMemberAction } from "@/app/(clinic)/clinic/[practice]/settings/team/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { inviteSchema, type InviteInput } from "@/lib/team/team-schema";

export function InviteForm({ practiceSlug, canInviteOwner }: { practiceSlug: string; canInviteOwner: boolean }) {
  const router = useRouter();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<InviteInput, unknown, z.output<typeof inviteSchema>>({
    resolver: zodResolver(inviteSchema),
    defaultValues: { email: "", displayName: "", role: "clinician", credentials: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async () => {
    const values = form.getValues();
    const result = await inviteMemberAction(practiceSlug, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    setSentTo(values.email);
    form.reset();
    router.refresh();
  });
  const roles = Object.entries(ROLE_LABELS).filter(([r]) => canInviteOwner || r !== "owner");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError message={errors.root?.message} />
      {sentTo ? (
        <p role="status" className="rounded-md bg-ok-soft px-3 py-2 text-sm text-ok">
          Invitation sent to {sentTo}.
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" required error={errors.displayName?.message}>
          {(ids) => <Input {...ids} autoComplete="off" {...form.register("displayName")} />}
        </Field>
        <Field label="Email" required error={errors.email?.message}>
          {(ids) => <Input {...ids} type="email" inputMode="email" autoComplete="off" {...form.register("email")} />}
        </Field>
        <Field label="Role" required error={errors.role?.message}>
          {(ids) => (
            <Select {...ids} {...form.register("role")}>
              {roles.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Credentials" hint="For example LMFT or PT, DPT." error={errors.credentials?.message}>
          {(ids) => <Input {...ids} autoComplete="off" {...form.register("credentials")} />}
        </Field>
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Sending…" : "Send invitation"}
      </Button>
    </form>
  );
}
