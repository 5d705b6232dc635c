import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { listWaitlist } from "@/lib/waitlist/list-waitlist";

export const metadata: Metadata = { title: "Waitlist" };
export const dynamic = "force-dynamic";

/** Who waits for which service, in line order, with every offer made and its outcome (no clinical content). */
export default async function WaitlistPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "waitlist.manage");
  const rows = await listWaitlist(scope);
  const zone = scope.practice.timeZone;
  return (
    <>
      <PageHeader title="Waitlist" description="When a matching time frees up, it is offered in this order with a hold." />
      {rows.length === 0 ? (
        <EmptyState title="Nobody is waiting">Clients join from the portal, or staff add them.</EmptyState>
      ) : (
        <Card>
          <ol className="divide-y divide-line" aria-label="Waitlist entries">
            {rows.map((r) => (
              <li key={r.entry.id} className="py-3">
                <p className="font-medium">
                  {r.firstName} {r.lastName}
                  {r.couple ? " and partner" : ""} · {r.serviceName} · {r.entry.status}
                </p>
                {r.offers.length > 0 ? (
                  <ul className="mt-1 text-sm text-muted" aria-label="Offers">
                    {r.offers.map((o) => (
                      <li key={o.id}>
                        Offered {formatDateTime(o.startsAt, zone)} (held until {formatDateTime(o.expiresAt, zone)}): {o.status}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}
