import type { Metadata } from "next";
import Link from "next/link";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { practiceStripe } from "@/lib/billing/practice-billing";
import { listServices, type ServiceListRow } from "@/lib/booking/list-services";
import { ATTENDANCE_LABELS, FORMAT_LABELS, payAtBookingFor, priceLabel } from "@/lib/booking/service-labels";
import { setServiceArchivedAction } from "./actions";

export const metadata: Metadata = { title: "Services" };
export const dynamic = "force-dynamic";

export default async function ServicesPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const manages = can(scope.role, "settings.manage");
  const rows = await listServices(scope);
  // The rule the booking page applies: a service set to charge online only does so once Stripe can take payments.
  const takesPayments = (await practiceStripe(scope.practice.id)).canTakePayments;
  const active = rows.filter((r) => !r.service.archivedAt);
  const archived = rows.filter((r) => r.service.archivedAt);
  const base = `/clinic/${slug}/settings/services`;

  return (
    <>
      <PageHeader
        title="Services"
        description={manages ? "What clients can book: length, price, format and who offers it." : "What clients can book."}
        actions={manages ? <ButtonLink href={`${base}/new`}>New service</ButtonLink> : undefined}
      />
      {rows.length === 0 ? (
        <EmptyState title="No services yet">
          {manages ? "Create the first service clients can book." : "An owner or admin adds the services clients can book."}
        </EmptyState>
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="active-services">
            <h2 id="active-services" className="mb-3 text-lg font-semibold">
              Active
            </h2>
            {active.length === 0 ? (
              <p className="text-muted">No active services.</p>
            ) : (
              <ServiceList label="Active services" rows={active} slug={slug} manages={manages} takesPayments={takesPayments} />
            )}
          </section>
          {archived.length > 0 ? (
            <section aria-labelledby="archived-services">
              <h2 id="archived-services" className="mb-3 text-lg font-semibold">
                Archived
              </h2>
              <ServiceList label="Archived services" rows={archived} slug={slug} manages={manages} takesPayments={takesPayments} />
            </section>
          ) : null}
        </div>
      )}
    </>
  );
}

function ServiceList({ label, rows, slug, manages, takesPayments }: { label: string; rows: ServiceListRow[]; slug: string; manages: boolean; takesPayments: boolean }) {
  const base = `/clinic/${slug}/settings/services`;
  return (
    <ul className="divide-y divide-line rounded-lg border border-line bg-surface" aria-label={label}>
      {rows.map(({ service: s, clinicians, billing }) => (
        <li key={s.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="min-w-0 space-y-1">
            <p className="font-medium">
              {manages ? (
                <Link href={`${base}/${s.id}/edit`} className="text-brand underline-offset-2 hover:underline">
                  {s.name}
                </Link>
              ) : (
                s.name
              )}
            </p>
            <p className="text-sm text-muted">
              {s.durationMinutes} min · {FORMAT_LABELS[s.format]} · {ATTENDANCE_LABELS[s.attendance]}
            </p>
            <p className="text-sm">{sentenceCase(priceLabel({ ...s, payAtBooking: payAtBookingFor(billing, s.priceCents, takesPayments) }))}</p>
            <p className="text-sm text-muted">
              {clinicians.length > 0 ? `Offered by ${clinicians.map((c) => c.displayName).join(", ")}` : null}
            </p>
            <div className="flex flex-wrap gap-2">
              {clinicians.length === 0 ? <Badge tone="warn">No clinicians</Badge> : null}
              {s.archivedAt ? <Badge>Archived</Badge> : null}
            </div>
          </div>
          {manages ? (
            <div className="flex flex-wrap gap-2">
              <ButtonLink variant="secondary" size="sm" href={`${base}/${s.id}/edit`} aria-label={`Edit ${s.name}`}>
                Edit
              </ButtonLink>
              <form action={setServiceArchivedAction.bind(null, slug, s.id, !s.archivedAt)}>
                <button type="submit" className={buttonClass("secondary", "sm")} aria-label={`${s.archivedAt ? "Unarchive" : "Archive"} ${s.name}`}>
                  {s.archivedAt ? "Unarchive" : "Archive"}
                </button>
              </form>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The staff list starts each clause with a capital ("$190 · Pay at the session"); the rule's words are the booking page's. */
function sentenceCase(label: string): string {
  return label.replace(/(^|· )([a-z])/g, (_, lead: string, first: string) => lead + first.toUpperCase());
}
