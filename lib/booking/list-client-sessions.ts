import { and, asc, desc, eq, gt, inArray, lte, or } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, locations, members, services } from "@/db/schema";
import type { AppointmentStatus, Client, ServiceFormat } from "@/db/schema";
import { joinState, type JoinState } from "@/lib/video/join-window";
import { createManageToken, manageTokenExpiry } from "./manage-token";

/** What a client sees of their sessions: no clinical detail, no other client's names. */
export interface ClientSession {
  id: string;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  format: ServiceFormat;
  /** A couple session: the client's partner attends too. */
  together: boolean;
  serviceName: string;
  clinicianName: string;
  locationName: string | null;
  /** `/manage/<token>` for this client, on upcoming confirmed sessions only. */
  manageHref: string | null;
  /** The join button at `now`: open from 15 minutes before the start, for confirmed online sessions with a link only. */
  join: JoinState;
  /** The zone this client booked it in (null: the practice's): lib/dates readerZone. */
  timeZone: string | null;
}

/** Sessions a client can see: booked ones (not holds in progress or lapsed holds). */
const VISIBLE: readonly AppointmentStatus[] = ["pending_payment", "confirmed", "completed", "cancelled", "late_cancelled", "no_show"];
/** Still to come: only these are "upcoming"; a cancelled, late-cancelled, no-show or completed session is never (issue 11, problem 11). */
const STILL_ON: readonly AppointmentStatus[] = ["pending_payment", "confirmed"];
const OVER: readonly AppointmentStatus[] = VISIBLE.filter((s) => !STILL_ON.includes(s));
export const PAST_SESSIONS_LIMIT = 20;

/**
 * The signed-in client's own sessions, found through `appointment_attendees`
 * for that client only: a partner sees a shared couple session because they
 * are an attendee of it, never another client's. Upcoming (confirmed or
 * awaiting payment, not yet ended) soonest first; `past` holds the ended ones
 * and every cancelled, late-cancelled or no-show one (even if its time is
 * still ahead), most recent first. Two queries.
 */
export async function listClientSessions(
  client: Pick<Client, "id" | "practiceId">,
  now: Date,
): Promise<{ upcoming: ClientSession[]; past: ClientSession[] }> {
  const columns = {
    id: appointments.id,
    status: appointments.status,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    format: appointments.format,
    videoUrl: appointments.videoUrl,
    coupleId: appointments.coupleId,
    serviceName: services.name,
    clinicianName: members.displayName,
    credentials: members.credentials,
    locationName: locations.name,
    readerZone: appointmentAttendees.timeZone,
  };
  const base = () =>
    db
      .select(columns)
      .from(appointmentAttendees)
      .innerJoin(
        appointments,
        and(eq(appointments.id, appointmentAttendees.appointmentId), eq(appointments.practiceId, appointmentAttendees.practiceId)),
      )
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .innerJoin(members, eq(members.id, appointments.memberId))
      .leftJoin(locations, eq(locations.id, appointments.locationId));
  const mine = and(
    eq(appointmentAttendees.clientId, client.id),
    eq(appointmentAttendees.practiceId, client.practiceId),
    inArray(appointments.status, [...VISIBLE]),
  );
  const [upcoming, past] = await Promise.all([
    base()
      .where(and(mine, gt(appointments.endsAt, now), inArray(appointments.status, [...STILL_ON])))
      .orderBy(asc(appointments.startsAt), asc(appointments.id)),
    base()
      .where(and(mine, or(lte(appointments.endsAt, now), inArray(appointments.status, [...OVER]))))
      .orderBy(desc(appointments.startsAt), desc(appointments.id))
      .limit(PAST_SESSIONS_LIMIT),
  ]);
  const toSession = (r: (typeof upcoming)[number]): ClientSession => ({
    id: r.id,
    status: r.status,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    format: r.format,
    together: r.coupleId !== null,
    serviceName: r.serviceName,
    clinicianName: r.credentials ? `${r.clinicianName}, ${r.credentials}` : r.clinicianName,
    locationName: r.locationName,
    manageHref:
      r.status === "confirmed" && r.startsAt > now
        ? `/manage/${createManageToken({ appointmentId: r.id, clientId: client.id, expiresAt: manageTokenExpiry(r.endsAt) })}`
        : null,
    join: joinState(r, now),
    timeZone: r.readerZone,
  });
  return { upcoming: upcoming.map(toSession), past: past.map(toSession) };
}
