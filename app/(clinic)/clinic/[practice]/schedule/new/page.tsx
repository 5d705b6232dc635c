import type { Metadata } from "next";
import Link from "next/link";
import { NewAppointmentForm } from "@/components/booking/schedule/new-appointment-form";
import { isUsPractice } from "@/lib/gfe/us";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { isIsoDate, todayIn, zoneLabel } from "@/lib/dates";
import { listServices } from "@/lib/booking/list-services";

export const metadata: Metadata = { title: "New appointment" };
export const dynamic = "force-dynamic";

export default async function NewAppointmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ practice: string }>;
  searchParams: Promise<{ date?: string | string[]; time?: string | string[]; clinician?: string | string[] }>;
}) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "schedule.book");
  const { date, time, clinician } = await searchParams;
  const now = new Date();
  const zone = scope.practice.timeZone;
  const today = todayIn(zone, now);
  const asked = Array.isArray(date) ? date[0] : date;
  const defaultDate = isIsoDate(asked) && asked >= today ? asked : today;
  // From an empty time on the schedule's grid: who and when, checked against what the form offers.
  const askedTime = Array.isArray(time) ? time[0] : time;
  const defaultTime = askedTime && /^([01]\d|2[0-3]):[0-5]\d$/.test(askedTime) ? askedTime : "";
  const askedClinician = Array.isArray(clinician) ? clinician[0] : clinician;
  const services = (await listServices(scope))
    .filter((row) => !row.service.archivedAt && row.clinicians.length > 0)
    .map(({ service, clinicians }) => ({
      id: service.id,
      name: service.name,
      durationMinutes: service.durationMinutes,
      attendance: service.attendance,
      format: service.format,
      clinicians: clinicians.map((c) => ({ id: c.memberId, name: c.displayName })),
    }));

  return (
    <>
      <PageHeader title="New appointment" description={`Times in ${zoneLabel(zone, now)}. The attendees get a confirmation email with a calendar file.`} />
      {services.length === 0 ? (
        <EmptyState title="No services to book">
          A service with at least one clinician is needed first.{" "}
          {can(scope.role, "settings.manage") ? (
            <Link href={`/clinic/${slug}/settings/services`} className="text-brand underline underline-offset-2">
              Set up services
            </Link>
          ) : (
            "Ask an owner or admin to set up services."
          )}
        </EmptyState>
      ) : (
        <Card>
          <NewAppointmentForm
            practiceSlug={slug}
            timeZone={zone}
            locale={scope.practice.locale}
            today={today}
            defaultDate={defaultDate}
            defaultTime={defaultTime}
            defaultClinicianId={services.some((s) => s.clinicians.some((c) => c.id === askedClinician)) ? askedClinician : undefined}
            services={services}
            asksInsurance={isUsPractice(scope.practice)}
          />
        </Card>
      )}
    </>
  );
}
