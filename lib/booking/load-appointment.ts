import { and, asc, eq, inArray } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { appointmentAttendees, appointments, clients, locations, members, practices, services, users } from "@/db/schema";
import type { AppointmentStatus, ServiceFormat } from "@/db/schema";

export interface AppointmentView {
  id: string;
  practiceId: string;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  format: ServiceFormat;
  coupleId: string | null;
  priceCents: number;
  currency: string;
  /** An online session's join link, as booked (lib/video/join-link.ts). */
  videoUrl: string | null;
  practice: { name: string; slug: string; timeZone: string; locale: string; email: string | null };
  service: { id: string; name: string; durationMinutes: number; cancellationWindowHours: number; lateCancelFeeCents: number; noShowFeeCents: number; attendance: string };
  clinician: { memberId: string; displayName: string; credentials: string | null; videoUrl: string | null; email: string };
  location: { name: string; address: string; timeZone: string } | null;
  /** `unverified`: a record a public booking made from a typed address nobody has proven yet. */
  /** `timeZone`: the zone they booked in (null: the practice's); lib/dates readerZone picks. */
  attendees: { clientId: string; firstName: string; lastName: string; email: string | null; userId: string | null; unverified: boolean; timeZone: string | null }[];
}

/**
 * Appointments with everything a page or an email needs, in two queries
 * whatever the count. Scope by `practiceId` when the caller is staff.
 */
export async function loadAppointmentViews(ids: string[], options: { practiceId?: string; tx?: DbOrTx } = {}): Promise<AppointmentView[]> {
  if (ids.length === 0) return [];
  const q = options.tx ?? db;
  const rows = await q
    .select({
      a: appointments,
      practice: { name: practices.name, slug: practices.slug, timeZone: practices.timeZone, locale: practices.locale, email: practices.email },
      service: {
        id: services.id,
        name: services.name,
        durationMinutes: services.durationMinutes,
        cancellationWindowHours: services.cancellationWindowHours,
        lateCancelFeeCents: services.lateCancelFeeCents,
        noShowFeeCents: services.noShowFeeCents,
        attendance: services.attendance,
      },
      clinician: { memberId: members.id, displayName: members.displayName, credentials: members.credentials, videoUrl: members.videoUrl, email: users.email },
      location: locations,
    })
    .from(appointments)
    .innerJoin(practices, eq(practices.id, appointments.practiceId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(members, eq(members.id, appointments.memberId))
    .innerJoin(users, eq(users.id, members.userId))
    .leftJoin(locations, eq(locations.id, appointments.locationId))
    .where(and(inArray(appointments.id, ids), options.practiceId ? eq(appointments.practiceId, options.practiceId) : undefined))
    .orderBy(asc(appointments.startsAt));
  const people = await q
    .select({
      appointmentId: appointmentAttendees.appointmentId,
      clientId: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      email: clients.email,
      userId: clients.userId,
      unverifiedSince: clients.unverifiedSince,
      timeZone: appointmentAttendees.timeZone,
    })
    .from(appointmentAttendees)
    .innerJoin(clients, eq(clients.id, appointmentAttendees.clientId))
    .where(inArray(appointmentAttendees.appointmentId, rows.map((r) => r.a.id)))
    .orderBy(asc(clients.lastName), asc(clients.firstName));
  return rows.map(({ a, practice, service, clinician, location }) => ({
    id: a.id,
    practiceId: a.practiceId,
    status: a.status,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    sequence: a.sequence,
    format: a.format,
    coupleId: a.coupleId,
    priceCents: a.priceCents,
    currency: a.currency,
    videoUrl: a.videoUrl,
    practice,
    service,
    clinician,
    location: location
      ? {
          name: location.name,
          timeZone: location.timeZone,
          address: [location.addressLine1, location.addressLine2, location.city, location.region, location.postalCode].filter(Boolean).join(", "),
        }
      : null,
    attendees: people.filter((p) => p.appointmentId === a.id).map((p) => ({ clientId: p.clientId, firstName: p.firstName, lastName: p.lastName, email: p.email, userId: p.userId, unverified: p.unverifiedSince !== null, timeZone: p.timeZone })),
  }));
}

export async function loadAppointmentView(id: string, options: { practiceId?: string; tx?: DbOrTx } = {}): Promise<AppointmentView | null> {
  return (await loadAppointmentViews([id], options))[0] ?? null;
}
