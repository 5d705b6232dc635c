"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { refundPaymentAction } from "@/app/(clinic)/clinic/[practice]/billing/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError, Input, Textarea } from "@/components/ui/field";
import { refundFormSchema, type RefundFormInput } from "@/lib/billing/refund-schema";
import { formatMoney, parseMoney } from "@/lib/money";

/**
 * Full or partial refund with a reason. Once the form is valid, the confirm
 * dialog names the amount, whose card and who is emailed before anything
 * is sent to Stripe (decision 0034); the server checks the role and the
 * amount again.
 */
export function RefundForm({
  practiceSlug,
  paymentId,
  remaining,
  currencySymbol,
  remainingCents,
  currency,
  clientName,
  clientHasEmail,
  paidFor,
  offlineMethod,
}: {
  practiceSlug: string;
  paymentId: string;
  remaining: string;
  currencySymbol: string;
  remainingCents: number;
  currency: string;
  clientName: string;
  clientHasEmail: boolean;
  /** What the payment was for, from the current appointment (lib/billing/payment-label). */
  paidFor: string;
  /** Taken at the desk ("cash", "a cheque"): the refund is handed back there and only recorded here. */
  offlineMethod?: string;
}) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<RefundFormInput | null>(null);
  const form = useForm<RefundFormInput>({ resolver: zodResolver(refundFormSchema), defaultValues: { amount: remaining, reason: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    setDone(null);
    const parsed = parseMoney(values.amount);
    // The server says the same; asking to confirm a refund it would refuse helps no one.
    if (parsed.ok && parsed.cents > remainingCents) return form.setError("amount", { message: `At most ${formatMoney(remainingCents, currency)} can still be refunded` });
    setAsking(values);
  });
  async function refund(values: RefundFormInput) {
    const result = await refundPaymentAction(practiceSlug, paymentId, values);
    if (!result.ok) return applyServerErrors(form, result.errors);
    setDone(result.status === "succeeded" ? "Refunded. The client gets an email." : "Refund requested; Stripe is processing it.");
    form.reset({ amount: "", reason: "" });
    router.refresh();
  }
  const askingAmount = asking ? parseMoney(asking.amount) : null;
  const amountText = askingAmount?.ok ? formatMoney(askingAmount.cents, currency) : "";
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
      <ConfirmDialog
        open={asking !== null}
        onOpenChange={(open) => (open ? null : setAsking(null))}
        title={`Refund ${amountText} to ${clientName}?`}
        description={
          <>
            <p>
              {offlineMethod ? (
                <>
                  Records that <strong>{amountText}</strong> of the payment for {paidFor}, taken at the desk by {offlineMethod}, was handed back. Nothing is sent to Stripe. This cannot be undone.
                </>
              ) : (
                <>
                  <strong>{amountText}</strong> of the payment for {paidFor} goes back to the card that paid; it reaches it in 5 to 10 business days. This cannot be undone.
                </>
              )}
            </p>
            <p>{clientHasEmail ? `${clientName} is emailed once the refund goes through, with the reason.` : `${clientName} has no email address: no one is emailed.`}</p>
          </>
        }
        confirmLabel={`Refund ${amountText}`}
        onConfirm={() => {
          const values = asking;
          setAsking(null);
          if (values) void form.handleSubmit(() => refund(values))();
        }}
      />
    </form>
  );
}
