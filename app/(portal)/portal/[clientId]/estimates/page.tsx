import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GfeForm } from "@/components/gfe/gfe-form";
import { GfeNotice } from "@/components/gfe/gfe-notice";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { formatCalendarDate, formatDate } from "@/lib/dates";
import { listOwnGfes, servicesForRequest } from "@/lib/gfe/portal";
import { isUsPractice } from "@/lib/gfe/us";
import { formatMoney } from "@/lib/money";
import { requestGfeAction } from "./actions";

export const metadata: Metadata = { title: "Good Faith Estimates" };
export const dynamic = "force-dynamic";

/** The client's estimates (every version kept), a PDF of each, and asking for a new one. US practices only. */
export default async function PortalEstimatesPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { client, practice, practiceDisplayName, user } = await requireClient(clientId);
  if (!isUsPractice(practice)) notFound();
  const who = { userId: user.id, clientId: client.id, practiceId: client.practiceId, practiceCountry: practice.country };
  const [estimates, services] = await Promise.all([listOwnGfes(who), servicesForRequest(practice.id)]);
  const day = (d: string) => formatCalendarDate(d, practice.locale);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/portal/${clientId}`} className="text-brand underline underline-offset-2">
          Back to your portal
        </Link>
      </p>
      <PageHeader title="Good Faith Estimates" description={practiceDisplayName} />
      <div className="space-y-4">
        {estimates.length === 0 ? (
          <EmptyState title="No estimates yet">When you book as a self-pay client, or ask below, your estimate appears here.</EmptyState>
        ) : (
          <ul className="space-y-3" aria-label="Your estimates">
            {estimates.map((e) => (
              <li key={e.id}>
                <Card>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h2 className="font-semibold">{e.snapshot.primaryService}</h2>
                    {e.superseded ? <Badge>Replaced by a newer version</Badge> : <Badge tone="ok">Current</Badge>}
                  </div>
                  <p className="mt-1 text-sm text-muted">
                    Issued {formatDate(e.issuedAt, practice.timeZone)}
                    {e.version > 1 ? ` · version ${e.version}` : ""} · covers {day(e.snapshot.period.from)} to {day(e.snapshot.period.to)}
                  </p>
                  <p className="mt-2">
                    Estimated total: <strong>{formatMoney(e.snapshot.total, e.snapshot.currency)}</strong> ({e.snapshot.items.map((i) => `${i.quantity} × ${formatMoney(i.unitCharge, e.snapshot.currency)}`).join(", ")})
                  </p>
                  <p className="mt-2">
                    <a href={`/portal/${clientId}/estimates/${e.id}`} className="font-medium text-brand underline underline-offset-2">
                      Download the estimate (PDF)
                    </a>
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        )}
        <Card>
          <h2 className="text-lg font-semibold">Ask for an estimate</h2>
          <p className="mt-1 text-sm text-muted">You get it here at once; we also email you that it is ready.</p>
          <div className="mt-3">
            <GfeForm services={services} action={requestGfeAction.bind(null, clientId)} submitLabel="Get my estimate" doneText="Your estimate is ready above." />
          </div>
        </Card>
        <GfeNotice practiceName={practiceDisplayName} />
      </div>
    </>
  );
}
