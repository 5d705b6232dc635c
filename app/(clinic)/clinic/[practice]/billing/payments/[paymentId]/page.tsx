import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RefundForm } from "@/components/billing/refund-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import { requireMember } from "@/lib/auth/guards";
import { loadPayment } from "@/lib/billing/billing-queries";
import { paymentLabels } from "@/lib/billing/payment-label";
import { paymentMethodLabel } from "@/lib/billing/desk-schema";
import { centsToAmountInput, currencySymbol, formatMoney } from "@/lib/money";
import { formatDateTime, practiceReader } from "@/lib/dates";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Payment" };

export default async function PaymentPage({ params }: { params: Promise<{ practice: string; paymentId: string }> }) {
  const { practice: slug, paymentId } = await params;
  const scope = await requireMember(slug, "billing.read");
  if (!isUuid(paymentId)) notFound();
  const row = await loadPayment(scope.practice.id, paymentId);
  if (!row) notFound();
  await recordAudit(byMember(scope, "payment.read", { type: "payment", id: paymentId }));
  const p = row.p;
  const reader = practiceReader(scope.practice);
  const remaining = p.amountCents - p.refundedCents;
  const symbol = currencySymbol(p.currency);
  const label = (await paymentLabels(scope.practice.id, reader, [p])).get(p.id) ?? p.description;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/clinic/${slug}/billing`} className="text-brand underline underline-offset-2">
          Back to billing
        </Link>
      </p>
      <PageHeader title={`${formatMoney(p.amountCents, p.currency)} from ${row.firstName} ${row.lastName}`} description={label} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[8rem_1fr]">
            <dt className="text-sm text-muted">Status</dt>
            <dd>
              <Badge tone={p.status === "succeeded" ? "ok" : "warn"}>{p.status === "succeeded" ? "Paid" : p.status}</Badge>
            </dd>
            <dt className="text-sm text-muted">Created</dt>
            <dd>{formatDateTime(p.createdAt.toISOString(), reader)}</dd>
            {p.paidAt ? (
              <>
                <dt className="text-sm text-muted">Paid</dt>
                <dd>{formatDateTime(p.paidAt.toISOString(), reader)}</dd>
              </>
            ) : null}
            <dt className="text-sm text-muted">Paid by</dt>
            <dd>{paymentMethodLabel(p)}</dd>
            <dt className="text-sm text-muted">Refunded</dt>
            <dd data-testid="refunded">{formatMoney(p.refundedCents, p.currency)}</dd>
            {p.failureMessage ? (
              <>
                <dt className="text-sm text-muted">Note</dt>
                <dd>{p.failureMessage}</dd>
              </>
            ) : null}
            {p.stripePaymentIntentId ? (
              <>
                <dt className="text-sm text-muted">Stripe</dt>
                <dd className="break-all text-sm">{p.stripePaymentIntentId}</dd>
              </>
            ) : null}
          </dl>
          <h2 className="mt-4 font-semibold">Refunds</h2>
          {row.refunds.length === 0 ? (
            <p className="text-muted">None.</p>
          ) : (
            <ul className="mt-1 space-y-1" aria-label="Refunds of this payment">
              {row.refunds.map((r) => (
                <li key={r.id}>
                  {formatMoney(r.amountCents, r.currency)} · {r.status} · {r.reason} <span className="text-sm text-muted">({formatDateTime(r.createdAt.toISOString(), reader)})</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Refund</h2>
          {p.status === "succeeded" && remaining > 0 ? (
            <RefundForm
              practiceSlug={slug}
              paymentId={p.id}
              remaining={centsToAmountInput(remaining)}
              currencySymbol={symbol}
              remainingCents={remaining}
              currency={p.currency}
              clientName={`${row.firstName} ${row.lastName}`}
              clientHasEmail={Boolean(row.email)}
              paidFor={label}
              offlineMethod={p.method === "stripe" ? undefined : paymentMethodLabel(p)}
            />
          ) : (
            <p className="text-muted">{p.status !== "succeeded" ? "Only a payment that went through can be refunded." : "This payment is fully refunded."}</p>
          )}
        </Card>
      </div>
    </>
  );
}
