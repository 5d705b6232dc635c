import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { PortalWaitlistJoin, PortalWaitlistLeave } from "@/components/waitlist/portal-waitlist-controls";
import { requireClient } from "@/lib/auth/guards";
import { formatDateMedium, formatDateTime, formatTime, practiceReader } from "@/lib/dates";
import { describeTerms, describeWish, weekdayNames } from "@/lib/waitlist/describe-wish";
import { settingsOf } from "@/lib/waitlist/settings";
import { listOwnWaitlist, waitlistJoinOptions } from "@/lib/waitlist/portal-waitlist";

export const metadata: Metadata = { title: "Waitlist" };
export const dynamic = "force-dynamic";

const STATUS: Record<string, string> = { waiting: "Waiting", offered: "A time is held for you", booked: "Booked", left: "Left", expired: "Ended" };

/**
 * The client's waitlist (decision 0057): where they wait, an offer open now
 * with its link, leaving; and joining for a service, a clinician or any, and
 * the days and times that suit.
 */
export default async function PortalWaitlistPage({ params, searchParams }: { params: Promise<{ clientId: string }>; searchParams: Promise<{ service?: string }> }) {
  const { clientId } = await params;
  const { service } = await searchParams;
  const { client, practice, practiceDisplayName } = await requireClient(clientId);
  const now = new Date();
  const [entries, options, terms] = await Promise.all([listOwnWaitlist(client, now), waitlistJoinOptions(client), settingsOf(practice.id)]);
  const reader = practiceReader(practice);
  const live = entries.filter((e) => e.status === "waiting" || e.status === "offered");
  const past = entries.filter((e) => !(e.status === "waiting" || e.status === "offered"));
  return (
    <>
      <PageHeader title="Waitlist" description={`${practiceDisplayName}. ${describeTerms(terms)}`} />
      <div className="space-y-4">
        <Card>
          <h2 className="mb-2 font-semibold">Where you are waiting</h2>
          {live.length === 0 ? (
            <p className="text-muted">You are not on the waitlist.</p>
          ) : (
            <ul className="divide-y divide-line" aria-label="Where you are waiting">
              {live.map((e) => (
                <li key={e.id} className="space-y-1 py-3">
                  <p className="font-medium break-words">
                    {e.serviceName}
                    {e.clinicianName ? ` with ${e.clinicianName}` : ", any clinician"}
                    {e.couple ? ", together" : ""}
                  </p>
                  <p className="text-sm text-muted">
                    {describeWish(e, practice.locale)}. Joined {formatDateMedium(e.joinedAt, reader)}. {STATUS[e.status]}.
                  </p>
                  {e.openOffer ? (
                    <p className="flex flex-wrap items-center gap-2">
                      <span>
                        Held for you: <strong>{formatDateTime(e.openOffer.startsAt, reader)}</strong>, until {formatTime(e.openOffer.expiresAt, reader)}.
                      </span>
                      <Link href={e.openOffer.url} className={buttonClass("primary", "sm")}>
                        See the time
                      </Link>
                    </p>
                  ) : null}
                  <PortalWaitlistLeave clientId={client.id} entryId={e.id} label={e.serviceName} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">Join the waitlist</h2>
          <PortalWaitlistJoin clientId={client.id} options={options} weekdays={weekdayNames(practice.locale)} defaultServiceId={service} />
        </Card>
        {past.length > 0 ? (
          <Card>
            <h2 className="mb-2 font-semibold">Earlier</h2>
            <ul className="divide-y divide-line text-sm" aria-label="Earlier waitlist places">
              {past.map((e) => (
                <li key={e.id} className="py-2">
                  {e.serviceName}: {STATUS[e.status]} (joined {formatDateMedium(e.joinedAt, reader)})
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
