import { and, asc, eq, gte } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, appointmentSeries, type AppointmentStatus } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { isUuid } from "@/lib/ids";
import type { SeriesFrequency } from "./occurrences";

export interface SeriesPlace {
  seriesId: string;
  frequency: SeriesFrequency;
  /** The zone the series' wall time is kept in. */
  timeZone: string;
  /** 1-based place of this session among the series' booked sessions, in the rule's order. */
  position: number;
  total: number;
  endedAt: Date | null;
  /** Confirmed sessions from this one on (what "cancel this and all later" would cancel). */
  confirmedFromHere: number;
}

/**
 * Where a session sits in its series ("3 of 12"), for the appointment page;
 * null for a single session. Scoped to the signed-in practice. Ids, dates and
 * statuses only: nothing clinical.
 */
export async function seriesPlace(scope: Pick<PracticeScope, "practice">, appointmentId: string): Promise<SeriesPlace | null> {
  if (!isUuid(appointmentId)) return null;
  const [row] = await db
    .select({ seriesId: appointmentSeries.id, frequency: appointmentSeries.frequency, timeZone: appointmentSeries.timeZone, endedAt: appointmentSeries.endedAt })
    .from(appointments)
    .innerJoin(appointmentSeries, and(eq(appointmentSeries.id, appointments.seriesId), eq(appointmentSeries.practiceId, appointments.practiceId)))
    .where(and(eq(appointments.id, appointmentId), eq(appointments.practiceId, scope.practice.id)));
  if (!row) return null;
  const all: { id: string; startsAt: Date; status: AppointmentStatus }[] = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt, status: appointments.status })
    .from(appointments)
    .where(and(eq(appointments.practiceId, scope.practice.id), eq(appointments.seriesId, row.seriesId)))
    .orderBy(asc(appointments.seriesIndex));
  const here = all.findIndex((a) => a.id === appointmentId);
  const self = all[here]!;
  return {
    seriesId: row.seriesId,
    frequency: row.frequency,
    timeZone: row.timeZone,
    position: here + 1,
    total: all.length,
    endedAt: row.endedAt,
    confirmedFromHere: all.filter((a) => a.status === "confirmed" && a.startsAt >= self.startsAt).length,
  };
}

/**
 * An upcoming confirmed occurrence, its series and the confirmed sessions
 * from it on (it included), in order: what "move" and "change this and all
 * later" act on. Null when the session is not that (past, not confirmed,
 * another practice's, not in a series).
 */
export async function occurrencesFromHere(practiceId: string, appointmentId: string, now: Date) {
  if (!isUuid(appointmentId)) return null;
  const [current] = await db
    .select({ startsAt: appointments.startsAt, status: appointments.status, series: appointmentSeries })
    .from(appointments)
    .innerJoin(appointmentSeries, and(eq(appointmentSeries.id, appointments.seriesId), eq(appointmentSeries.practiceId, appointments.practiceId)))
    .where(and(eq(appointments.id, appointmentId), eq(appointments.practiceId, practiceId)));
  if (!current || current.status !== "confirmed" || current.startsAt <= now) return null;
  const later = await db
    .select({ id: appointments.id, startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(eq(appointments.practiceId, practiceId), eq(appointments.seriesId, current.series.id), eq(appointments.status, "confirmed"), gte(appointments.startsAt, current.startsAt)))
    .orderBy(asc(appointments.startsAt));
  return { startsAt: current.startsAt, series: current.series, later };
}
