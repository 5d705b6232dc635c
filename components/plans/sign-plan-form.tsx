"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { signPlanAction } from "@/app/(portal)/portal/[clientId]/plan/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input } from "@/components/ui/field";
import { signPlanSchema } from "@/lib/plans/schema";

type Values = z.input<typeof signPlanSchema>;

/** Review and sign: the agreement and the typed name; time, IP and browser are recorded by the server. */
export function SignPlanForm({ clientId, versionId }: { clientId: string; versionId: string }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof signPlanSchema>>({
    resolver: zodResolver(signPlanSchema),
    defaultValues: { name: "", agreed: false as unknown as true },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await signPlanAction(clientId, versionId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Sign your treatment plan">
      <FormError message={errors.root?.message} />
      <div className="space-y-1">
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="checkbox"
            className="mt-0.5 size-5 shrink-0 accent-brand"
            aria-invalid={errors.agreed ? true : undefined}
            aria-describedby={errors.agreed ? "plan-agreed-error" : undefined}
            {...form.register("agreed")}
          />
          <span>I have reviewed this treatment plan with my clinician and I agree to it. The name I type below is my signature.</span>
        </label>
        {errors.agreed ? (
          <p id="plan-agreed-error" role="alert" className="text-sm font-medium text-danger">
            {errors.agreed.message}
          </p>
        ) : null}
      </div>
      <Field label="Type your full name to sign" required error={errors.name?.message}>
        {(ids) => <Input {...ids} autoComplete="name" maxLength={200} {...form.register("name")} />}
      </Field>
      <p className="text-sm text-muted">The time, your connection&apos;s IP address and your browser are recorded when you sign.</p>
      <Button type="submit" disabled={isSubmitting}>
        Sign the plan
      </Button>
    </form>
  );
}
