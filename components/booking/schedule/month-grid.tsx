import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { formatCalendarDay, formatMonth, formatTime } from "@/lib/dates";
import { attendeeNames, groupByDay, type ScheduleItem } from "@/lib/booking/list-schedule";

const SHOWN_PER_DAY = 3;
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * A month as a table of weeks: each day is a link to its day view, with the
 * number of sessions and (where there is room) the first few. On a phone the
 * cells keep only the date and the count, so the table fits 375 px.
 */
export function MonthGrid({
  month,
  days,
  items,
  timeZone,
  locale,
  today,
  dayHref,
}: {
  /** Any date in the month shown (YYYY-MM-DD). */
  month: string;
  days: string[];
  items: ScheduleItem[];
  timeZone: string;
  locale: string;
  today: string;
  dayHref: (date: string) => string;
}) {
  const grouped = groupByDay(items, days, timeZone);
  const monthKey = month.slice(0, 7);
  const weeks: [string, ScheduleItem[]][][] = [];
  for (let i = 0; i < grouped.length; i += 7) weeks.push(grouped.slice(i, i + 7));
  return (
    <table className="w-full table-fixed border-collapse rounded-lg bg-surface text-sm">
      <caption className="sr-only">{formatMonth(month, locale)}: sessions per day</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((d) => (
            <th key={d} scope="col" className="border border-line px-1 py-1 text-xs font-semibold">
              <abbr title={d} className="no-underline">
                {d.slice(0, 3)}
              </abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]![0]}>
            {week.map(([date, list]) => {
              const inMonth = date.startsWith(monthKey);
              const count = list.length;
              return (
                <td key={date} className={cn("h-16 border border-line p-0 align-top sm:h-28", !inMonth && "bg-canvas", date === today && "outline outline-2 -outline-offset-2 outline-brand")}>
                  <Link href={dayHref(date)} className="block h-full p-1 hover:bg-brand-soft sm:h-auto">
                    <span aria-hidden="true" className={cn("block font-semibold", inMonth ? "text-ink" : "text-muted")}>
                      {Number(date.slice(8, 10))}
                    </span>
                    <span className="sr-only">{formatCalendarDay(date, locale)}</span>
                    {date === today ? <span className="sr-only"> (today)</span> : null}
                    {count > 0 ? (
                      <span className="mt-0.5 block text-xs font-medium text-brand">
                        <span className="sr-only">: </span>
                        {count}
                        <span className="sr-only sm:not-sr-only"> {count === 1 ? "session" : "sessions"}</span>
                      </span>
                    ) : (
                      <span className="sr-only">: no sessions</span>
                    )}
                  </Link>
                  {count > 0 ? (
                    <ul className="hidden space-y-0.5 px-1 pb-1 text-xs sm:block">
                      {list.slice(0, SHOWN_PER_DAY).map((a) => (
                        <li key={a.id} className={cn("truncate", (a.status === "cancelled" || a.status === "late_cancelled") && "line-through")}>
                          {formatTime(a.startsAt, { zone: timeZone, locale })} {a.status === "held" && a.attendees.length === 0 ? "Being booked online" : attendeeNames(a.attendees)}
                        </li>
                      ))}
                      {count > SHOWN_PER_DAY ? <li className="text-muted">+{count - SHOWN_PER_DAY} more</li> : null}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
