import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, clients, members, services } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { noteStates, type NoteState } from "./notes";

/** How far back the home and the schedule look for sessions without a signed note. */
export const NOTES_DUE_DAYS = 30;
const HOUR_MS = 3_600_000;

/**
 * A session's note is overdue once the practice's limit (practices.note_sign_hours,
 * default 72) has passed since the session ended and it is still not signed. Pure.
 */
export function isNoteOverdue(endsAt: Date, signHours: number, now: Date): boolean {
  return now.getTime() - endsAt.getTime() > signHours * HOUR_MS;
}

export interface NoteDue {
  appointmentId: string;
  startsAt: Date;
  endsAt: Date;
  serviceName: string;
  memberId: string;
  clinicianName: string;
  attendees: string;
  state: Exclude<NoteState, "signed">;
  overdue: boolean;
}

/**
 * Sessions held in the last NOTES_DUE_DAYS (ended by `now`, completed or
 * still confirmed) whose record note is missing or unsigned, oldest first.
 * `memberId` narrows it to one clinician's sessions. Names and states only:
 * nothing of any note's content, so the front desk may see it too.
 */
export async function notesDue(scope: Pick<PracticeScope, "practice">, now: Date, options: { memberId?: string } = {}): Promise<NoteDue[]> {
  const practiceId = scope.practice.id;
  const since = new Date(now.getTime() - NOTES_DUE_DAYS * 24 * HOUR_MS);
  const rows = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt, endsAt: appointments.endsAt, memberId: appointments.memberId, serviceName: services.name, clinicianName: members.displayName })
    .from(appointments)
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(members, eq(members.id, appointments.memberId))
    .where(
      and(
        eq(appointments.practiceId, practiceId),
        inArray(appointments.status, ["confirmed", "completed"]),
        gte(appointments.startsAt, since),
        lte(appointments.endsAt, now),
        options.memberId ? eq(appointments.memberId, options.memberId) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const states = await noteStates(practiceId, ids);
  const people = await db
    .select({ appointmentId: appointmentAttendees.appointmentId, firstName: clients.firstName, preferredName: clients.preferredName, lastName: clients.lastName })
    .from(appointmentAttendees)
    .innerJoin(clients, eq(clients.id, appointmentAttendees.clientId))
    .where(and(eq(appointmentAttendees.practiceId, practiceId), inArray(appointmentAttendees.appointmentId, ids)))
    .orderBy(asc(appointmentAttendees.createdAt));
  return rows.flatMap((r) => {
    const state = states.get(r.id) ?? "missing";
    if (state === "signed") return [];
    const names = people.filter((p) => p.appointmentId === r.id).map((p) => `${p.preferredName ?? p.firstName} ${p.lastName}`);
    return [
      {
        appointmentId: r.id,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        serviceName: r.serviceName,
        memberId: r.memberId,
        clinicianName: r.clinicianName,
        attendees: names.join(" & "),
        state,
        overdue: isNoteOverdue(r.endsAt, scope.practice.noteSignHours, now),
      },
    ];
  });
}
