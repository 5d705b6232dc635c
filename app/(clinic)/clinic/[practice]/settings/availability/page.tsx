import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClosureForm } from "@/components/booking/admin/closure-form";
import { OverrideForm } from "@/components/booking/admin/override-form";
import { WeeklyHoursForm } from "@/components/booking/admin/weekly-hours-form";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { formatCalendarDate, formatDateTimeMedium, formatMinuteOfDay, practiceReader } from "@/lib/dates";
import { formatMinutes, timeZoneOptions } from "@/lib/booking/availability-schema";
import {
  findAvailabilityMember,
  listClosures,
  listPracticeLocations,
  listScheduleMembers,
  loadAvailability,
} from "@/lib/booking/manage-availability";
import { deleteClosureAction, deleteOverrideAction } from "./actions";

export const metadata: Metadata = { title: "Availability" };
export const dynamic = "force-dynamic";


export default async function AvailabilityPage({
  params,
  searchParams,
}: {
  params: Promise<{ practice: string }>;
  searchParams: Promise<{ member?: string | string[] }>;
}) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "availability.own");
  const { member: memberParam } = await searchParams;
  const manages = can(scope.role, "availability.others");
  // Someone else's hours: owners and admins only, and only this practice's members.
  const member = await findAvailabilityMember(scope, typeof memberParam === "string" ? memberParam : null);
  if (!member) notFound();
  const now = new Date();
  const [{ weekly, overrides }, locations, team, closures] = await Promise.all([
    loadAvailability(scope, member, now),
    listPracticeLocations(scope),
    manages ? listScheduleMembers(scope) : Promise.resolve([]),
    manages ? listClosures(scope, now) : Promise.resolve([]),
  ]);
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const where = (id: string | null) => (id ? (locationName.get(id) ?? "A location") : "Online/phone");
  const self = member.id === scope.memberId;
  const reader = practiceReader(scope.practice);
  // "2025-12-24" → "Wed 24 Dec 2025" (a calendar date: no zone shifts); times on the practice's clock.
  const formatDate = (date: string) => formatCalendarDate(date, reader.locale, { weekday: true, short: true });
  const clockTime = (minute: number) => formatMinuteOfDay(minute, reader.locale);

  return (
    <>
      <PageHeader
        title="Availability"
        description={
          <>
            {self ? "Your weekly hours" : `Weekly hours for ${member.displayName}`}, in {member.timeZone}
            {member.ownTimeZone ? "" : " (the practice's time zone)"}.
          </>
        }
      />
      <div className="space-y-6">
        {manages && team.length > 0 ? (
          <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Choose a team member">
            <div className="min-w-0 flex-1 space-y-1 sm:max-w-sm">
              <label htmlFor="availability-member" className="text-sm font-medium">
                Team member
              </label>
              <Select id="availability-member" name="member" defaultValue={member.id}>
                {team.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.displayName}
                    {m.id === scope.memberId ? " (you)" : ""}
                  </option>
                ))}
              </Select>
            </div>
            <button type="submit" className={buttonClass("secondary")}>
              Show hours
            </button>
          </form>
        ) : null}

        <Card>
          <h2 className="mb-1 text-lg font-semibold">Weekly hours</h2>
          <p className="mb-4 text-sm text-muted">
            When {self ? "you can" : `${member.displayName} can`} be booked each week. &ldquo;Online/phone&rdquo; hours are for online and phone
            services; hours at a location are for in-person services.
          </p>
          <WeeklyHoursForm
            key={member.id}
            practiceSlug={slug}
            memberId={member.id}
            memberName={member.displayName}
            practiceTimeZone={scope.practice.timeZone}
            locations={locations.map((l) => ({ id: l.id, name: l.name }))}
            timeZones={timeZoneOptions()}
            defaults={{
              timeZone: member.ownTimeZone ?? "",
              rows: weekly.map((r) => ({
                weekday: String(r.weekday),
                start: formatMinutes(r.startMinute),
                end: formatMinutes(r.endMinute),
                locationId: r.locationId ?? "",
              })),
            }}
          />
        </Card>

        <Card>
          <h2 className="mb-1 text-lg font-semibold">Date changes</h2>
          <p className="mb-4 text-sm text-muted">A day off, a few hours away, or extra hours on one date. Times are in {member.timeZone}.</p>
          {overrides.length === 0 ? (
            <p className="mb-4 text-muted">No upcoming date changes.</p>
          ) : (
            <ul className="mb-4 divide-y divide-line" aria-label="Upcoming date changes">
              {overrides.map((o) => {
                const what =
                  o.kind === "available"
                    ? `Extra hours ${clockTime(o.startMinute!)}–${clockTime(o.endMinute!)}, ${where(o.locationId)}`
                    : o.startMinute === null
                      ? "Day off"
                      : `Unavailable ${clockTime(o.startMinute)}–${clockTime(o.endMinute!)}`;
                return (
                  <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <span>
                      <span className="font-medium">{formatDate(o.date)}</span>: {what}
                    </span>
                    <form action={deleteOverrideAction.bind(null, slug, o.id)}>
                      <button type="submit" className={buttonClass("ghost", "sm")} aria-label={`Delete ${what} on ${formatDate(o.date)}`}>
                        Delete
                      </button>
                    </form>
                  </li>
                );
              })}
            </ul>
          )}
          <OverrideForm key={member.id} practiceSlug={slug} memberId={member.id} locations={locations.map((l) => ({ id: l.id, name: l.name }))} />
        </Card>

        {manages ? (
          <Card>
            <h2 className="mb-1 text-lg font-semibold">Practice closures</h2>
            <p className="mb-4 text-sm text-muted">Holidays and other times the whole practice is closed.</p>
            {closures.length === 0 ? (
              <p className="mb-4 text-muted">No upcoming closures.</p>
            ) : (
              <ul className="mb-4 divide-y divide-line" aria-label="Upcoming closures">
                {closures.map((c) => {
                  const range = `${formatDateTimeMedium(c.startsAt, reader)} – ${formatDateTimeMedium(c.endsAt, reader)}`;
                  return (
                    <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <span>
                        <span className="font-medium">{range}</span>
                        {c.reason ? <span className="text-muted">: {c.reason}</span> : null}
                      </span>
                      <form action={deleteClosureAction.bind(null, slug, c.id)}>
                        <button type="submit" className={buttonClass("ghost", "sm")} aria-label={`Delete closure ${range}`}>
                          Delete
                        </button>
                      </form>
                    </li>
                  );
                })}
              </ul>
            )}
            <ClosureForm practiceSlug={slug} practiceTimeZone={scope.practice.timeZone} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
