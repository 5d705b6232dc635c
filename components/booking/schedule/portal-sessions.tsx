import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/lib/dates";
import type { ClientSession } from "@/lib/booking/list-client-sessions";
import { FORMAT_LABELS } from "@/lib/booking/service-labels";
import { JoinVideo } from "@/components/video/join-video";
import { StatusBadge } from "./status-badge";

/** The client's own sessions in the portal: upcoming first, then past. */
export function PortalSessions({
  practice,
  upcoming,
  past,
}: {
  practice: { name: string; slug: string; timeZone: string };
  upcoming: ClientSession[];
  past: ClientSession[];
}) {
  return (
    <>
      <Card>
        <h2 className="mb-3 font-semibold">Upcoming sessions</h2>
        {upcoming.length === 0 ? (
          <p className="text-muted">No upcoming sessions. Sessions you book with {practice.name} will show here.</p>
        ) : (
          <SessionList sessions={upcoming} timeZone={practice.timeZone} label="Upcoming sessions" />
        )}
        {/* Booking from here is signed in: details prefilled, credits offered (decision 0012). */}
        <Link href={`/book/${practice.slug}`} className={cn(buttonClass("secondary", "sm"), "mt-3")}>
          Book a session
        </Link>
      </Card>
      {past.length > 0 ? (
        <Card>
          <h2 className="mb-3 font-semibold">Past sessions</h2>
          <SessionList sessions={past} timeZone={practice.timeZone} label="Past sessions" />
        </Card>
      ) : null}
    </>
  );
}

function SessionList({ sessions, timeZone, label }: { sessions: ClientSession[]; timeZone: string; label: string }) {
  return (
    <ul className="divide-y divide-line" aria-label={label}>
      {sessions.map((s) => (
        <li key={s.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0">
            <p className="font-medium">{formatDateTime(s.startsAt, timeZone)}</p>
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
            {s.join.kind === "later" ? <JoinVideo state={s.join} timeZone={timeZone} className="mt-1" /> : null}
          </div>
          {s.join.kind === "open" || s.manageHref ? (
            <div className="flex shrink-0 flex-col gap-2 sm:items-end">
              {s.join.kind === "open" ? <JoinVideo state={s.join} timeZone={timeZone} /> : null}
              {s.manageHref ? (
                <Link href={s.manageHref} prefetch={false} className={buttonClass("secondary", "sm", "shrink-0")}>
                  Reschedule or cancel
                </Link>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
