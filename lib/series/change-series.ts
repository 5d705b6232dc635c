import { and, desc, eq, lt } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, appointmentSeries } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { loadBookingRules } from "@/lib/booking/list-services";
import { reschedule } from "@/lib/booking/lifecycle";
import { formatCalendarDate, localDate } from "@/lib/dates";
import { pgError } from "@/lib/db/pg-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { checkMoves } from "./check-times";
import { occurrencesFromHere } from "./read-series";
import { expandSeries } from "./occurrences";
import { changeSeriesSchema } from "./series-schema";

export type ChangeSeriesResult = { ok: true; moved: number; seriesId: string } | { ok: false; errors: FieldErrors };

const NOT_HERE = "This session cannot change its series: it is not an upcoming confirmed session of a series.";

/**
 * "Change this and all later" (decision 0061): a new weekday, time or
 * frequency for the rest of a series. This session and every later confirmed
 * one (N of them) move, in order, onto the first N dates of the new rule,
 * read in the series' zone (so 9:00 stays 9:00 across DST). Each keeps its
 * appointment (attendees, payments, credits, notes) and moves through the
 * lifecycle's reschedule, with its own "moved" email from the outbox.
 *
 * Every new time is checked first (hours, closures, other sessions; where
 * the moved sessions are now does not count). If any cannot be booked,
 * nothing changes and the answer names each date and why.
 *
 * When earlier sessions exist, the series splits: the old rule ends the day
 * of the last earlier session, and a new series row holds the new rule and
 * the moved sessions, numbered from 1. The history stays true: the earlier
 * sessions were weekly on Tuesdays even if the rest are now every two weeks on
 * Thursdays. From the first session, the series' own rule is rewritten.
 */
export async function changeThisAndLater(scope: PracticeScope, appointmentId: string, input: unknown, now: Date): Promise<ChangeSeriesResult> {
  const parsed = changeSeriesSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { date, time, frequency } = parsed.data;
  const practiceId = scope.practice.id;
  const current = await occurrencesFromHere(practiceId, appointmentId, now);
  if (!current || current.series.endedAt) return fieldError("form", NOT_HERE);
  const { series, later } = current;
  // The sessions that stay with the old rule: booked before this one (cancelled ones too: they are its history).
  const [previous] = await db
    .select({ startsAt: appointments.startsAt })
    .from(appointments)
    .where(and(eq(appointments.practiceId, practiceId), eq(appointments.seriesId, series.id), lt(appointments.startsAt, current.startsAt)))
    .orderBy(desc(appointments.startsAt))
    .limit(1);
  const previousDate = previous ? localDate(previous.startsAt, series.timeZone) : null;
  if (previousDate && date <= previousDate) {
    return fieldError("date", `Choose a date after the previous session of the series (${formatCalendarDate(previousDate, scope.practice.locale, { weekday: true, short: true })})`);
  }

  const rules = await loadBookingRules(practiceId, series.serviceId, now);
  if (!rules) return fieldError("form", "This series' service is no longer offered.");
  const rule = { frequency, firstDate: date, time, timeZone: series.timeZone, count: later.length };
  const expansion = expandSeries(rule);
  if (expansion.tooMany || expansion.occurrences.length < later.length) return fieldError("frequency", "The changed series would reach more than two years ahead. Choose a shorter rule, or end the series and book a new one.");
  const targets = later.map((a, i) => ({ ...a, date: expansion.occurrences[i]!.date, start: expansion.occurrences[i]!.start }));
  if (targets[0]!.start <= now.getTime()) return fieldError("date", "The first changed session must be in the future");
  if (frequency === series.frequency && targets.every((t) => t.start === t.startsAt.getTime())) return fieldError("date", "The sessions already follow that rule");

  const { slots, conflicts } = await checkMoves({ practiceId, rules, clinicianId: series.memberId, locale: scope.practice.locale, now, targets });
  if (conflicts.length > 0) {
    const n = conflicts.length === 1 ? "1 session" : `${conflicts.length} sessions`;
    return fieldError("date", `${n} cannot be booked on the new rule, so nothing was changed. ${conflicts.join("; ")}. Move those one by one first, or choose another day or time.`);
  }

  let seriesId = series.id;
  try {
    await db.transaction(async (tx) => {
      if (previousDate) {
        // Split: the old rule ends with its last earlier session; the rest belong to a new series.
        await tx.update(appointmentSeries).set({ occurrenceCount: null, untilDate: previousDate }).where(and(eq(appointmentSeries.id, series.id), eq(appointmentSeries.practiceId, practiceId)));
        const [created] = await tx
          .insert(appointmentSeries)
          .values({
            practiceId,
            serviceId: series.serviceId,
            memberId: series.memberId,
            clientId: series.clientId,
            partnerClientId: series.partnerClientId,
            coupleId: series.coupleId,
            frequency,
            firstDate: date,
            localTime: time,
            timeZone: series.timeZone,
            occurrenceCount: later.length,
            createdByUserId: scope.user.id,
            createdAt: now,
          })
          .returning({ id: appointmentSeries.id });
        seriesId = created!.id;
      } else {
        await tx
          .update(appointmentSeries)
          .set({ frequency, firstDate: date, localTime: time, occurrenceCount: later.length, untilDate: null })
          .where(and(eq(appointmentSeries.id, series.id), eq(appointmentSeries.practiceId, practiceId)));
      }
      for (const [i, s] of slots.entries()) {
        const moved = await reschedule(tx, { practiceId, appointmentId: s.id, now, slot: s.slot, service: rules.service, previousStartsAt: s.previousStartsAt });
        // A session cancelled since it was read: nothing changes.
        if (!moved) throw new SeriesChanged();
        if (seriesId !== series.id) await tx.update(appointments).set({ seriesId, seriesIndex: i }).where(and(eq(appointments.id, s.id), eq(appointments.practiceId, practiceId)));
      }
      await recordAudit(
        byMember(scope, "series.change", { type: "appointment_series", id: seriesId }, { fromSeriesId: series.id, fromAppointmentId: appointmentId, frequency, date, time, appointmentIds: slots.map((s) => s.id) }),
        tx,
      );
    });
  } catch (error) {
    // 23P01: someone took one of the times since the check; SeriesChanged: the series changed. Either way nothing changed.
    if (error instanceof SeriesChanged || pgError(error)?.code === "23P01") return fieldError("date", "The schedule changed while changing the series, so nothing was changed. Please try again.");
    throw error;
  }
  for (const s of slots) await runAppointmentEvents(now, { appointmentId: s.id });
  return { ok: true, moved: slots.length, seriesId };
}

class SeriesChanged extends Error {}
