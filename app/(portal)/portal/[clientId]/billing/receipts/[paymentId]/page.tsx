import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { isUuid } from "@/lib/ids";
import { loadReceipt } from "@/lib/billing/receipts";
import { paymentLabels } from "@/lib/billing/payment-label";
import { formatMoney } from "@/lib/money";
import { formatDateTime, practiceReader } from "@/lib/dates";

export const metadata: Metadata = { title: "Receipt" };
export const dynamic = "force-dynamic";

/** A receipt for one of the client's own payments (print it from the browser). */
export default async function ReceiptPage({ params }: { params: Promise<{ clientId: string; paymentId: string }> }) {
  const { clientId, paymentId } = await params;
  const { client, practice } = await requireClient(clientId);
  if (!isUuid(paymentId)) notFound();
  const receipt = await loadReceipt(client.id, paymentId);
  if (!receipt) notFound();
  const { payment: p, refunds: back } = receipt;
  const address = [practice.addressLine1, practice.addressLine2, practice.city, practice.region, practice.postalCode].filter(Boolean).join(", ");
  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold">Receipt</h1>
      <p className="mt-1">{practice.name}</p>
      {address ? <p className="text-sm text-muted">{address}</p> : null}
      <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-y-1">
        <dt className="text-sm text-muted">Receipt no.</dt>
        <dd className="break-all">{p.id.slice(0, 8).toUpperCase()}</dd>
        <dt className="text-sm text-muted">Paid by</dt>
        <dd>
          {client.firstName} {client.lastName}
        </dd>
        <dt className="text-sm text-muted">Date</dt>
        <dd>{formatDateTime(p.paidAt!.toISOString(), practiceReader(practice))}</dd>
        <dt className="text-sm text-muted">For</dt>
        <dd>{(await paymentLabels(practice.id, practiceReader(practice), [p], { forPayer: true })).get(p.id) ?? p.description}</dd>
        <dt className="text-sm text-muted">Amount</dt>
        <dd className="font-semibold">{formatMoney(p.amountCents, p.currency)}</dd>
        {back.map((r) => (
          <div key={r.id} className="contents">
            <dt className="text-sm text-muted">Refunded</dt>
            <dd>
              {formatMoney(r.amountCents, r.currency)} on {formatDateTime(r.createdAt.toISOString(), practiceReader(practice))}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-sm">
        <Link href={`/portal/${clientId}/billing`} className="text-brand underline underline-offset-2">
          Back to payments
        </Link>
      </p>
    </Card>
  );
}
