import type { ScheduleItem, ScheduleView } from "@/lib/booking/list-schedule";
import { gridBounds, workingSpans, type WeeklyHours } from "@/lib/booking/schedule-grid";
import { formatCalendarDay, localDate } from "@/lib/dates";
import { MonthGrid } from "./month-grid";
import { TimeGrid, type GridColumn } from "./time-grid";

/**
 * The schedule's body: a time grid for a day (a column per clinician when
 * more than one is shown) or a week (a column per day), or a month table.
 */
export function ScheduleCalendar({
  practiceSlug,
  view,
  date,
  days,
  items,
  timeZone,
  locale,
  today,
  now,
  clinicians,
  hours,
  dayHref,
}: {
  practiceSlug: string;
  view: ScheduleView;
  date: string;
  days: string[];
  items: ScheduleItem[];
  timeZone: string;
  /** The practice's locale (its clock: "2:30 PM" or "14:30"). */
  locale: string;
  today: string;
  now: Date;
  /** The clinicians shown (one when the schedule is filtered to one). */
  clinicians: { id: string; displayName: string }[];
  /** Each shown clinician's weekly hours. */
  hours: Map<string, WeeklyHours[]>;
  /** Where a day leads (the day view with the same filters). */
  dayHref: (date: string) => string;
}) {
  if (view === "month") {
    return <MonthGrid month={date} days={days} items={items} timeZone={timeZone} locale={locale} today={today} dayHref={dayHref} />;
  }
  // A session with someone no longer on the team still shows, in a column of its own.
  const people = [...clinicians];
  for (const a of items) {
    if (!people.some((c) => c.id === a.clinician.memberId)) people.push({ id: a.clinician.memberId, displayName: a.clinician.displayName });
  }
  const spansOf = (memberIds: string[]) => memberIds.flatMap((id) => workingSpans(hours.get(id) ?? [], days));
  // Everyone's hours over the shown days, worked out once (the week's seven columns share them).
  const everyonesSpans = spansOf(people.map((c) => c.id));
  const only = people.length === 1 ? { id: people[0]!.id, name: people[0]!.displayName } : null;

  // Each session under the day it starts on (the column keeps only those anyway), read once, not once a column.
  const byDate = new Map<string, ScheduleItem[]>();
  if (view === "week") {
    for (const a of items) {
      const d = localDate(a.startsAt, timeZone);
      byDate.set(d, [...(byDate.get(d) ?? []), a]);
    }
  }
  const itemsOn = (d: string) => byDate.get(d) ?? [];

  const columns: GridColumn[] =
    view === "day"
      ? people.map((c) => ({
          key: c.id,
          heading: c.displayName,
          date: days[0]!,
          clinician: { id: c.id, name: c.displayName },
          items: items.filter((a) => a.clinician.memberId === c.id),
          hours: spansOf([c.id]),
        }))
      : days.map((d) => {
          return {
            key: d,
            heading: formatCalendarDay(d, locale),
            headingHref: dayHref(d),
            note: d === today ? "today" : undefined,
            highlight: d === today,
            date: d,
            clinician: only,
            items: itemsOn(d),
            hours: everyonesSpans,
          };
        });
  const bounds = gridBounds([...everyonesSpans, ...items], days, timeZone);
  return (
    <TimeGrid
      practiceSlug={practiceSlug}
      columns={columns}
      bounds={bounds}
      timeZone={timeZone}
      locale={locale}
      now={now}
      minColumn={view === "week" ? "7.5rem" : "11rem"}
    />
  );
}
