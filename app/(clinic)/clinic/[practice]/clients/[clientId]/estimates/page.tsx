import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GfeForm } from "@/components/gfe/gfe-form";
import { ReissueButton } from "@/components/gfe/reissue-button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { servicesForRequest } from "@/lib/gfe/portal";
import { clientForEstimates, listClientGfes } from "@/lib/gfe/staff";
import { isUsPractice } from "@/lib/gfe/us";
import { formatMoney } from "@/lib/money";
import { issueGfeAction, reissueGfeAction } from "./actions";

export const metadata: Metadata = { title: "Good Faith Estimates" };
export const dynamic = "force-dynamic";

/** A client's Good Faith Estimates for clinical staff: every version, its deadline and delivery, issue or re-issue. */
export default async function ClientEstimatesPage({ params }: { params: Promise<{ practice: string; clientId: string }> }) {
  const { practice: slug, clientId } = await params;
  const scope = await requireMember(slug, "gfe.issue");
  const client = await clientForEstimates(scope, clientId);
  if (!client) notFound();
  const zone = scope.practice.timeZone;
  const us = isUsPractice(scope.practice);
  const [estimates, services] = await Promise.all([listClientGfes(scope, client.id), us ? servicesForRequest(scope.practice.id) : Promise.resolve([])]);
  const replaced = new Set(estimates.map((e) => e.supersedesId).filter(Boolean));
  const now = new Date();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/clinic/${slug}/clients/${client.id}`} className="text-brand underline underline-offset-2">
          Back to {client.name}
        </Link>
      </p>
      <PageHeader title="Good Faith Estimates" description={client.name} />
      <div className="space-y-4">
        {!us ? (
          <EmptyState title="Not for this practice">Good Faith Estimates apply to US practices only.</EmptyState>
        ) : estimates.length === 0 ? (
          <EmptyState title="No estimates yet">A self-pay booking issues one; you can issue one below.</EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-line" aria-label="Estimates">
              {estimates.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">
                      Version {e.version} · {formatMoney(e.totalCents, "USD")} · {e.reason === "scheduled" ? "on booking" : "on request"}{" "}
                      {replaced.has(e.id) ? <Badge>Replaced</Badge> : null}
                    </p>
                    <p className="text-sm text-muted">
                      Issued {formatDateTime(e.issuedAt, zone)} · due by {formatDateTime(e.dueBy, zone)} ·{" "}
                      {e.deliveredAt ? `delivered ${formatDateTime(e.deliveredAt, zone)}` : e.dueBy < now ? <strong className="text-danger">overdue, not delivered</strong> : "not delivered yet"}
                    </p>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <a href={`/clinic/${slug}/clients/${client.id}/estimates/${e.id}`} className="text-brand underline underline-offset-2">
                      PDF
                    </a>
                    {replaced.has(e.id) ? null : <ReissueButton action={reissueGfeAction.bind(null, slug, client.id, e.id, {})} />}
                  </div>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {us ? (
          <Card>
            <h2 className="text-lg font-semibold">Issue an estimate</h2>
            <p className="mt-1 text-sm text-muted">Priced from the service as it is today, with its CPT codes; the client is emailed that it is ready in their portal.</p>
            <div className="mt-3">
              <GfeForm services={services} action={issueGfeAction.bind(null, slug, client.id)} submitLabel="Issue estimate" doneText="Issued." />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
