import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CancelEventButton } from "@/components/events/cancel-event-button";
import { EventForm } from "@/components/events/event-form";
import { MaterialsForm } from "@/components/events/materials-form";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTime, practiceReader } from "@/lib/dates";
import { creditPackageChoices, eventFormValues, hostChoices, loadEventRoster } from "@/lib/events/manage-events";
import { isUuid } from "@/lib/ids";
import { cancelRegistrationAction, markAttendanceAction } from "../actions";

export const metadata: Metadata = { title: "Event" };
export const dynamic = "force-dynamic";

const STATUS: Record<string, string> = { held: "Holding a seat", confirmed: "Confirmed", cancelled: "Cancelled", expired: "Hold lapsed", refunded: "Refunded" };

/** One event for its hosts (decision 0055): the roster (the only page naming attendees), attendance after each date, materials, cancelling. */
export default async function EventPage({ params }: { params: Promise<{ practice: string; eventId: string }> }) {
  const { practice: slug, eventId } = await params;
  const scope = await requireMember(slug, "events.manage");
  if (!isUuid(eventId)) notFound();
  const [roster, hosts, packages] = await Promise.all([loadEventRoster(scope, eventId), hostChoices(scope), creditPackageChoices(scope)]);
  if (!roster) notFound();
  const values = eventFormValues(roster, scope.practice.timeZone);
  const reader = practiceReader(scope.practice);
  const now = new Date();
  const started = roster.dates.filter((d) => d.startsAt <= now);
  const mark = (registrationId: string, sessionId: string) => roster.attendance.find((a) => a.registrationId === registrationId && a.sessionId === sessionId);
  const { event } = roster;
  return (
    <>
      <PageHeader title={event.title} description={`${event.seatsTaken} of ${event.capacity} seats taken · hosted by ${roster.hosts.map((h) => h.name).join(", ")}`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 font-semibold">Dates</h2>
          <ul className="space-y-1">{roster.dates.map((d) => <li key={d.id}>{formatDateTime(d.startsAt, reader)}</li>)}</ul>
          {event.status === "cancelled" ? (
            <p className="mt-3"><Badge tone="warn">Cancelled</Badge></p>
          ) : (
            <div className="mt-4">
              <CancelEventButton slug={slug} eventId={eventId} confirmed={roster.registrations.filter((r) => r.status === "confirmed").length} takesCredits={Boolean(event.creditPackageId)} />
            </div>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">Roster</h2>
          {roster.registrations.length === 0 ? (
            <p className="text-muted">Nobody has signed up yet.</p>
          ) : (
            <ul className="divide-y divide-line" aria-label="Roster">
              {roster.registrations.map((r) => (
                <li key={r.id} className="space-y-2 py-3">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium">{r.names.join(" and ")}</span>
                    <Badge tone={r.status === "confirmed" ? "ok" : "neutral"}>{STATUS[r.status]}</Badge>
                  </div>
                  {r.creditsUsed > 0 ? (
                    <p className="text-sm text-muted">
                      Paid with {r.creditsUsed === 1 ? "1 credit" : `${r.creditsUsed} credits`}
                      {roster.creditPackageName ? ` from ${roster.creditPackageName}` : ""}
                    </p>
                  ) : null}
                  {r.status === "confirmed"
                    ? started.map((d) => {
                        const m = mark(r.id, d.id);
                        return (
                          <div key={d.id} className="flex flex-wrap items-center gap-2 text-sm">
                            <span>{formatDateTime(d.startsAt, reader)}: {m ? (m.attended ? "attended" : "absent") : "not marked"}</span>
                            <ActionButton action={markAttendanceAction.bind(null, slug, eventId, { sessionId: d.id, registrationId: r.id, attended: true })} label="Attended" busyLabel="Saving…" failure="Not saved" ariaLabel={`${r.names.join(" and ")} attended`} />
                            <ActionButton action={markAttendanceAction.bind(null, slug, eventId, { sessionId: d.id, registrationId: r.id, attended: false })} label="Absent" busyLabel="Saving…" failure="Not saved" ariaLabel={`${r.names.join(" and ")} absent`} />
                          </div>
                        );
                      })
                    : null}
                  {r.status === "confirmed" || r.status === "held" ? (
                    <ActionButton action={cancelRegistrationAction.bind(null, slug, eventId, r.id)} label={r.creditsUsed > 0 ? "Cancel this place (return the credits)" : "Cancel this place (refund)"} busyLabel="Cancelling…" failure="Not cancelled" ariaLabel={`Cancel ${r.names.join(" and ")}'s place`} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {roster.waitlist.length > 0 ? (
            <>
              <h3 className="mt-4 font-semibold">Waitlist</h3>
              <ol className="list-decimal pl-5">
                {roster.waitlist.map((w) => <li key={w.id}>{w.names.join(" and ")} ({w.status})</li>)}
              </ol>
            </>
          ) : null}
        </Card>
        <Card>
          <h2 className="mb-2 font-semibold">After the event</h2>
          <MaterialsForm slug={slug} eventId={eventId} current={event.materialsUrl} />
        </Card>
        {event.status === "scheduled" ? (
          <Card>
            <h2 className="mb-1 font-semibold">Edit the event</h2>
            <p className="mb-3 text-sm text-muted">A new price applies to sign-ups from now on. If the dates, place or join link change, everyone signed up is emailed the new details.</p>
            <EventForm slug={slug} hosts={hosts} packages={packages} editing={{ eventId, values }} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
