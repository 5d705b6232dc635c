import type { Metadata } from "next";
import { MemberBillingForm, PackageForm, PracticeBillingForm, ServiceBillingForm } from "@/components/billing/billing-settings-forms";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { connectionState, syncAccount } from "@/lib/billing/connect";
import { loadBillingSettings } from "@/lib/billing/settings-page";
import { asksSuperbillDetailsByDefault } from "@/lib/clients/address-schema";
import { centsToAmountInput, formatMoney } from "@/lib/money";
import { connectStripeAction } from "./actions";
import { BackToSettings } from "@/components/settings/back-to-settings";

export const metadata: Metadata = { title: "Billing settings" };
export const dynamic = "force-dynamic";

export default async function BillingSettingsPage({ params, searchParams }: { params: Promise<{ practice: string }>; searchParams: Promise<{ connected?: string; error?: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "settings.manage");
  const query = await searchParams;
  let connection = await connectionState(scope.practice.id);
  if (query.connected && connection.stripeAccountId) {
    // Back from Stripe's onboarding: read the account now rather than wait for account.updated.
    await syncAccount(connection.stripeAccountId, new Date()).catch(() => undefined);
    connection = await connectionState(scope.practice.id);
  }
  const { practiceBilling: pb, serviceRows, clinicians, packageRows } = await loadBillingSettings(scope.practice.id);

  return (
    <>
      <BackToSettings slug={slug} />
      <PageHeader title="Billing settings" />
      {query.error ? (
        <p role="alert" className="mb-4 rounded-md border border-danger/40 bg-danger-soft p-3 text-danger">
          {query.error.slice(0, 200)}
        </p>
      ) : null}
      <div className="space-y-4">
        <Card>
          <h2 className="text-lg font-semibold">Stripe</h2>
          {connection.mode === "single-account" ? (
            <p className="mt-1">
              <Badge tone="ok">Connected</Badge> Payments go to this deployment&apos;s own Stripe account.
            </p>
          ) : connection.chargesEnabled ? (
            <p className="mt-1">
              <Badge tone="ok">Connected</Badge> Account {connection.stripeAccountId} takes payments.
            </p>
          ) : (
            <div className="mt-1 space-y-2">
              <p>
                <Badge tone="warn">{connection.stripeAccountId ? "Onboarding not finished" : "Not connected"}</Badge> Connect your practice&apos;s Stripe account to take payments
                at booking, fees and packages.
              </p>
              <form action={connectStripeAction.bind(null, slug)}>
                <button type="submit" className={buttonClass("primary", "sm")}>
                  {connection.stripeAccountId ? "Continue Stripe onboarding" : "Connect with Stripe"}
                </button>
              </form>
            </div>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Superbill details</h2>
          <PracticeBillingForm slug={slug} defaults={{ taxId: pb?.taxId ?? "", npi: pb?.npi ?? "" }} />
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Payment at booking and codes, per service</h2>
          <div className="space-y-6">
            {serviceRows.map(({ s, b, cptText }) => (
              <div key={s.id}>
                <p className="text-sm text-muted">Price {s.priceCents > 0 ? formatMoney(s.priceCents, s.currency) : "free"}</p>
                <ServiceBillingForm
                  slug={slug}
                  serviceId={s.id}
                  name={s.name}
                  defaults={{ paymentMode: b?.paymentMode ?? "none", deposit: b?.depositCents ? centsToAmountInput(b.depositCents) : "", cptLines: cptText, asksSuperbillDetails: b ? b.asksSuperbillDetails : asksSuperbillDetailsByDefault(scope.practice.kind) }}
                />
              </div>
            ))}
          </div>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Clinicians on superbills</h2>
          <div className="space-y-6">
            {clinicians.map((m) => (
              <MemberBillingForm key={m.id} slug={slug} memberId={m.id} name={m.name} defaults={{ licenseNumber: m.license ?? "", npi: m.npi ?? "" }} />
            ))}
          </div>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Packages</h2>
          {packageRows.length === 0 ? (
            <p className="text-muted">No packages yet.</p>
          ) : (
            <ul className="mb-4 space-y-1" aria-label="Packages">
              {packageRows.map((p) => (
                <li key={p.id}>
                  {p.name}: {p.sessionCount} sessions for {formatMoney(p.priceCents, p.currency)}, valid {p.validMonths} months
                </li>
              ))}
            </ul>
          )}
          <PackageForm slug={slug} services={serviceRows.map(({ s }) => ({ id: s.id, name: s.name }))} />
        </Card>
      </div>
    </>
  );
}
