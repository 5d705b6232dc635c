import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeskPaymentForm } from "@/components/billing/desk-payment-form";
import { StatementForm } from "@/components/billing/statement-form";
import { SuperbillForm } from "@/components/billing/superbill-form";
import { deskOptions } from "@/lib/billing/desk-payments";
import { LinkCoupleForm } from "@/components/clients/link-couple-form";
import { PendingEmailNotice } from "@/components/clients/pending-email-notice";
import { ClientFormsPanel } from "@/components/intake/client-forms-panel";
import { ClientDocumentsPanel } from "@/components/documents/client-documents-panel";
import { ClientProductsPanel } from "@/components/products/client-products-panel";
import { SafetyFlagsPanel } from "@/components/safety/safety-flags-panel";
import { ClientNotesPanel } from "@/components/notes/client-notes-panel";
import { superbillDefaults } from "@/lib/billing/superbill-defaults";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { formatCalendarDate, practiceReader } from "@/lib/dates";
import { pendingEmailChange } from "@/lib/clients/email-change";
import { getClientRecord } from "@/lib/clients/get-client-record";
import { listCoupleCandidates } from "@/lib/clients/list-clients";
import { flagsForClient } from "@/lib/safety/client-flags";
import { staffThreadsForClient } from "@/lib/messaging/inbox";
import { unlinkCoupleAction } from "../actions";
import { isUsPractice } from "@/lib/gfe/us";

export const metadata: Metadata = { title: "Client" };
export const dynamic = "force-dynamic";

export default async function ClientPage({ params }: { params: Promise<{ practice: string; clientId: string }> }) {
  const { practice: slug, clientId } = await params;
  const scope = await requireMember(slug, "clients.view");
  const record = await getClientRecord(scope, clientId);
  if (!record) notFound();
  const { client: c, couple } = record;
  const candidates = couple ? [] : await listCoupleCandidates(scope, c.id);
  const pending = await pendingEmailChange(scope.practice.id, c.id, new Date());
  // This client's own flags only (never their partner's); none for the front desk.
  const flags = await flagsForClient(scope, c.id);
  const base = `/clinic/${slug}/clients`;
  // The threads this member may open (care team, owners; the front desk when allowed).
  const threadLinks = await staffThreadsForClient(scope, c.id);
  const desk = can(scope.role, "payments.take") ? await deskOptions(scope.practice.id, c.id, practiceReader(scope.practice)) : null;
  const details: [string, string | null][] = [
    ["Preferred name", c.preferredName],
    ["Pronouns", c.pronouns],
    ["Email", c.email],
    ["Phone", c.phone],
    // A calendar date: it reads the same in every zone (never shifted by one).
    ["Date of birth", c.dateOfBirth ? formatCalendarDate(c.dateOfBirth, scope.practice.locale) : null],
    // Carried over by a CSV import (decision 0029); may hold clinical remarks.
    ...(c.notes && can(scope.role, "clinical.read") ? ([["Notes (imported)", c.notes]] as [string, string][]) : []),
  ];
  return (
    <>
      <PageHeader
        title={`${c.firstName} ${c.lastName}`}
        description={
          <span className="flex flex-wrap gap-2">
            {c.userId ? <Badge tone="ok">Portal access</Badge> : <Badge>No portal access</Badge>}
            {c.status === "archived" ? <Badge>Archived</Badge> : null}
            {c.unverifiedSince ? <Badge tone="warn">Unverified email: booked online, not confirmed by its owner</Badge> : null}
          </span>
        }
        actions={
          <>
            {can(scope.role, "data.export") ? (
              // A file download (a streamed ZIP), not a page: a plain link.
              <a className={buttonClass("secondary")} href={`${base}/${c.id}/export`} download>
                Export record
              </a>
            ) : null}
            {can(scope.role, "clients.edit") ? (
              <ButtonLink variant="secondary" href={`${base}/${c.id}/edit`}>
                Edit
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <SafetyFlagsPanel flags={flags} practiceSlug={slug} reader={practiceReader(scope.practice)} />
      {pending ? <PendingEmailNotice email={pending.newEmail} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">Details</h2>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
            {details.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-sm text-muted">{label}</dt>
                <dd className="break-words">{value ?? "—"}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {threadLinks.length > 0 ? (
          <Card>
            <h2 className="mb-3 font-semibold">Messages</h2>
            <div className="flex flex-wrap gap-2">
              {threadLinks.map((t) => (
                <ButtonLink key={t.id} variant="secondary" href={`/clinic/${slug}/messages/${t.id}`}>
                  {t.kind === "own" ? "Their own thread" : "The couple's shared thread"}
                </ButtonLink>
              ))}
            </div>
          </Card>
        ) : null}
        {can(scope.role, "homework.assign") ? (
          <Card>
            <h2 className="mb-3 font-semibold">Homework</h2>
            <div className="flex flex-wrap gap-2">
              <ButtonLink variant="secondary" href={`/clinic/${slug}/homework/clients/${c.id}`}>
                Homework and check-ins
              </ButtonLink>
              <ButtonLink href={`/clinic/${slug}/homework/assign?client=${c.id}`}>Assign homework</ButtonLink>
            </div>
          </Card>
        ) : null}
        <ClientNotesPanel scope={scope} clientId={c.id} />
        {can(scope.role, "clinical.read") ? (
          <Card>
            <h2 className="mb-3 font-semibold">Treatment plan</h2>
            <ButtonLink variant="secondary" href={`${base}/${c.id}/plan`}>
              Treatment plans and goals
            </ButtonLink>
          </Card>
        ) : null}
        {can(scope.role, "gfe.issue") && isUsPractice(scope.practice) ? (
          <Card>
            <h2 className="mb-3 font-semibold">Good Faith Estimates</h2>
            <ButtonLink variant="secondary" href={`${base}/${c.id}/estimates`}>
              Estimates for self-pay care
            </ButtonLink>
          </Card>
        ) : null}
        <Card>
          <h2 className="mb-3 font-semibold">Couple</h2>
          {couple ? (
            <div className="space-y-3">
              <p>
                In a couple with{" "}
                <Link href={`${base}/${couple.partner.id}`} className="font-medium text-brand underline">
                  {couple.partner.firstName} {couple.partner.lastName}
                </Link>
                .
              </p>
              <form action={unlinkCoupleAction.bind(null, slug, c.id)}>
                <input type="hidden" name="coupleId" value={couple.id} />
                <button type="submit" className={buttonClass("secondary", "sm")}>
                  Unlink couple
                </button>
              </form>
            </div>
          ) : (
            <LinkCoupleForm
              practiceSlug={slug}
              clientId={c.id}
              candidates={candidates.map((p) => ({ id: p.id, name: `${p.lastName}, ${p.firstName}` }))}
            />
          )}
        </Card>
        <ClientFormsPanel scope={scope} clientId={c.id} />
        {can(scope.role, "forms.send") ? <ClientDocumentsPanel scope={scope} clientId={c.id} partnerName={couple ? couple.partner.firstName : null} /> : null}
        {can(scope.role, "billing.read") || can(scope.role, "products.manage") ? <ClientProductsPanel scope={scope} clientId={c.id} /> : null}
        {can(scope.role, "billing.read") ? (
          <Card>
            <h2 className="font-semibold">Payments at the desk</h2>
            {desk ? (
              <>
                <p className="mb-3 text-sm text-muted">
                  {desk.card ? `Card on file: ${desk.card.brand ?? "card"} ending ${desk.card.last4 ?? "????"}.` : "No card on file."} Cash, cheques and card-terminal payments are recorded here; refunds go through the payment&apos;s page.
                </p>
                <DeskPaymentForm
                  practiceSlug={slug}
                  clientId={c.id}
                  clientName={`${c.firstName} ${c.lastName}`}
                  targets={desk.targets}
                  packages={desk.packages}
                  card={desk.card}
                  currency={scope.practice.currency}
                />
              </>
            ) : null}
            <h3 className="mt-4 font-medium">Statement</h3>
            <p className="text-sm text-muted">Charges, payments, refunds and the balance for a period, to hand to the client.</p>
            <StatementForm action={`${base}/${c.id}/statement`} {...superbillDefaults(scope.practice.timeZone, new Date())} />
          </Card>
        ) : null}
        {can(scope.role, "superbill.generate") ? (
          <Card>
            <h2 className="font-semibold">Superbill</h2>
            <p className="text-sm text-muted">Sessions with CPT and ICD-10 codes, fees and payments, for an out-of-network claim.</p>
            <SuperbillForm action={`${base}/${c.id}/superbill`} {...superbillDefaults(scope.practice.timeZone, new Date())} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
