import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentSeries } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { loadBookingRules } from "@/lib/booking/list-services";
import { reschedule } from "@/lib/booking/lifecycle";
import { localDate } from "@/lib/dates";
import { pgError } from "@/lib/db/pg-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { checkMoves } from "./check-times";
import { occurrencesFromHere } from "./read-series";
import { wallTimeToInstant } from "./occurrences";
import { moveSeriesSchema } from "./series-schema";

export type MoveSeriesResult = { ok: true; moved: number } | { ok: false; errors: FieldErrors };

const NOT_HERE = "This session cannot move its series: it is not an upcoming confirmed session of a series.";

/**
 * "Move this and all later" to a new local start time (decision 0054,
 * addendum): this occurrence and every later confirmed one keep their dates
 * and take the new wall time in the series' zone, so 10:00 stays 10:00
 * across a DST change. Every new time is checked first by the series' slot
 * check (hours, closures, other sessions; where the moved sessions are now
 * does not count): if any cannot move, nothing moves and the answer names
 * each date and why. Otherwise all move in one transaction through the
 * lifecycle (the exclusion constraint has the last word), each with its own
 * "moved" email from the outbox, and the series' rule takes the new time.
 */
export async function moveThisAndLater(scope: PracticeScope, appointmentId: string, input: unknown, now: Date): Promise<MoveSeriesResult> {
  const parsed = moveSeriesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { time } = parsed.data;
  const practiceId = scope.practice.id;
  const current = await occurrencesFromHere(practiceId, appointmentId, now);
  if (!current) return fieldError("form", NOT_HERE);
  const { series, later } = current;
  const rules = await loadBookingRules(practiceId, series.serviceId, now);
  if (!rules) return fieldError("form", "This series' service is no longer offered.");
  const targets = later.map((a) => ({ ...a, date: localDate(a.startsAt, series.timeZone), start: wallTimeToInstant(localDate(a.startsAt, series.timeZone), time, series.timeZone).start }));
  if (targets.every((t) => t.start === t.startsAt.getTime())) return fieldError("time", "The sessions already start at that time");

  const { slots, conflicts } = await checkMoves({ practiceId, rules, clinicianId: series.memberId, locale: scope.practice.locale, now, targets });
  if (conflicts.length > 0) {
    const n = conflicts.length === 1 ? "1 session" : `${conflicts.length} sessions`;
    return fieldError("time", `${n} cannot move to ${time}, so nothing was moved. ${conflicts.join("; ")}. Move those one by one first, or choose another time.`);
  }
  try {
    await db.transaction(async (tx) => {
      for (const s of slots) {
        const moved = await reschedule(tx, { practiceId, appointmentId: s.id, now, slot: s.slot, service: rules.service, previousStartsAt: s.previousStartsAt });
        // A session cancelled since it was read: nothing moves.
        if (!moved) throw new SeriesChanged();
      }
      await tx.update(appointmentSeries).set({ localTime: time }).where(and(eq(appointmentSeries.id, series.id), eq(appointmentSeries.practiceId, practiceId)));
      await recordAudit(byMember(scope, "series.move", { type: "appointment_series", id: series.id }, { fromAppointmentId: appointmentId, time, appointmentIds: slots.map((s) => s.id) }), tx);
    });
  } catch (error) {
    // 23P01: someone took one of the times since the check; SeriesChanged: the series changed. Either way nothing moved.
    if (error instanceof SeriesChanged || pgError(error)?.code === "23P01") return fieldError("time", "The schedule changed while moving the series, so nothing was moved. Please try again.");
    throw error;
  }
  for (const s of slots) await runAppointmentEvents(now, { appointmentId: s.id });
  return { ok: true, moved: slots.length };
}

class SeriesChanged extends Error {}
