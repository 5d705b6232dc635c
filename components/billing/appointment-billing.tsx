import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { appointmentBilling, cardOnFile } from "@/lib/billing/billing-queries";
import { FEE_LABELS } from "@/lib/billing/fees";
import { feeChargePreview, feeStillDue } from "@/lib/billing/fee-due";
import { formatMoney } from "@/lib/money";
import type { AppointmentStatus } from "@/db/schema";
import { ChargeFeeButton, ConfirmUnpaidButton } from "./charge-fee-button";

/** Payments, fees and the card on file for one appointment (billing roles only). */
export async function AppointmentBilling({
  practiceSlug,
  practiceId,
  appointmentId,
  status,
  attendeeIds,
  fees: policy,
  when,
}: {
  practiceSlug: string;
  practiceId: string;
  appointmentId: string;
  status: AppointmentStatus;
  attendeeIds: string[];
  fees: { lateCancelFeeCents: number; noShowFeeCents: number; currency: string };
  /** The session's current time, as the page shows it. */
  when: string;
}) {
  const [{ payments, fees }, cards] = await Promise.all([appointmentBilling(practiceId, appointmentId), cardOnFile(attendeeIds)]);
  const kind = status === "no_show" ? "no_show" : status === "late_cancelled" ? "late_cancel" : null;
  const due = feeStillDue({ status, payments, fees, policy });
  const paidFee = kind ? fees.find((f) => f.kind === kind && f.status === "paid") : undefined;
  const amount = due?.amountCents ?? paidFee?.amountCents ?? 0;
  const chargeable = due !== null || paidFee !== undefined;
  const preview = due ? await feeChargePreview(practiceId, appointmentId, due) : null;
  const card = cards[0];
  return (
    <Card>
      <h2 className="text-lg font-semibold">Payments</h2>
      {payments.length === 0 ? (
        <p className="mt-1 text-muted">No payments for this session.</p>
      ) : (
        <ul className="mt-2 space-y-1" aria-label="Payments for this session">
          {payments.map((p) => (
            <li key={p.id}>
              <Link href={`/clinic/${practiceSlug}/billing/payments/${p.id}`} className="text-brand underline underline-offset-2">
                {formatMoney(p.amountCents, p.currency)} {p.description}
              </Link>{" "}
              <Badge tone={p.status === "succeeded" ? "ok" : "warn"}>{p.status === "succeeded" ? "Paid" : p.status}</Badge>
              {p.refundedCents > 0 ? <span className="text-sm text-muted"> · refunded {formatMoney(p.refundedCents, p.currency)}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {fees.map((f) => (
        <p key={f.id} className="mt-2">
          {FEE_LABELS[f.kind]}: {formatMoney(f.amountCents, f.currency)} <Badge tone={f.status === "paid" ? "ok" : "warn"}>{f.status === "open" ? "Outstanding" : f.status === "paid" ? "Paid" : "Waived"}</Badge>
        </p>
      ))}
      <p className="mt-2 text-sm text-muted">{card ? `Card on file: ${card.brand ?? "card"} ending ${card.last4}` : "No card on file."}</p>
      {status === "pending_payment" ? (
        <div className="mt-3">
          <ConfirmUnpaidButton practiceSlug={practiceSlug} appointmentId={appointmentId} />
        </div>
      ) : null}
      {chargeable && kind ? (
        <div className="mt-3">
          {/* Stays mounted once paid so its message survives the refresh; the button goes. */}
          <ChargeFeeButton
            practiceSlug={practiceSlug}
            appointmentId={appointmentId}
            kind={kind}
            paid={due === null}
            label={`Charge ${FEE_LABELS[kind].toLowerCase()} (${formatMoney(amount, policy.currency)})`}
            amount={formatMoney(amount, policy.currency)}
            when={when}
            preview={preview}
          />
        </div>
      ) : null}
    </Card>
  );
}
