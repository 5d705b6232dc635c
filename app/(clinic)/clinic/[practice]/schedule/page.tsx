import { ScheduleNotesNotice } from "@/components/notes/schedule-notes-notice";
import type { Metadata } from "next";
import Link from "next/link";
import { ScheduleCalendar } from "@/components/booking/schedule/schedule-calendar";
import { FiltersDisclosure } from "@/components/booking/schedule/filters-disclosure";
import { ScheduleFilters } from "@/components/booking/schedule/schedule-filters";
import { scheduleHref } from "@/components/booking/schedule/schedule-href";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { formatCalendarDate, formatCalendarRange, formatDateTime, formatMonth, practiceReader, todayIn, zoneAbbreviation } from "@/lib/dates";
import {
  attendeeNames,
  listSchedule,
  listScheduleOptions,
  listWorkingHours,
  resolveScheduleFilters,
  type ScheduleParams,
  type ScheduleView,
} from "@/lib/booking/list-schedule";

const VIEWS: { view: ScheduleView; label: string }[] = [
  { view: "day", label: "Day" },
  { view: "week", label: "Week" },
  { view: "month", label: "Month" },
];

export const metadata: Metadata = { title: "Schedule" };
export const dynamic = "force-dynamic";

/** "America/New York (EST)", or "(EST → EDT)" for a week that changes clocks. */
function zoneName(zone: string, from: Date, to: Date, locale: string): string {
  const first = zoneAbbreviation(zone, from, locale);
  const last = zoneAbbreviation(zone, to.getTime() - 1, locale);
  return `${zone.replace(/_/g, " ")} (${first === last ? first : `${first} → ${last}`})`;
}

/** The days shown are calendar dates in the practice's zone already: they read without a zone. */
function rangeTitle(view: ScheduleView, date: string, days: string[], locale: string): string {
  if (view === "day") return formatCalendarDate(days[0]!, locale, { weekday: true });
  if (view === "month") return formatMonth(date, locale);
  return formatCalendarRange(days[0]!, days[days.length - 1]!, locale);
}

export default async function SchedulePage({
  params,
  searchParams,
}: {
  params: Promise<{ practice: string }>;
  searchParams: Promise<ScheduleParams & { booked?: string }>;
}) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "schedule.view");
  const query = await searchParams;
  const now = new Date();
  const zone = scope.practice.timeZone;
  const reader = practiceReader(scope.practice);
  const locale = scope.practice.locale;
  const options = await listScheduleOptions(scope);
  const filters = resolveScheduleFilters(scope, query, now, options);
  const { range } = filters;
  const items = await listSchedule(
    scope,
    { from: range.from, to: range.to, memberId: filters.memberId, locationId: filters.locationId, includeCancelled: filters.includeCancelled },
    now,
  );
  const today = todayIn(zone, now);
  const shownClinicians = filters.memberId ? options.clinicians.filter((c) => c.id === filters.memberId) : options.clinicians;
  const hours = range.view === "month" ? new Map() : await listWorkingHours(scope, shownClinicians.map((c) => c.id));
  const filterSummary = [
    filters.memberId ? shownClinicians[0]?.displayName : "All clinicians",
    filters.locationId ? options.locations.find((l) => l.id === filters.locationId)?.name : null,
    filters.includeCancelled ? "with cancelled" : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const keep = { member: filters.memberId, location: filters.locationId, cancelled: filters.includeCancelled };
  const href = (q: { view?: ScheduleView; date?: string }) => scheduleHref(slug, { view: range.view, date: range.date, ...keep, ...q });
  const unit = range.view;
  const booked = typeof query.booked === "string" ? items.find((a) => a.id === query.booked) : undefined;

  return (
    <>
      <PageHeader
        title="Schedule"
        description={`Times in ${zoneName(zone, range.from, range.to, locale)}`}
        actions={
          <>
            <ButtonLink href={`/clinic/${slug}/schedule/new?date=${range.date < today ? today : range.date}`}>New appointment</ButtonLink>
            {can(scope.role, "waitlist.manage") ? (
              <Link className={buttonClass("secondary")} href={`/clinic/${slug}/waitlist`}>
                Waitlist
              </Link>
            ) : null}
          </>
        }
      />
      {booked ? (
        <p role="status" className="mb-4 rounded-md border border-ok/30 bg-ok-soft px-3 py-2 text-ok">
          Booked {booked.service.name} for {attendeeNames(booked.attendees)} on {formatDateTime(booked.startsAt, reader)}. The confirmation is on its
          way to them.
        </p>
      ) : null}
      <div className="mb-4 space-y-3">
        <div className="flex flex-col gap-3 md:flex-row md:items-center md:justify-between">
          <nav aria-label="Schedule dates" className="flex flex-wrap items-center gap-2">
            {/* On a phone the arrows alone, so the calendar starts higher; the names stay for everyone. */}
            <Link className={buttonClass("secondary", "sm")} href={href({ date: range.previous })}>
              <span aria-hidden="true" className="sm:hidden">
                ←
              </span>
              <span className="sr-only sm:not-sr-only">Previous {unit}</span>
            </Link>
            <Link className={buttonClass("secondary", "sm")} href={href({ date: today })}>
              Today
            </Link>
            <Link className={buttonClass("secondary", "sm")} href={href({ date: range.next })}>
              <span aria-hidden="true" className="sm:hidden">
                →
              </span>
              <span className="sr-only sm:not-sr-only">Next {unit}</span>
            </Link>
            <h2 className="ml-1 text-lg font-semibold">
              {rangeTitle(range.view, range.date, range.days, locale)}
            </h2>
          </nav>
          <nav aria-label="Schedule view" className="flex gap-1">
            {VIEWS.map(({ view: v, label }) => (
              <Link
                key={v}
                href={href({ view: v })}
                aria-current={range.view === v ? "page" : undefined}
                className={cn(buttonClass(range.view === v ? "primary" : "secondary", "sm"))}
              >
                {label}
              </Link>
            ))}
          </nav>
        </div>
        <FiltersDisclosure summary={filterSummary}>
          <ScheduleFilters
          action={`/clinic/${slug}/schedule`}
          view={range.view}
          date={range.date}
          memberId={filters.memberId}
          locationId={filters.locationId}
          includeCancelled={filters.includeCancelled}
          options={options}
          />
        </FiltersDisclosure>
      </div>
      <ScheduleNotesNotice scope={scope} items={items} now={now} />
      <ScheduleCalendar
        practiceSlug={slug}
        view={range.view}
        date={range.date}
        days={range.days}
        items={items}
        timeZone={zone}
        locale={locale}
        today={today}
        now={now}
        clinicians={shownClinicians}
        hours={hours}
        dayHref={(date) => scheduleHref(slug, { view: "day", date, ...keep })}
      />
    </>
  );
}
