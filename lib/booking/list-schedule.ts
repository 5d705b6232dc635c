import { and, asc, eq, gt, gte, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, availabilityRules, clients, locations, members, services } from "@/db/schema";
import type { AppointmentStatus, ServiceFormat } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { LIVE_STATUSES } from "./lifecycle/transitions";
import { loadAppointmentView, type AppointmentView } from "./load-appointment";
import { rolesWith } from "@/lib/auth/roles";
import { isIsoDate, localDate, todayIn } from "@/lib/dates";
import type { WeeklyHours } from "./schedule-grid";

/**
 * The clinic's schedule: a practice's appointments for a day or a week, the
 * range computed in the practice's time zone (luxon), so a week always runs
 * from local Monday 00:00 to the next local Monday 00:00, whatever daylight
 * saving does in between. Every query is scoped by the signed-in practice.
 */

export type ScheduleView = "day" | "week" | "month";

export interface ScheduleRange {
  view: ScheduleView;
  /** The date the view was asked for (YYYY-MM-DD, practice zone). */
  date: string;
  /** First instant shown (local midnight) and the instant after the last. */
  from: Date;
  to: Date;
  /** Each local date shown, in order (a month: whole weeks, Monday first, around the month). */
  days: string[];
  /** The dates the previous and next buttons open. */
  previous: string;
  next: string;
}

/** The day, the ISO week (Monday first) or the month holding `date`, in `timeZone`. Pure. */
export function scheduleRange(view: ScheduleView, date: string, timeZone: string): ScheduleRange {
  const anchor = DateTime.fromISO(date, { zone: timeZone }).startOf("day");
  if (!anchor.isValid) throw new Error(`scheduleRange: invalid date or zone (${date}, ${timeZone})`);
  if (view === "month") {
    const month = anchor.startOf("month");
    const start = month.startOf("week");
    const end = month.plus({ months: 1 }).minus({ days: 1 }).startOf("week").plus({ weeks: 1 });
    const count = Math.round(end.diff(start, "days").days);
    return {
      view,
      date: anchor.toISODate()!,
      from: start.toJSDate(),
      to: end.toJSDate(),
      days: Array.from({ length: count }, (_, i) => start.plus({ days: i }).toISODate()!),
      previous: month.minus({ months: 1 }).toISODate()!,
      next: month.plus({ months: 1 }).toISODate()!,
    };
  }
  const start = view === "week" ? anchor.startOf("week") : anchor;
  const step = view === "week" ? { weeks: 1 } : { days: 1 };
  const end = start.plus(step);
  const count = view === "week" ? 7 : 1;
  return {
    view,
    date: anchor.toISODate()!,
    from: start.toJSDate(),
    to: end.toJSDate(),
    days: Array.from({ length: count }, (_, i) => start.plus({ days: i }).toISODate()!),
    previous: start.minus(step).toISODate()!,
    next: end.toISODate()!,
  };
}

export interface ScheduleOptions {
  clinicians: { id: string; displayName: string }[];
  locations: { id: string; name: string }[];
}

/** Who and where the schedule can be filtered by: the practice's clinicians and locations. Two queries. */
export async function listScheduleOptions(scope: Pick<PracticeScope, "practice">): Promise<ScheduleOptions> {
  const [clinicians, places] = await Promise.all([
    db
      .select({ id: members.id, displayName: members.displayName })
      .from(members)
      .where(and(eq(members.practiceId, scope.practice.id), inArray(members.role, rolesWith("sessions.take")), isNotNull(members.joinedAt)))
      .orderBy(asc(members.displayName), asc(members.id)),
    db
      .select({ id: locations.id, name: locations.name })
      .from(locations)
      .where(eq(locations.practiceId, scope.practice.id))
      .orderBy(asc(locations.name), asc(locations.id)),
  ]);
  return { clinicians, locations: places };
}

/** Each clinician's weekly hours (for the grid's shown hours and its shading), one query. */
export async function listWorkingHours(scope: Pick<PracticeScope, "practice">, memberIds: readonly string[]): Promise<Map<string, WeeklyHours[]>> {
  const byMember = new Map<string, WeeklyHours[]>(memberIds.map((id) => [id, []]));
  if (memberIds.length === 0) return byMember;
  const rows = await db
    .select({
      memberId: availabilityRules.memberId,
      weekday: availabilityRules.weekday,
      startMinute: availabilityRules.startMinute,
      endMinute: availabilityRules.endMinute,
      timeZone: availabilityRules.timeZone,
    })
    .from(availabilityRules)
    .where(and(eq(availabilityRules.practiceId, scope.practice.id), inArray(availabilityRules.memberId, [...memberIds])));
  for (const { memberId, ...hours } of rows) byMember.get(memberId)?.push(hours);
  return byMember;
}

export interface ScheduleFilters {
  range: ScheduleRange;
  /** Null: every clinician. */
  memberId: string | null;
  /** Null: every location (and online sessions). */
  locationId: string | null;
  includeCancelled: boolean;
}

export interface ScheduleParams {
  view?: string | string[];
  date?: string | string[];
  member?: string | string[];
  location?: string | string[];
  cancelled?: string | string[];
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The schedule's URL query (`view=day|week|month&date=YYYY-MM-DD&member=<id|all>&
 * location=<id|all>&cancelled=1`) as filters. Anything unknown falls back to
 * the default: the week of today; for a clinician their own calendar, for
 * everyone else all clinicians; all locations; live sessions only.
 */
export function resolveScheduleFilters(
  scope: Pick<PracticeScope, "practice" | "role" | "memberId">,
  params: ScheduleParams,
  now: Date,
  options: ScheduleOptions,
): ScheduleFilters {
  const zone = scope.practice.timeZone;
  const asked = one(params.view);
  const view: ScheduleView = asked === "day" || asked === "month" ? asked : "week";
  const rawDate = one(params.date);
  const date = isIsoDate(rawDate) ? rawDate : todayIn(zone, now);
  const rawMember = one(params.member);
  const ownDefault = scope.role === "clinician" && options.clinicians.some((c) => c.id === scope.memberId) ? scope.memberId : null;
  const memberId =
    rawMember === "all" ? null : rawMember && options.clinicians.some((c) => c.id === rawMember) ? rawMember : ownDefault;
  const rawLocation = one(params.location);
  const locationId = rawLocation && options.locations.some((l) => l.id === rawLocation) ? rawLocation : null;
  return { range: scheduleRange(view, date, zone), memberId, locationId, includeCancelled: one(params.cancelled) === "1" };
}

export interface ScheduleAttendee {
  clientId: string;
  firstName: string;
  lastName: string;
}

export interface ScheduleItem {
  id: string;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  format: ServiceFormat;
  coupleId: string | null;
  /** One occurrence of a recurring series (lib/series): the week view marks it. */
  seriesId: string | null;
  bookedByStaff: boolean;
  service: { id: string; name: string };
  clinician: { memberId: string; displayName: string };
  location: { id: string; name: string } | null;
  attendees: ScheduleAttendee[];
}

const CANCELLED: readonly AppointmentStatus[] = ["cancelled", "late_cancelled"];

/**
 * The practice's appointments starting in [from, to), with service,
 * clinician, location and attendees' names, in two queries whatever the
 * count. Live sessions (lapsed holds left out); cancelled ones too on request.
 */
export async function listSchedule(
  scope: Pick<PracticeScope, "practice">,
  filters: { from: Date; to: Date; memberId?: string | null; locationId?: string | null; includeCancelled?: boolean },
  now: Date,
): Promise<ScheduleItem[]> {
  const statuses = filters.includeCancelled ? [...LIVE_STATUSES, ...CANCELLED] : [...LIVE_STATUSES];
  if (filters.memberId && !isUuid(filters.memberId)) return [];
  if (filters.locationId && !isUuid(filters.locationId)) return [];
  const rows = await db
    .select({
      id: appointments.id,
      status: appointments.status,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      format: appointments.format,
      coupleId: appointments.coupleId,
      seriesId: appointments.seriesId,
      bookedByStaff: appointments.bookedByStaff,
      serviceId: services.id,
      serviceName: services.name,
      memberId: members.id,
      memberName: members.displayName,
      locationId: locations.id,
      locationName: locations.name,
    })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(members, eq(members.id, appointments.memberId))
    .leftJoin(locations, eq(locations.id, appointments.locationId))
    .where(
      and(
        eq(appointments.practiceId, scope.practice.id),
        gte(appointments.startsAt, filters.from),
        lt(appointments.startsAt, filters.to),
        inArray(appointments.status, statuses),
        // A hold past its expiry is nobody's session, even before the sweep job runs.
        or(sql`${appointments.status} <> 'held'`, gt(appointments.holdExpiresAt, now)),
        filters.memberId ? eq(appointments.memberId, filters.memberId) : undefined,
        filters.locationId ? eq(appointments.locationId, filters.locationId) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(members.displayName), asc(appointments.id));
  if (rows.length === 0) return [];
  const people = await db
    .select({
      appointmentId: appointmentAttendees.appointmentId,
      clientId: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
    })
    .from(appointmentAttendees)
    .innerJoin(clients, eq(clients.id, appointmentAttendees.clientId))
    .where(
      and(
        eq(appointmentAttendees.practiceId, scope.practice.id),
        inArray(
          appointmentAttendees.appointmentId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(clients.lastName), asc(clients.firstName), asc(clients.id));
  const byAppointment = new Map<string, ScheduleAttendee[]>();
  for (const { appointmentId, ...person } of people) {
    const list = byAppointment.get(appointmentId) ?? [];
    list.push(person);
    byAppointment.set(appointmentId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    format: r.format,
    coupleId: r.coupleId,
    seriesId: r.seriesId,
    bookedByStaff: r.bookedByStaff,
    service: { id: r.serviceId, name: r.serviceName },
    clinician: { memberId: r.memberId, displayName: r.memberName },
    location: r.locationId ? { id: r.locationId, name: r.locationName! } : null,
    attendees: byAppointment.get(r.id) ?? [],
  }));
}

/** Attendees as one line: "Noor Haddad", or a couple as "Noor Haddad & Sam Lee". */
export function attendeeNames(attendees: readonly { firstName: string; lastName: string }[]): string {
  if (attendees.length === 0) return "No attendees yet";
  return attendees.map((a) => `${a.firstName} ${a.lastName}`).join(" & ");
}

/** Appointments grouped by local start date in `timeZone`, one entry per day of the range (empty days included). */
export function groupByDay<T extends { startsAt: Date }>(items: readonly T[], days: readonly string[], timeZone: string): [string, T[]][] {
  const grouped = new Map<string, T[]>(days.map((d) => [d, []]));
  for (const item of items) grouped.get(localDate(item.startsAt, timeZone))?.push(item);
  return [...grouped.entries()];
}

/**
 * One appointment of the practice for its detail page, or null for an id
 * outside the practice. Every staff read is audited (ids only).
 */
export async function openScheduleAppointment(scope: PracticeScope, appointmentId: string): Promise<AppointmentView | null> {
  if (!isUuid(appointmentId)) return null;
  const view = await loadAppointmentView(appointmentId, { practiceId: scope.practice.id });
  if (!view) return null;
  await recordAudit(byMember(scope, "appointment.read", { type: "appointment", id: view.id }));
  return view;
}
