import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { StaffWaitlistAdd, StaffWaitlistRemove } from "@/components/waitlist/staff-waitlist-controls";
import { requireMember } from "@/lib/auth/guards";
import { formatDateMedium, formatDateTime, practiceReader } from "@/lib/dates";
import { describeWish, weekdayNames } from "@/lib/waitlist/describe-wish";
import { listWaitlist } from "@/lib/waitlist/list-waitlist";
import { staffWaitlistOptions } from "@/lib/waitlist/portal-waitlist";

export const metadata: Metadata = { title: "Waitlist" };
export const dynamic = "force-dynamic";

const STATUS: Record<string, string> = { waiting: "waiting", offered: "offer open", booked: "booked", left: "left", expired: "ended" };
const OFFER_STATUS: Record<string, string> = { offered: "open", accepted: "booked", expired: "expired", declined: "declined", lost: "taken by someone else" };

/** Who waits for which service, in line order, with every offer made and its outcome (no clinical content); add and remove. */
export default async function WaitlistPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "waitlist.manage");
  const [rows, add] = await Promise.all([listWaitlist(scope), staffWaitlistOptions(scope.practice.id)]);
  const reader = practiceReader(scope.practice);
  const live = (s: string) => s === "waiting" || s === "offered";
  return (
    <>
      <PageHeader title="Waitlist" description="When a matching time frees up, it is offered in this order with a hold." />
      <div className="space-y-4">
        {rows.length === 0 ? (
          <EmptyState title="Nobody is waiting">Clients join from the portal or the booking page, or add them below.</EmptyState>
        ) : (
          <Card>
            <ol className="divide-y divide-line" aria-label="Waitlist entries">
              {rows.map((r) => {
                const who = `${r.firstName} ${r.lastName}${r.couple ? " and partner" : ""}`;
                return (
                  <li key={r.entry.id} className="space-y-1 py-3">
                    <p className="font-medium break-words">
                      {who} · {r.serviceName} · {STATUS[r.entry.status] ?? r.entry.status}
                    </p>
                    <p className="text-sm text-muted">
                      {describeWish(r.entry, scope.practice.locale)}
                      {r.clinicianName ? `, with ${r.clinicianName}` : ", any clinician"}. Joined {formatDateMedium(r.entry.createdAt, reader)}
                      {r.entry.createdBy === "staff" ? " (added by staff)" : ""}.
                    </p>
                    {r.offers.length > 0 ? (
                      <ul className="text-sm text-muted" aria-label="Offers">
                        {r.offers.map((o) => (
                          <li key={o.id}>
                            Offered {formatDateTime(o.startsAt, reader)} (held until {formatDateTime(o.expiresAt, reader)}): {OFFER_STATUS[o.status] ?? o.status}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {live(r.entry.status) ? <StaffWaitlistRemove slug={slug} entryId={r.entry.id} who={who} /> : null}
                  </li>
                );
              })}
            </ol>
          </Card>
        )}
        <Card>
          <h2 className="mb-3 font-semibold">Add to the waitlist</h2>
          <StaffWaitlistAdd slug={slug} options={add.options} weekdays={weekdayNames(scope.practice.locale)} clients={add.clients} />
        </Card>
      </div>
    </>
  );
}
