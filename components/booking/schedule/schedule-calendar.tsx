import Link from "next/link";
import { DateTime } from "luxon";
import { cn } from "@/components/ui/cn";
import { formatTime } from "@/lib/dates";
import { attendeeNames, groupByDay, type ScheduleItem, type ScheduleView } from "@/lib/booking/list-schedule";
import { FORMAT_SHORT_LABELS } from "@/lib/booking/service-labels";
import { StatusBadge } from "./status-badge";


/**
 * The day or week as a list of days, each a list of appointment links (so the
 * keyboard reaches every one in time order). A week stacks its days on small
 * screens and becomes seven columns on wide ones.
 */
export function ScheduleCalendar({
  practiceSlug,
  view,
  days,
  items,
  timeZone,
  today,
  dayHref,
}: {
  practiceSlug: string;
  view: ScheduleView;
  days: string[];
  items: ScheduleItem[];
  timeZone: string;
  today: string;
  /** Where a day's heading leads (the day view with the same filters). */
  dayHref: (date: string) => string;
}) {
  const grouped = groupByDay(items, days, timeZone);
  return (
    <div className={cn("grid gap-3", view === "week" && "lg:grid-cols-7 lg:gap-2")}>
      {grouped.map(([date, list]) => {
        const day = DateTime.fromISO(date, { zone: timeZone });
        const headingId = `day-${date}`;
        return (
          <section
            key={date}
            aria-labelledby={headingId}
            className={cn("min-w-0 rounded-lg border bg-surface p-3", date === today ? "border-brand" : "border-line")}
          >
            <h3 id={headingId} className="mb-2 text-sm font-semibold">
              {view === "week" ? (
                <Link href={dayHref(date)} className="text-brand underline-offset-2 hover:underline">
                  <span className="lg:block">{day.toFormat("cccc")}</span> {day.toFormat("d LLLL")}
                </Link>
              ) : (
                day.toFormat("cccc d LLLL yyyy")
              )}
              {date === today ? <span className="ml-1 font-normal text-muted">(today)</span> : null}
            </h3>
            {list.length === 0 ? (
              <p className="text-sm text-muted">No sessions</p>
            ) : (
              <ul className="space-y-2">
                {list.map((a) => (
                  <li key={a.id}>
                    <AppointmentLink practiceSlug={practiceSlug} item={a} timeZone={timeZone} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function AppointmentLink({ practiceSlug, item: a, timeZone }: { practiceSlug: string; item: ScheduleItem; timeZone: string }) {
  const ended = a.status === "cancelled" || a.status === "late_cancelled";
  return (
    <Link
      href={`/clinic/${practiceSlug}/schedule/${a.id}`}
      className={cn(
        "block rounded-md border p-2 text-sm hover:border-brand",
        ended ? "border-dashed border-line bg-canvas" : "border-line bg-surface",
      )}
    >
      <span className="block font-semibold">
        {formatTime(a.startsAt, timeZone)} – {formatTime(a.endsAt, timeZone)}
      </span>
      <span className={cn("block break-words", ended && "line-through")}>{a.service.name}</span>
      <span className="block break-words">{a.status === "held" && a.attendees.length === 0 ? "Being booked online" : attendeeNames(a.attendees)}</span>
      <span className="block break-words text-muted">
        {a.clinician.displayName} · {a.location ? a.location.name : FORMAT_SHORT_LABELS[a.format]}
      </span>
      <span className="mt-1 block">
        <StatusBadge status={a.status} />
      </span>
    </Link>
  );
}

