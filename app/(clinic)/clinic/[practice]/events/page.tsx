import type { Metadata } from "next";
import Link from "next/link";
import { EventForm } from "@/components/events/event-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTime, practiceReader } from "@/lib/dates";
import { creditPackageChoices, hostChoices, listEvents } from "@/lib/events/manage-events";

export const metadata: Metadata = { title: "Events" };
export const dynamic = "force-dynamic";

/** Group events and webinars (decision 0055): the list, and a new event. */
export default async function EventsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "events.manage");
  const [events, hosts, packages] = await Promise.all([listEvents(scope), hostChoices(scope), creditPackageChoices(scope)]);
  const reader = practiceReader(scope.practice);
  return (
    <>
      <PageHeader title="Events" description="Groups, classes and webinars, sold by the seat on your booking page." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">Events</h2>
          {events.length === 0 ? (
            <p className="text-muted">No events yet.</p>
          ) : (
            <ul className="divide-y divide-line" aria-label="Events">
              {events.map((e) => (
                <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div className="min-w-0">
                    <Link href={`/clinic/${slug}/events/${e.id}`} className="font-medium break-words text-brand underline">{e.title}</Link>
                    <p className="text-sm text-muted">{e.dates[0] ? formatDateTime(e.dates[0].startsAt, reader) : ""} · {e.seatsTaken} of {e.capacity} seats taken</p>
                  </div>
                  <Badge tone={e.status === "cancelled" ? "warn" : "ok"}>{e.status === "cancelled" ? "Cancelled" : "Scheduled"}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">New event</h2>
          <EventForm slug={slug} hosts={hosts} packages={packages} />
        </Card>
      </div>
    </>
  );
}
