import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatDayTime, readerZone } from "@/lib/dates";
import type { ClientSession } from "@/lib/booking/list-client-sessions";
import { FORMAT_LABELS } from "@/lib/booking/service-labels";
import { JoinVideo } from "@/components/video/join-video";
import { StatusBadge } from "./status-badge";

type PortalPractice = { name: string; slug: string; timeZone: string; locale?: string | null };

/**
 * The client's sessions still to come (confirmed or awaiting payment only),
 * the next one first with its join link; a cancelled or no-show session is
 * never here (it is in PortalPastSessions).
 */
export function PortalUpcomingSessions({ practice, upcoming, clientId }: { practice: PortalPractice; upcoming: ClientSession[]; clientId: string }) {
  return (
    <Card>
      <h2 className="mb-3 font-semibold">Upcoming sessions</h2>
      {upcoming.length === 0 ? (
        <p className="text-muted">No upcoming sessions. Sessions you book with {practice.name} will show here.</p>
      ) : (
        <SessionList sessions={upcoming} timeZone={practice.timeZone} locale={practice.locale} label="Upcoming sessions" leadFirst clientId={clientId} />
      )}
      {/* Booking from here is signed in: details prefilled, credits offered (decision 0012). */}
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <Link href={`/book/${practice.slug}`} className={buttonClass("secondary", "sm")}>
          Book a session
        </Link>
        <Link href={`/portal/${clientId}/calendar`} className="text-sm font-medium text-brand underline underline-offset-2">
          Keep your sessions in your calendar
        </Link>
      </div>
    </Card>
  );
}

/** Sessions that are over: past ones, and every cancelled, late-cancelled or no-show one, most recent first. */
export function PortalPastSessions({ practice, past }: { practice: PortalPractice; past: ClientSession[] }) {
  if (past.length === 0) return null;
  return (
    <Card>
      <h2 className="mb-3 font-semibold">Past and cancelled sessions</h2>
      <SessionList sessions={past} timeZone={practice.timeZone} locale={practice.locale} label="Past and cancelled sessions" />
    </Card>
  );
}

/** `leadFirst`: the first session (the next one) reads larger. */
/** `clientId`: upcoming sessions offer their own .ics file. */
function SessionList({
  sessions,
  timeZone,
  locale,
  label,
  leadFirst = false,
  clientId,
}: {
  sessions: ClientSession[];
  timeZone: string;
  locale?: string | null;
  label: string;
  leadFirst?: boolean;
  clientId?: string;
}) {
  return (
    <ul className="divide-y divide-line" aria-label={label}>
      {sessions.map((s, i) => (
        <li key={s.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className={cn("font-medium", leadFirst && i === 0 && "text-lg")}>{formatDayTime(s.startsAt, { zone: readerZone(s.timeZone, timeZone), practiceZone: timeZone, locale })}</p>
            <p className="break-words">
              {s.serviceName} with {s.clinicianName}
            </p>
            <p className="text-sm text-muted">
              {s.locationName ?? FORMAT_LABELS[s.format]}
              {s.together ? " · Couple session" : ""}
            </p>
            <p className="mt-1">
              <StatusBadge status={s.status} />
            </p>
            {s.join.kind === "later" ? <JoinVideo state={s.join} timeZone={readerZone(s.timeZone, timeZone)} locale={locale} className="mt-1" /> : null}
          </div>
          {s.join.kind === "open" || s.manageHref || clientId ? (
            <div className="flex shrink-0 flex-col gap-2 sm:items-end">
              {s.join.kind === "open" ? <JoinVideo state={s.join} timeZone={readerZone(s.timeZone, timeZone)} locale={locale} /> : null}
              {s.manageHref ? (
                <Link href={s.manageHref} prefetch={false} className={buttonClass("secondary", "sm", "shrink-0")}>
                  Reschedule or cancel
                </Link>
              ) : null}
              {clientId ? (
                // A file download, not a page: no prefetch, and the browser hands it to the calendar app.
                <a href={`/portal/${clientId}/sessions/${s.id}/calendar`} download="session.ics" className={buttonClass("secondary", "sm", "shrink-0")}>
                  Add to calendar
                </a>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
