import type { Metadata } from "next";
import Link from "next/link";
import { RevenueChart } from "@/components/charts/revenue-chart";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { billingFilterOptions, gfeOverages } from "@/lib/billing/dashboard";
import { isUsPractice } from "@/lib/gfe/us";
import { listPayments, outstandingBalances, packageSales, paymentFiltersSchema, recentRefunds, revenueByMonth } from "@/lib/billing/billing-queries";
import { FEE_LABELS } from "@/lib/billing/fees";
import { formatMoney } from "@/lib/money";
import { formatDateTime, practiceReader } from "@/lib/dates";
import { Input, Select } from "@/components/ui/field";
import { WorkbookSalesCard } from "@/components/products/workbook-sales-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Billing" };

const STATUS_LABEL: Record<string, string> = { pending: "Pending", succeeded: "Paid", failed: "Failed", expired: "Expired", cancelled: "Cancelled" };
const KIND_LABEL: Record<string, string> = { session: "Session", deposit: "Deposit", fee: "Fee", package: "Package" };

export default async function BillingPage({ params, searchParams }: { params: Promise<{ practice: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const slug = (await params).practice;
  const scope = await requireMember(slug, "billing.read");
  const raw = await searchParams;
  const filters = paymentFiltersSchema.parse(raw);
  const [rows, revenue, balances, refundRows, sales, { clinicians: clinicianOptions, services: serviceOptions }] = await Promise.all([
    listPayments(scope, filters),
    revenueByMonth(scope),
    outstandingBalances(scope.practice.id),
    recentRefunds(scope.practice.id),
    packageSales(scope.practice.id),
    billingFilterOptions(scope.practice.id),
  ]);
  // Money only (names and totals): the estimates' content stays with clinical staff (decision 0053).
  const overages = isUsPractice(scope.practice) ? await gfeOverages(scope.practice.id) : [];
  const reader = practiceReader(scope.practice);
  const query = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const currencies = [...new Set(revenue.map((r) => r.currency))];
  const shown = rows.filter((r) => r.status === "succeeded");
  const totals = new Map<string, { paid: number; refunded: number }>();
  for (const r of shown) {
    const t = totals.get(r.currency) ?? { paid: 0, refunded: 0 };
    t.paid += r.amountCents;
    t.refunded += r.refundedCents;
    totals.set(r.currency, t);
  }
  const owed = balances.reduce((m, b) => m.set(b.currency, (m.get(b.currency) ?? 0) + b.amountCents), new Map<string, number>());

  return (
    <>
      <PageHeader title="Billing" description="Payments, refunds, balances and packages." />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card>
          <h2 className="text-sm text-muted">Paid (shown below)</h2>
          <p className="text-2xl font-semibold" data-testid="paid-total">{[...totals].map(([c, t]) => formatMoney(t.paid, c)).join(" · ") || formatMoney(0, "USD")}</p>
        </Card>
        <Card>
          <h2 className="text-sm text-muted">Refunded (shown below)</h2>
          <p className="text-2xl font-semibold" data-testid="refunded-total">{[...totals].map(([c, t]) => formatMoney(t.refunded, c)).join(" · ") || formatMoney(0, "USD")}</p>
        </Card>
        <Card>
          <h2 className="text-sm text-muted">Outstanding balances</h2>
          <p className="text-2xl font-semibold" data-testid="outstanding-total">{[...owed].map(([c, n]) => formatMoney(n, c)).join(" · ") || formatMoney(0, "USD")}</p>
        </Card>
      </div>

      {isUsPractice(scope.practice) ? (
        <p className="mt-4 text-sm">
          <Link href={`/clinic/${slug}/estimates`} className="text-brand underline underline-offset-2">
            Good Faith Estimates past their deadline
          </Link>
        </p>
      ) : null}
      {overages.length > 0 ? (
        <Card className="mt-4">
          <h2 className="text-lg font-semibold">Billed $400 or more above the Good Faith Estimate</h2>
          <p className="mt-1 text-sm text-muted">These clients may dispute their bills. Re-issue the estimate, or review the charges.</p>
          <ul className="mt-2 divide-y divide-line" aria-label="Clients billed above their estimate">
            {overages.map((o) => (
              <li key={o.clientId} className="flex flex-wrap justify-between gap-2 py-2">
                <Link href={`/clinic/${slug}/clients/${o.clientId}`} className="text-brand underline underline-offset-2">
                  {o.clientName}
                </Link>
                <span>
                  Estimate {formatMoney(o.estimateCents, o.currency)} · billed {formatMoney(o.billedCents, o.currency)} ·{" "}
                  <Badge tone="warn">{formatMoney(o.billedCents - o.estimateCents, o.currency)} over</Badge>
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <Card className="mt-4">
        <h2 className="text-lg font-semibold">Revenue by month</h2>
        {currencies.length === 0 ? (
          <p className="mt-2 text-muted">No payments yet.</p>
        ) : (
          currencies.map((currency) => {
            const data = revenue.filter((r) => r.currency === currency);
            return (
              <div key={currency} className="mt-3">
                <RevenueChart currency={currency} label={`Net revenue by month in ${currency}; the figures are in the table below`} data={data.map((d) => ({ month: d.month, net: d.netCents / 100 }))} />
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand">Revenue table ({currency})</summary>
                  <table className="mt-2 w-full text-sm">
                    <caption className="sr-only">Revenue by month in {currency}</caption>
                    <thead>
                      <tr className="text-left">
                        <th scope="col">Month</th>
                        <th scope="col" className="text-right">Paid</th>
                        <th scope="col" className="text-right">Refunded</th>
                        <th scope="col" className="text-right">Net</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.map((d) => (
                        <tr key={d.month}>
                          <th scope="row" className="text-left font-normal">{d.month}</th>
                          <td className="text-right">{formatMoney(d.paidCents, currency)}</td>
                          <td className="text-right">{formatMoney(d.refundedCents, currency)}</td>
                          <td className="text-right">{formatMoney(d.netCents, currency)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              </div>
            );
          })
        )}
      </Card>

      <Card className="mt-4">
        <h2 className="text-lg font-semibold">Payments</h2>
        <form method="get" className="mt-3 grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter payments">
          <label className="text-sm font-medium">
            From
            <Input type="date" name="from" defaultValue={filters.from ?? ""} className="mt-1" />
          </label>
          <label className="text-sm font-medium">
            To
            <Input type="date" name="to" defaultValue={filters.to ?? ""} className="mt-1" />
          </label>
          <label className="text-sm font-medium">
            Clinician
            <Select name="clinician" defaultValue={filters.clinician ?? ""} className="mt-1">
              <option value="">All</option>
              {clinicianOptions.map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </Select>
          </label>
          <label className="text-sm font-medium">
            Service
            <Select name="service" defaultValue={filters.service ?? ""} className="mt-1">
              <option value="">All</option>
              {serviceOptions.map((s) => (
                <option key={s.id} value={s.id}>{s.name}</option>
              ))}
            </Select>
          </label>
          <label className="text-sm font-medium">
            Status
            <Select name="status" defaultValue={filters.status ?? ""} className="mt-1">
              <option value="">All</option>
              {["succeeded", "pending", "failed", "expired", "cancelled", "refunded"].map((s) => (
                <option key={s} value={s}>{s === "refunded" ? "Refunded (any part)" : STATUS_LABEL[s]}</option>
              ))}
            </Select>
          </label>
          <div className="flex items-end gap-2">
            <button type="submit" className={buttonClass("primary", "md", "w-full")}>Filter</button>
          </div>
        </form>
        <p className="mt-3">
          <a href={`/clinic/${slug}/billing/export${query ? `?${query}` : ""}`} className="text-brand underline underline-offset-2" download>
            Export these payments as CSV
          </a>
        </p>
        {rows.length === 0 ? (
          <p className="mt-3 text-muted">No payments match.</p>
        ) : (
          <ul className="mt-3 divide-y divide-line" aria-label="Payments">
            {rows.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <Link href={`/clinic/${slug}/billing/payments/${r.id}`} className="font-medium text-brand underline underline-offset-2">
                    {r.clientName}: {formatMoney(r.amountCents, r.currency)}
                  </Link>
                  <p className="text-sm text-muted">
                    {KIND_LABEL[r.kind]} · {r.description}
                    {r.clinicianName ? ` · ${r.clinicianName}` : ""} · {formatDateTime(r.createdAt.toISOString(), reader)}
                  </p>
                </div>
                <span className="flex gap-1">
                  <Badge tone={r.status === "succeeded" ? "ok" : r.status === "pending" ? "neutral" : "warn"}>{STATUS_LABEL[r.status]}</Badge>
                  {r.refundedCents > 0 ? <Badge tone="warn">{r.refundedCents === r.amountCents ? "Refunded" : `Refunded ${formatMoney(r.refundedCents, r.currency)}`}</Badge> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <div className="mt-4 grid gap-4 lg:grid-cols-3">
        <Card>
          <h2 className="text-lg font-semibold">Outstanding balances</h2>
          {balances.length === 0 ? (
            <p className="mt-2 text-muted">Nobody owes anything.</p>
          ) : (
            <ul className="mt-2 space-y-2" aria-label="Outstanding balances">
              {balances.map((b) => (
                <li key={b.id}>
                  <Link href={`/clinic/${slug}/schedule/${b.appointmentId}`} className="text-brand underline underline-offset-2">
                    {b.firstName} {b.lastName}
                  </Link>
                  : {formatMoney(b.amountCents, b.currency)} <span className="text-sm text-muted">({FEE_LABELS[b.kind]})</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Refunds</h2>
          {refundRows.length === 0 ? (
            <p className="mt-2 text-muted">No refunds.</p>
          ) : (
            <ul className="mt-2 space-y-2" aria-label="Refunds">
              {refundRows.map(({ r, firstName, lastName }) => (
                <li key={r.id}>
                  <Link href={`/clinic/${slug}/billing/payments/${r.paymentId}`} className="text-brand underline underline-offset-2">
                    {firstName} {lastName}
                  </Link>
                  : {formatMoney(r.amountCents, r.currency)} <span className="text-sm text-muted">({r.status}) {r.reason}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="text-lg font-semibold">Package sales</h2>
          {sales.length === 0 ? (
            <p className="mt-2 text-muted">No packages sold yet.</p>
          ) : (
            <ul className="mt-2 space-y-2" aria-label="Package sales">
              {sales.map((s) => (
                <li key={s.name}>
                  {s.name}: {s.sold} sold, {formatMoney(s.revenueCents, s.currency)}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <WorkbookSalesCard practiceId={scope.practice.id} slug={slug} reader={reader} />
      {rows.length === 0 && balances.length === 0 && currencies.length === 0 ? (
        <div className="mt-4">
          <EmptyState title="No payments yet">Payments appear here once clients pay at booking, buy a package or are charged a fee.</EmptyState>
        </div>
      ) : null}
    </>
  );
}
