import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppointmentActions } from "@/components/booking/schedule/appointment-actions";
import { scheduleHref } from "@/components/booking/schedule/schedule-href";
import { StatusBadge } from "@/components/booking/schedule/status-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { AppointmentBilling } from "@/components/billing/appointment-billing";
import { DiagnosisForm } from "@/components/billing/diagnosis-form";
import { VisitCptForm } from "@/components/billing/visit-cpt-form";
import { readDiagnoses, readVisitCptLines } from "@/lib/billing/diagnoses";
import { formatCptLines, type CptLine } from "@/lib/billing/cpt-lines";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { STATUS_LABELS, isLateCancellation, type AppointmentStatus } from "@/lib/booking/lifecycle/transitions";
import { formatMoney } from "@/lib/money";
import { formatDate, formatDateTime, formatTime, localDate, practiceReader, todayIn, zoneLabel } from "@/lib/dates";
import { cancellationEffects, cancellationPreview } from "@/lib/billing/cancellation-policy";
import { appointmentFeeDue } from "@/lib/billing/fee-due";
import { FEE_LABELS } from "@/lib/billing/fees";
import { attendeeNames, openScheduleAppointment } from "@/lib/booking/list-schedule";
import { FORMAT_LABELS } from "@/lib/booking/service-labels";
import { AttendeeForms } from "@/components/intake/attendee-forms";
import { appointmentFormStatus } from "@/lib/intake/staff-forms";
import { SessionNoteSection } from "@/components/notes/session-note-section";
import { DateTime } from "luxon";
import { ChangeSeriesForm } from "@/components/series/change-series-form";
import { MoveSeriesForm } from "@/components/series/move-series-form";
import { SeriesActions } from "@/components/series/series-actions";
import { emailedLine } from "@/lib/booking/emailed-line";
import { SERIES_WORDS } from "@/lib/series/series-schema";
import { seriesPlace } from "@/lib/series/read-series";

export const metadata: Metadata = { title: "Appointment" };

const FINAL: readonly AppointmentStatus[] = ["completed", "cancelled", "late_cancelled", "no_show", "expired"];
export const dynamic = "force-dynamic";

export default async function AppointmentPage({ params }: { params: Promise<{ practice: string; appointmentId: string }> }) {
  const { practice: slug, appointmentId } = await params;
  const scope = await requireMember(slug, "schedule.view");
  const a = await openScheduleAppointment(scope, appointmentId);
  if (!a) notFound();
  const policy = {
    lateCancelFeeCents: a.service.lateCancelFeeCents,
    noShowFeeCents: a.service.noShowFeeCents,
    currency: a.currency,
  };
  const [formStatus, cancelPreview, feeDue, series] = await Promise.all([
    appointmentFormStatus(scope, a.id),
    a.status === "confirmed" ? cancellationPreview(scope.practice.id, a.id) : null,
    appointmentFeeDue(scope.practice.id, a.id, a.status, policy),
    seriesPlace(scope, a.id),
  ]);
  const now = new Date();
  const zone = scope.practice.timeZone;
  const reader = practiceReader(scope.practice);
  const money = (cents: number, currency: string) => formatMoney(cents, currency, reader.locale ?? undefined);
  const date = localDate(a.startsAt, zone);
  const started = a.startsAt <= now;
  const clinician = a.clinician.credentials ? `${a.clinician.displayName}, ${a.clinician.credentials}` : a.clinician.displayName;
  const rows: [string, ReactNode][] = [
    ["When", `${formatDate(a.startsAt, reader)}, ${formatTime(a.startsAt, reader)} – ${formatTime(a.endsAt, reader)}`],
    ["Time zone", zoneLabel(zone, a.startsAt)],
    [
      a.attendees.length === 2 ? "Couple" : "Client",
      a.attendees.length === 0 ? (
        "No attendees yet"
      ) : (
        <span className="flex flex-wrap gap-x-1">
          {a.attendees.map((p, i) => (
            <span key={p.clientId}>
              <Link href={`/clinic/${slug}/clients/${p.clientId}`} className="text-brand underline underline-offset-2">
                {p.firstName} {p.lastName}
              </Link>
              {p.unverified ? <span className="text-sm text-warn"> (unverified email)</span> : null}
              {i < a.attendees.length - 1 ? " &" : ""}
            </span>
          ))}
        </span>
      ),
    ],
    ...(formStatus.some((f) => f.required > 0) ? [["Forms", <AttendeeForms key="forms" slug={slug} status={formStatus} />] as [string, ReactNode]] : []),
    ["Clinician", clinician],
    ["Where", a.location ? `${a.location.name}, ${a.location.address}` : FORMAT_LABELS[a.format]],
    ["Duration", `${a.service.durationMinutes} min`],
    ["Price", a.priceCents > 0 ? money(a.priceCents, a.currency) : "Free"],
    ...(series
      ? [["Series", `Part of ${SERIES_WORDS[series.frequency]} (${series.position} of ${series.total})${series.endedAt ? ", ended" : ""}`] as [string, ReactNode]]
      : []),
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={scheduleHref(slug, { view: "week", date })} className="text-brand underline underline-offset-2">
          Back to the week
        </Link>
      </p>
      <PageHeader title={a.service.name} description={<StatusBadge status={a.status} />} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="sr-only">Details of the session with {attendeeNames(a.attendees)}</h2>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[8rem_1fr]">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-sm text-muted">{label}</dt>
                <dd className="break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <AppointmentActions
            practiceSlug={slug}
            appointmentId={a.id}
            timeZone={zone}
            locale={scope.practice.locale}
            today={todayIn(zone, now)}
            appointmentDate={date}
            canChange={a.status === "confirmed" && !started}
            canRecordOutcome={a.status === "confirmed" && started}
            lateNow={isLateCancellation(a.startsAt, a.service.cancellationWindowHours, now)}
            windowHours={a.service.cancellationWindowHours}
            lateFee={a.service.lateCancelFeeCents > 0 ? money(a.service.lateCancelFeeCents, a.currency) : null}
            when={formatDateTime(a.startsAt, reader)}
            emailed={a.attendees.filter((p) => p.email).map((p) => `${p.firstName} ${p.lastName}`)}
            cancelEffects={
              cancelPreview
                ? {
                    inTime: cancellationEffects(cancelPreview, false),
                    late: cancellationEffects(cancelPreview, true),
                  }
                : { inTime: [], late: [] }
            }
            noShowFee={a.service.noShowFeeCents > 0 ? money(a.service.noShowFeeCents, a.currency) : null}
          />
          {series ? (
            <SeriesActions
              practiceSlug={slug}
              appointmentId={a.id}
              canEnd={a.status === "confirmed" && !started && series.confirmedFromHere > 0}
              sessions={series.confirmedFromHere}
              lateNow={isLateCancellation(a.startsAt, a.service.cancellationWindowHours, now)}
              windowHours={a.service.cancellationWindowHours}
              canWaive={can(scope.role, "fees.waive")}
              emailedLine={emailedLine(a.attendees.filter((p) => p.email).map((p) => `${p.firstName} ${p.lastName}`), "for each cancelled session")}
            />
          ) : null}
          {series && a.status === "confirmed" && !started && series.confirmedFromHere > 0 ? (
            <>
              <MoveSeriesForm practiceSlug={slug} appointmentId={a.id} sessions={series.confirmedFromHere} currentTime={DateTime.fromJSDate(a.startsAt, { zone: series.timeZone }).toFormat("HH:mm")} />
              <ChangeSeriesForm
                practiceSlug={slug}
                appointmentId={a.id}
                sessions={series.confirmedFromHere}
                current={{ date: DateTime.fromJSDate(a.startsAt, { zone: series.timeZone }).toISODate()!, time: DateTime.fromJSDate(a.startsAt, { zone: series.timeZone }).toFormat("HH:mm"), frequency: series.frequency }}
              />
            </>
          ) : null}
          {feeDue ? (
            // Never "no longer be moved or cancelled" alone while a fee can still be charged (issue 11, problem 7).
            <p className="text-sm text-muted">
              This session is {STATUS_LABELS[a.status].toLowerCase()}. The {FEE_LABELS[feeDue.kind].toLowerCase()} ({money(feeDue.amountCents, feeDue.currency)}) is not paid yet
              {can(scope.role, "billing.read") ? ": charge it under Payments." : ": someone with billing access can charge it."}
            </p>
          ) : FINAL.includes(a.status) ? (
            <p className="text-sm text-muted">This session is {STATUS_LABELS[a.status].toLowerCase()}: it can no longer be moved or cancelled.</p>
          ) : a.status !== "confirmed" ? (
            <p className="text-sm text-muted">This booking is not confirmed yet ({STATUS_LABELS[a.status].toLowerCase()}).</p>
          ) : null}
        </Card>
        <SessionNoteSection scope={scope} appointment={{ id: a.id, memberId: a.clinician.memberId, status: a.status, attendees: a.attendees.length }} />
        {can(scope.role, "clinical.read") ? (
          <Card>
            <h2 className="mb-2 text-lg font-semibold">For superbills</h2>
            <div className="space-y-4">
              <VisitCptForm practiceSlug={slug} appointmentId={a.id} {...visitCpt(await readVisitCptLines(scope, a.id))} />
              <DiagnosisForm practiceSlug={slug} practiceKind={scope.practice.kind} appointmentId={a.id} codes={await readDiagnoses(scope, a.id)} />
            </div>
          </Card>
        ) : null}
        {can(scope.role, "billing.read") ? (
          <AppointmentBilling
            practiceSlug={slug}
            practiceId={scope.practice.id}
            appointmentId={a.id}
            status={a.status}
            attendeeIds={a.attendees.map((p) => p.clientId)}
            fees={policy}
            when={formatDateTime(a.startsAt, reader)}
          />
        ) : null}
      </div>
    </>
  );
}

function visitCpt(v: { lines: CptLine[]; fromService: boolean }): { text: string; fromService: boolean } {
  return { text: formatCptLines(v.lines), fromService: v.fromService && v.lines.length > 0 };
}
