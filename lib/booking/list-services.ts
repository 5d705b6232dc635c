import { and, asc, eq, gt, gte, inArray, lt, lte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { availabilityOverrides, availabilityRules, closures, members, practices, serviceBilling, serviceClinicians, services, type Service } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { utcDate } from "@/lib/dates";
import type { DateOverride, Interval, WeeklyWindow } from "./slot-types";
import { rolesWith } from "@/lib/auth/roles";

const DAY = 86_400_000;

export interface ServiceListRow {
  service: Service;
  clinicians: { memberId: string; displayName: string }[];
  /** The service's booking-payment setting (billing's table, read here so the list stays two queries). */
  billing: { paymentMode: "none" | "full" | "deposit"; depositCents: number | null } | null;
}

/** The practice's services, active first, each with the names of who offers it. Two queries. */
export async function listServices(scope: Pick<PracticeScope, "practice">): Promise<ServiceListRow[]> {
  const joined = await db
    .select({ service: services, paymentMode: serviceBilling.paymentMode, depositCents: serviceBilling.depositCents })
    .from(services)
    .leftJoin(serviceBilling, eq(serviceBilling.serviceId, services.id))
    .where(eq(services.practiceId, scope.practice.id))
    .orderBy(asc(services.name), asc(services.id));
  if (joined.length === 0) return [];
  const rows = joined.map((j) => j.service);
  const links = await db
    .select({ serviceId: serviceClinicians.serviceId, memberId: members.id, displayName: members.displayName })
    .from(serviceClinicians)
    .innerJoin(members, eq(members.id, serviceClinicians.memberId))
    .where(
      and(
        eq(serviceClinicians.practiceId, scope.practice.id),
        inArray(
          serviceClinicians.serviceId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(members.displayName));
  const byService = new Map<string, ServiceListRow["clinicians"]>();
  for (const l of links) {
    const list = byService.get(l.serviceId) ?? [];
    list.push({ memberId: l.memberId, displayName: l.displayName });
    byService.set(l.serviceId, list);
  }
  return joined.map((j) => ({
    service: j.service,
    clinicians: byService.get(j.service.id) ?? [],
    billing: j.paymentMode ? { paymentMode: j.paymentMode, depositCents: j.depositCents } : null,
  }));
}

/** One of the practice's services with its clinicians' member ids, or null. */
export async function getService(scope: Pick<PracticeScope, "practice">, serviceId: string): Promise<{ service: Service; clinicianIds: string[] } | null> {
  if (!isUuid(serviceId)) return null;
  const [service] = await db
    .select()
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.practiceId, scope.practice.id)));
  if (!service) return null;
  const links = await db
    .select({ memberId: serviceClinicians.memberId })
    .from(serviceClinicians)
    .where(eq(serviceClinicians.serviceId, service.id));
  return { service, clinicianIds: links.map((l) => l.memberId) };
}

/** Members who can offer services (owners and clinicians), for the service form's checkboxes. */
export async function listClinicianOptions(scope: Pick<PracticeScope, "practice">) {
  return db
    .select({ id: members.id, displayName: members.displayName, credentials: members.credentials, role: members.role })
    .from(members)
    .where(and(eq(members.practiceId, scope.practice.id), inArray(members.role, rolesWith("sessions.take"))))
    .orderBy(asc(members.displayName), asc(members.id));
}

export interface BookingClinician {
  memberId: string;
  displayName: string;
  credentials: string | null;
  /** The member's own zone, or the practice's when they have none. */
  timeZone: string;
  videoUrl: string | null;
  weekly: WeeklyWindow[];
  overrides: DateOverride[];
}

export interface BookingRules {
  service: Service;
  practiceTimeZone: string;
  clinicians: BookingClinician[];
  /** Practice closures overlapping the loaded range, epoch ms. */
  closures: Interval[];
}

/**
 * Everything the slot engine needs for one service of a practice, in five
 * queries whatever the number of clinicians: the service, who offers it, their
 * weekly hours, their date overrides from yesterday to the end of the horizon
 * (plus a day, so every time zone's local dates are covered) and the
 * practice's closures over the same range.
 *
 * Hours are matched to the service's format: an in-person service uses only
 * hours at a location; online and phone services only hours without one
 * ("Online/phone"). "Unavailable" overrides always apply.
 *
 * Null: the id is malformed or the service is not this practice's. Archived
 * services are returned (with `archivedAt` set) so callers decide.
 */
export async function loadBookingRules(practiceId: string, serviceId: string, now: Date = new Date()): Promise<BookingRules | null> {
  if (!isUuid(practiceId) || !isUuid(serviceId)) return null;
  const [found] = await db
    .select({ service: services, practiceTimeZone: practices.timeZone })
    .from(services)
    .innerJoin(practices, eq(practices.id, services.practiceId))
    .where(and(eq(services.id, serviceId), eq(services.practiceId, practiceId)));
  if (!found) return null;
  const { service, practiceTimeZone } = found;

  const people = await db
    .select({
      memberId: members.id,
      displayName: members.displayName,
      credentials: members.credentials,
      timeZone: members.timeZone,
      videoUrl: members.videoUrl,
    })
    .from(serviceClinicians)
    .innerJoin(members, eq(members.id, serviceClinicians.memberId))
    .where(and(eq(serviceClinicians.serviceId, service.id), eq(serviceClinicians.practiceId, practiceId)))
    .orderBy(asc(members.displayName), asc(members.id));

  const fromMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - DAY;
  const toMs = fromMs + (service.horizonDays + 3) * DAY;
  const fromDate = utcDate(fromMs);
  const lastDate = utcDate(toMs - DAY);
  const memberIds = people.map((p) => p.memberId);

  const [weeklyRows, overrideRows, closureRows] = await Promise.all([
    memberIds.length === 0
      ? Promise.resolve([])
      : db
          .select()
          .from(availabilityRules)
          .where(and(eq(availabilityRules.practiceId, practiceId), inArray(availabilityRules.memberId, memberIds)))
          .orderBy(asc(availabilityRules.weekday), asc(availabilityRules.startMinute)),
    memberIds.length === 0
      ? Promise.resolve([])
      : db
          .select()
          .from(availabilityOverrides)
          .where(
            and(
              eq(availabilityOverrides.practiceId, practiceId),
              inArray(availabilityOverrides.memberId, memberIds),
              gte(availabilityOverrides.date, fromDate),
              lte(availabilityOverrides.date, lastDate),
            ),
          )
          .orderBy(asc(availabilityOverrides.date), sql`${availabilityOverrides.startMinute} asc nulls first`),
    db
      .select({ startsAt: closures.startsAt, endsAt: closures.endsAt })
      .from(closures)
      .where(and(eq(closures.practiceId, practiceId), lt(closures.startsAt, new Date(toMs)), gt(closures.endsAt, new Date(fromMs))))
      .orderBy(asc(closures.startsAt)),
  ]);

  const atLocation = service.format === "in_person";
  const fits = (locationId: string | null) => (locationId !== null) === atLocation;
  const clinicians = people.map<BookingClinician>((p) => ({
    memberId: p.memberId,
    displayName: p.displayName,
    credentials: p.credentials,
    timeZone: p.timeZone ?? practiceTimeZone,
    videoUrl: p.videoUrl,
    weekly: [],
    overrides: [],
  }));
  const byId = new Map(clinicians.map((c) => [c.memberId, c]));
  for (const r of weeklyRows) {
    if (!fits(r.locationId)) continue;
    byId.get(r.memberId)?.weekly.push({
      weekday: r.weekday,
      startMinute: r.startMinute,
      endMinute: r.endMinute,
      timeZone: r.timeZone,
      locationId: r.locationId,
    });
  }
  for (const o of overrideRows) {
    if (o.kind === "available" && !fits(o.locationId)) continue;
    byId.get(o.memberId)?.overrides.push({
      date: o.date,
      kind: o.kind,
      startMinute: o.startMinute,
      endMinute: o.endMinute,
      timeZone: o.timeZone,
      locationId: o.locationId,
    });
  }
  return {
    service,
    practiceTimeZone,
    clinicians,
    closures: closureRows.map((c) => ({ start: c.startsAt.getTime(), end: c.endsAt.getTime() })),
  };
}
