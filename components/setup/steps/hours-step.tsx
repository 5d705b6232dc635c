import Link from "next/link";
import { WeeklyHoursForm } from "@/components/booking/admin/weekly-hours-form";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { formatMinutes, timeZoneOptions } from "@/lib/booking/availability-schema";
import { findAvailabilityMember, listPracticeLocations, loadAvailability } from "@/lib/booking/manage-availability";

/** The person setting up: their own weekly hours, with the ordinary form; everyone else's on the availability page. */
export async function HoursStep({ scope }: { scope: PracticeScope }) {
  const slug = scope.practice.slug;
  const member = can(scope.role, "availability.own") ? await findAvailabilityMember(scope, null) : null;
  const others = (
    <p className="text-sm">
      <Link href={`/clinic/${slug}/settings/availability`} className="text-brand underline underline-offset-2">
        Hours for other team members, date changes and closures
      </Link>
    </p>
  );
  if (!member) return others;
  const [{ weekly }, locations] = await Promise.all([loadAvailability(scope, member, new Date()), listPracticeLocations(scope)]);
  return (
    <div className="space-y-4">
      <p className="text-sm text-muted">
        Times are in {member.timeZone}. &ldquo;Online/phone&rdquo; hours are for online and phone services; hours at a location are for in-person services.
      </p>
      <WeeklyHoursForm
        practiceSlug={slug}
        memberId={member.id}
        memberName={member.displayName}
        practiceTimeZone={scope.practice.timeZone}
        locations={locations.map((l) => ({ id: l.id, name: l.name }))}
        timeZones={timeZoneOptions()}
        defaults={{
          timeZone: member.ownTimeZone ?? "",
          rows: weekly.map((r) => ({ weekday: String(r.weekday), start: formatMinutes(r.startMinute), end: formatMinutes(r.endMinute), locationId: r.locationId ?? "" })),
        }}
      />
      {others}
    </div>
  );
}
