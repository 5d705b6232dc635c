"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { takeDeskPaymentAction } from "@/app/(clinic)/clinic/[practice]/billing/actions";
import { applyServerErrors } from "@/components/forms/apply-server-errors";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { DESK_METHOD_LABELS, deskPaymentSchema, type DeskPaymentInput } from "@/lib/billing/desk-schema";
import { centsToAmountInput, currencySymbol, formatMoney, parseMoney } from "@/lib/money";

interface Option {
  value: string;
  label: string;
  dueCents: number;
  currency: string;
}

/**
 * The front desk takes a payment (decision 0038): for a session, an open
 * balance or a package, by cash, cheque, card terminal or the card on file.
 * Charging the card opens the confirm dialog first, naming the amount and
 * the card (decision 0034); money taken in the room is recorded at once.
 * The request key is made when the form opens and renewed after each
 * payment, so a double click or a retry never takes the money twice.
 */
export function DeskPaymentForm({
  practiceSlug,
  clientId,
  clientName,
  targets,
  packages,
  card,
  currency,
}: {
  practiceSlug: string;
  clientId: string;
  clientName: string;
  targets: Option[];
  packages: Option[];
  card: { brand: string | null; last4: string | null } | null;
  currency: string;
}) {
  const router = useRouter();
  const [done, setDone] = useState<string | null>(null);
  const [asking, setAsking] = useState<DeskPaymentInput | null>(null);
  const all = [...targets, ...packages];
  const first = all[0];
  const form = useForm<DeskPaymentInput>({
    resolver: zodResolver(deskPaymentSchema),
    defaultValues: { requestKey: newKey(), target: first?.value ?? "", method: "cash", amount: first ? centsToAmountInput(first.dueCents) : "", reference: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const cardName = card ? `${capitalise(card.brand ?? "card")} ending ${card.last4 ?? "????"}` : null;

  async function submit(values: DeskPaymentInput) {
    setDone(null);
    const result = await takeDeskPaymentAction(practiceSlug, clientId, values);
    if (!result.ok) {
      applyServerErrors(form, result.errors);
      return;
    }
    setDone(result.message);
    const next = all.find((o) => o.value === values.target) ?? first;
    form.reset({ requestKey: newKey(), target: values.target, method: values.method, amount: next ? centsToAmountInput(next.dueCents) : "", reference: "" });
    router.refresh();
  }

  const onSubmit = form.handleSubmit((values) => {
    if (values.method === "card_on_file") setAsking(values);
    else return submit(values);
  });
  const askingAmount = asking ? parseMoney(asking.amount) : null;
  const amountText = askingAmount?.ok ? formatMoney(askingAmount.cents, currency) : "";
  const askingFor = asking ? all.find((o) => o.value === asking.target)?.label : "";

  if (all.length === 0) return <p className="text-muted">Nothing is due, and no package is offered.</p>;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Take a payment">
      <FormError message={errors.root?.message ?? errors.requestKey?.message} />
      {done ? (
        <p role="status" className="rounded-md bg-brand-soft p-3 text-brand-strong">
          {done}
        </p>
      ) : null}
      <input type="hidden" {...form.register("requestKey")} />
      <Field label="For" required error={errors.target?.message}>
        {(ids) => (
          <Select
            {...ids}
            {...form.register("target", {
              onChange: (event: { target: { value: string } }) => {
                const picked = all.find((o) => o.value === event.target.value);
                if (picked) form.setValue("amount", centsToAmountInput(picked.dueCents));
              },
            })}
          >
            {targets.length ? (
              <optgroup label="Sessions and balances">
                {targets.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}: {formatMoney(t.dueCents, t.currency)} due
                  </option>
                ))}
              </optgroup>
            ) : null}
            {packages.length ? (
              <optgroup label="Sell a package">
                {packages.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}: {formatMoney(p.dueCents, p.currency)}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        )}
      </Field>
      <Field label="Paid by" required error={errors.method?.message}>
        {(ids) => (
          <Select {...ids} {...form.register("method")}>
            {card ? <option value="card_on_file">Card on file ({cardName})</option> : null}
            {(["cash", "cheque", "card_terminal", "other"] as const).map((m) => (
              <option key={m} value={m}>
                {DESK_METHOD_LABELS[m]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label={`Amount (${currencySymbol(currency)})`} required error={errors.amount?.message}>
        {(ids) => <Input {...ids} inputMode="decimal" {...form.register("amount")} />}
      </Field>
      <Field label="Reference" hint="Cheque number or terminal receipt number; optional for cash" error={errors.reference?.message}>
        {(ids) => <Input {...ids} {...form.register("reference")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Take payment"}
      </Button>
      <ConfirmDialog
        open={asking !== null}
        onOpenChange={(open) => (open ? null : setAsking(null))}
        title={`Charge ${amountText} to ${clientName}'s card?`}
        description={
          <p>
            <strong>{amountText}</strong> for {askingFor} is charged now to the {cardName} {clientName} agreed to keep on file. They are emailed a receipt.
          </p>
        }
        confirmLabel={`Charge ${amountText}`}
        confirmVariant="primary"
        onConfirm={() => {
          const values = asking;
          setAsking(null);
          if (values) void form.handleSubmit(() => submit(values))();
        }}
      />
    </form>
  );
}

function newKey(): string {
  return crypto.randomUUID();
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
