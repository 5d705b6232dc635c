import type { Metadata } from "next";
import Link from "next/link";
import { SuperbillForm } from "@/components/billing/superbill-form";
import { buttonClass } from "@/components/ui/button";
import { superbillDefaults } from "@/lib/billing/superbill-defaults";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { FEE_LABELS } from "@/lib/billing/fees";
import { clientBilling } from "@/lib/billing/portal-billing";
import { cardConsentText } from "@/lib/billing/open-checkout";
import { paymentLabels } from "@/lib/billing/payment-label";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "@/lib/dates";
import { buyPackageAction, payBalanceAction } from "./actions";

export const metadata: Metadata = { title: "Payments" };
export const dynamic = "force-dynamic";

export default async function PortalBillingPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<{ error?: string }> }) {
  const { clientId } = await params;
  const { client, practice, practiceDisplayName } = await requireClient(clientId);
  const error = (await searchParams).error;
  const b = await clientBilling(client, new Date());
  const zone = practice.timeZone;
  const paid = b.payments.filter((p) => p.status === "succeeded");
  // Named from each appointment as it is now: a moved session shows its new date (issue 11, problem 7).
  const labels = await paymentLabels(practice.id, { zone, locale: practice.locale }, paid, { forPayer: true });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/portal/${clientId}`} className="text-brand underline underline-offset-2">
          Back to your portal
        </Link>
      </p>
      <PageHeader title="Payments" description={practiceDisplayName} />
      {error ? (
        <p role="alert" className="mb-4 rounded-md border border-danger/40 bg-danger-soft p-3 text-danger">
          {error.slice(0, 200)}
        </p>
      ) : null}
      <div className="space-y-4">
        <Card>
          <h2 className="text-lg font-semibold">Balance due</h2>
          {b.balances.length === 0 ? (
            <p className="mt-1 text-muted">You owe nothing.</p>
          ) : (
            <ul className="mt-2 space-y-3" aria-label="Balance due">
              {b.balances.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>
                    {FEE_LABELS[f.kind]}: <strong>{formatMoney(f.amountCents, f.currency)}</strong>
                  </span>
                  <form action={payBalanceAction.bind(null, clientId)}>
                    <input type="hidden" name="feeId" value={f.id} />
                    <button type="submit" className={buttonClass("primary", "sm")}>
                      Pay {formatMoney(f.amountCents, f.currency)}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm text-muted">{b.card ? `Card on file: ${b.card.brand ?? "card"} ending ${b.card.last4}.` : "No card on file."}</p>
        </Card>

        <Card>
          <h2 className="text-lg font-semibold">Session credits</h2>
          {b.purchases.length === 0 ? (
            <p className="mt-1 text-muted">No package credits.</p>
          ) : (
            <ul className="mt-2 space-y-1" aria-label="Session credits">
              {b.purchases.map((p) => (
                <li key={p.id}>
                  {p.name}: <strong>{p.credits - p.used} of {p.credits} left</strong>
                  {p.shared ? " (shared with your partner)" : ""}, until {formatDateTime(p.expiresAt!.toISOString(), { zone, locale: practice.locale })}
                </li>
              ))}
            </ul>
          )}
          {b.offered.length > 0 ? (
            <ul className="mt-4 space-y-3" aria-label="Packages you can buy">
              {b.offered.map((pkg) => (
                <li key={pkg.id} className="rounded-lg border border-line p-3">
                  <p className="font-medium">
                    {pkg.name}: {formatMoney(pkg.priceCents, pkg.currency)}
                  </p>
                  <p className="text-sm text-muted">
                    {pkg.sessionCount} sessions, valid {pkg.validMonths} months. Booking an eligible session uses a credit; cancelling in time returns it.
                  </p>
                  <form action={buyPackageAction.bind(null, clientId)} className="mt-2 flex flex-wrap items-center gap-3">
                    <input type="hidden" name="packageId" value={pkg.id} />
                    {b.inCouple ? (
                      <label className="flex min-h-11 items-center gap-2 text-sm">
                        <input type="checkbox" name="forCouple" defaultChecked className="h-5 w-5 accent-brand" />
                        Share the credits with my partner
                      </label>
                    ) : null}
                    {/* Unticked by default: keeping the card is the client's choice (decision 0038). */}
                    <label className="flex min-h-11 items-start gap-2 text-sm">
                      <input type="checkbox" name="keepCard" className="mt-0.5 h-5 w-5 shrink-0 accent-brand" />
                      <span>Keep this card on file. {cardConsentText(practice.name)}</span>
                    </label>
                    <button type="submit" className={buttonClass("secondary", "sm")}>
                      Buy {pkg.name}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          ) : null}
        </Card>

        <Card>
          <h2 className="text-lg font-semibold">Payments and receipts</h2>
          {paid.length === 0 ? (
            <p className="mt-1 text-muted">No payments yet.</p>
          ) : (
            <ul className="mt-2 divide-y divide-line" aria-label="Your payments">
              {paid.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    {formatMoney(p.amountCents, p.currency)} · {labels.get(p.id) ?? p.description}
                    <span className="block text-sm text-muted">{formatDateTime(p.paidAt!.toISOString(), { zone, locale: practice.locale })}</span>
                  </span>
                  <span className="flex items-center gap-2">
                    {p.refundedCents > 0 ? <Badge tone="warn">Refunded {formatMoney(p.refundedCents, p.currency)}</Badge> : null}
                    <Link href={`/portal/${clientId}/billing/receipts/${p.id}`} className="text-brand underline underline-offset-2">
                      Receipt
                    </Link>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card>
          <h2 className="text-lg font-semibold">Superbill</h2>
          <p className="text-sm text-muted">A statement of your sessions with their codes, for an out-of-network insurance claim.</p>
          <SuperbillForm action={`/portal/${clientId}/billing/superbill`} {...superbillDefaults(zone, new Date())} />
        </Card>

        <Card>
          <h2 className="text-lg font-semibold">Refunds</h2>
          {b.refunds.length === 0 ? (
            <p className="mt-1 text-muted">No refunds.</p>
          ) : (
            <ul className="mt-2 space-y-1" aria-label="Your refunds">
              {b.refunds.map((r) => (
                <li key={r.id}>
                  {formatMoney(r.amountCents, r.currency)} · {r.status === "succeeded" ? "refunded" : r.status} · {r.reason}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
