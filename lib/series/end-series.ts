import { and, asc, eq, gte, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, appointmentSeries, services } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { cancel, isLateCancellation } from "@/lib/booking/lifecycle";
import { isUuid } from "@/lib/ids";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";

export type EndSeriesResult = { ok: true; cancelled: number; late: number } | { ok: false; message: string };

const NOT_HERE = "This session cannot end its series: it is not an upcoming confirmed session of a series.";

/**
 * "Cancel this and all later": this occurrence and every later confirmed one
 * of its series are cancelled through the lifecycle, one transaction, and the
 * series is marked ended (nothing is added to it again). Earlier ones,
 * attended or not, stay as they are. Each cancellation is the ordinary one:
 * inside the service's window it is a late cancellation (unless staff waive
 * the fee), and its email and policy (refund, credit, fee) follow from the
 * outbox, one per session, as when cancelling a single session.
 */
export async function cancelThisAndLater(
  input: { practiceId: string; appointmentId: string; actor: AuditActor; waiveFee?: boolean },
  now: Date,
): Promise<EndSeriesResult> {
  if (!isUuid(input.appointmentId)) return { ok: false, message: NOT_HERE };
  const result = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ seriesId: appointments.seriesId, startsAt: appointments.startsAt, status: appointments.status })
      .from(appointments)
      .where(and(eq(appointments.id, input.appointmentId), eq(appointments.practiceId, input.practiceId)));
    if (!current?.seriesId || current.status !== "confirmed") return null;
    const seriesId = current.seriesId;
    const later = await tx
      .select({ id: appointments.id, startsAt: appointments.startsAt, window: services.cancellationWindowHours })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .where(and(eq(appointments.practiceId, input.practiceId), eq(appointments.seriesId, seriesId), eq(appointments.status, "confirmed"), gte(appointments.startsAt, current.startsAt)))
      .orderBy(asc(appointments.startsAt))
      .for("update", { of: appointments });
    const cancelled: string[] = [];
    let lateCount = 0;
    for (const a of later) {
      const late = !input.waiveFee && isLateCancellation(a.startsAt, a.window, now);
      if (!(await cancel(tx, { practiceId: input.practiceId, appointmentId: a.id, late, now }))) continue;
      cancelled.push(a.id);
      if (late) lateCount++;
      await recordAudit(
        { practiceId: input.practiceId, actor: input.actor, action: "appointment.cancel", subjectType: "appointment", subjectId: a.id, detail: { late, seriesId } },
        tx,
      );
    }
    await tx
      .update(appointmentSeries)
      .set({ endedAt: now })
      .where(and(eq(appointmentSeries.id, seriesId), eq(appointmentSeries.practiceId, input.practiceId), isNull(appointmentSeries.endedAt)));
    await recordAudit(
      { practiceId: input.practiceId, actor: input.actor, action: "series.end", subjectType: "appointment_series", subjectId: seriesId, detail: { fromAppointmentId: input.appointmentId, cancelled } },
      tx,
    );
    return { cancelled, lateCount };
  });
  if (!result) return { ok: false, message: NOT_HERE };
  for (const id of result.cancelled) await runAppointmentEvents(now, { appointmentId: id });
  return { ok: true, cancelled: result.cancelled.length, late: result.lateCount };
}
