"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { refundPaymentAction } from "@/app/(clinic)/clinic/[practice]/billing/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { Field, FormError, Input, Textarea } from "@/components/ui/field";
import { refundFormSchema, type RefundFormInput } from "@/lib/billing/refund-schema";

/** Full or partial refund with a reason; the server checks the role and the amount again. */
export function RefundForm({ practiceSlug, paymentId, remaining, currencySymbol }: { practiceSlug: string; paymentId: string; remaining: string; currencySymbol: string }) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const form = useForm<RefundFormInput>({ resolver: zodResolver(refundFormSchema), defaultValues: { amount: remaining, reason: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setDone(null);
    const result = await refundPaymentAction(practiceSlug, paymentId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    setDone(result.status === "succeeded" ? "Refunded. The client gets an email." : "Refund requested; Stripe is processing it.");
    form.reset({ amount: "", reason: "" });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <FormError message={errors.root?.message} />
      {done ? (
        <p role="status" className="rounded-md bg-brand-soft p-3 text-brand-strong">
          {done}
        </p>
      ) : null}
      <Field label={`Amount to refund (${currencySymbol})`} required hint={`Up to ${remaining}`} error={errors.amount?.message}>
        {(ids) => <Input {...ids} inputMode="decimal" {...form.register("amount")} />}
      </Field>
      <Field label="Reason" required error={errors.reason?.message}>
        {(ids) => <Textarea {...ids} rows={2} {...form.register("reason")} />}
      </Field>
      <Button type="submit" variant="danger" disabled={isSubmitting}>
        {isSubmitting ? "Refunding…" : "Refund"}
      </Button>
    </form>
  );
}
