import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { db } from "@/db/client";
import { appointmentAttendees, appointmentSeries, clients, couples, serviceClinicians, services } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { createAppointment } from "@/lib/booking/lifecycle";
import { loadBookingRules, type BookingRules } from "@/lib/booking/list-services";
import type { Slot } from "@/lib/booking/slot-types";
import { pgError } from "@/lib/db/pg-error";
import { formatDateTime } from "@/lib/dates";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { loadSeriesTimes } from "./check-times";
import { expandSeries, MAX_OCCURRENCES, MAX_SPAN_DAYS, type Occurrence, type SeriesRule } from "./occurrences";
import { CONFLICT_LABELS, seriesBookingSchema, type ConflictReason, type PreviewOccurrence, type SeriesBookingValues, type SeriesPreview } from "./series-schema";

export type { PreviewOccurrence, SeriesPreview } from "./series-schema";

/*
 * Recurring series (decision 0054): preview, then book. Every occurrence is an
 * ordinary confirmed staff booking created through lib/booking/lifecycle
 * (createAppointment writes its outbox row, so each gets its confirmation,
 * .ics, forms and reminders exactly as a single session does), checked by the
 * same slot engine and, in the end, by the database's exclusion constraint.
 */

export type PreviewResult = SeriesPreview | { ok: false; errors: FieldErrors };

export type BookSeriesResult =
  | { ok: true; seriesId: string; appointmentIds: string[]; skipped: number; moved: number }
  | { ok: false; errors: FieldErrors; conflicts?: PreviewOccurrence[] };

interface Prepared {
  values: SeriesBookingValues;
  rules: BookingRules;
  rule: SeriesRule;
  occurrences: Occurrence[];
  skippedMonths: string[];
  coupleId: string | null;
}

/** Parse, then check that everything named belongs to the practice and fits the service; expand the rule. */
async function prepare(scope: PracticeScope, input: unknown, now: Date): Promise<Prepared | { ok: false; errors: FieldErrors }> {
  const parsed = seriesBookingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const values = parsed.data;
  const practiceId = scope.practice.id;

  const [service] = await db
    .select({ id: services.id, attendance: services.attendance, archivedAt: services.archivedAt })
    .from(services)
    .where(and(eq(services.id, values.serviceId), eq(services.practiceId, practiceId)));
  if (!service || service.archivedAt) return fieldError("serviceId", "Choose a service offered by this practice");
  const [offers] = await db
    .select({ memberId: serviceClinicians.memberId })
    .from(serviceClinicians)
    .where(and(eq(serviceClinicians.practiceId, practiceId), eq(serviceClinicians.serviceId, service.id), eq(serviceClinicians.memberId, values.clinicianId)));
  if (!offers) return fieldError("clinicianId", "Choose a clinician who offers this service");

  const people = await db
    .select({ id: clients.id, status: clients.status })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), inArray(clients.id, values.clientIds)));
  if (people.length !== values.clientIds.length) return fieldError("clientIds", "Choose clients of this practice");
  if (people.some((p) => p.status !== "active")) return fieldError("clientIds", "An archived client cannot be booked. Restore them first.");
  if (service.attendance === "couple" && values.clientIds.length !== 2) return fieldError("clientIds", "This is a couple service: choose a client who is linked with their partner");
  if (service.attendance === "individual" && values.clientIds.length !== 1) return fieldError("clientIds", "This service is for one person");
  let coupleId: string | null = null;
  if (values.clientIds.length === 2) {
    const [a, b] = [...values.clientIds].sort() as [string, string];
    const [couple] = await db
      .select({ id: couples.id })
      .from(couples)
      .where(and(eq(couples.practiceId, practiceId), eq(couples.clientAId, a), eq(couples.clientBId, b)));
    if (!couple) return fieldError("clientIds", "These two clients are not linked as a couple. Link them on a client's page first.");
    coupleId = couple.id;
  }

  const rules = await loadBookingRules(practiceId, values.serviceId, now);
  if (!rules) return fieldError("serviceId", "Choose a service offered by this practice");

  // The rule in the practice's zone: the first session's local date and wall time.
  const timeZone = scope.practice.timeZone;
  const first = DateTime.fromISO(values.start, { setZone: true }).setZone(timeZone);
  if (first.second !== 0 || first.millisecond !== 0) return fieldError("start", "Choose a time for the first session");
  const firstDate = first.toISODate()!;
  if (values.ends === "until" && values.until < firstDate) return fieldError("until", "The last date must be on or after the first session");
  const rule: SeriesRule = {
    frequency: values.frequency,
    firstDate,
    time: first.toFormat("HH:mm"),
    timeZone,
    ...(values.ends === "count" ? { count: values.count } : { until: values.until }),
  };
  const expansion = expandSeries(rule);
  if (expansion.tooMany) {
    return values.ends === "count"
      ? fieldError("count", `A series reaches at most ${MAX_SPAN_DAYS} days ahead: choose fewer sessions`)
      : fieldError("until", `A series has at most ${MAX_OCCURRENCES} sessions and reaches at most two years ahead: choose an earlier date`);
  }
  if (expansion.occurrences.length < 2) return fieldError(values.ends === "count" ? "count" : "until", "A series has at least two sessions: choose a later last date");
  return { values, rules, rule, occurrences: expansion.occurrences, skippedMonths: expansion.skipped.map((s) => s.month), coupleId };
}

function describe(o: Occurrence, durationMs: number, result: { ok: true } | { ok: false; reason: ConflictReason }): PreviewOccurrence {
  const row: PreviewOccurrence = {
    index: o.index,
    date: o.date,
    start: new Date(o.start).toISOString(),
    end: new Date(o.start + durationMs).toISOString(),
    shifted: o.shifted,
    status: result.ok ? "ok" : "conflict",
  };
  return result.ok ? row : { ...row, reason: result.reason, message: CONFLICT_LABELS[result.reason] };
}

/**
 * Every occurrence of the rule, each `ok` or a `conflict` with its reason
 * (another session, outside the clinician's hours, a practice closure, the
 * past). Reads only: nothing is written, nothing held.
 */
export async function previewSeries(scope: PracticeScope, input: unknown, now: Date): Promise<PreviewResult> {
  const prepared = await prepare(scope, input, now);
  if ("ok" in prepared) return prepared;
  const { values, rules, rule, occurrences, skippedMonths } = prepared;
  const times = await loadSeriesTimes({ practiceId: scope.practice.id, rules, clinicianId: values.clinicianId, starts: occurrences.map((o) => o.start), now });
  const durationMs = rules.service.durationMinutes * 60_000;
  return {
    ok: true,
    rule: { frequency: rule.frequency, firstDate: rule.firstDate, time: rule.time, timeZone: rule.timeZone },
    occurrences: occurrences.map((o) => describe(o, durationMs, times.check(o.start))),
    skippedMonths,
  };
}

class SeriesRaced extends Error {
  constructor(readonly indexes: number[]) {
    super("series occurrences taken meanwhile");
  }
}

/**
 * Books the series: every occurrence the rule gives, minus those skipped,
 * with moved ones at their new time. Each chosen time is checked again (a
 * conflict nobody decided about refuses the whole series, listing it), then
 * all are created in ONE transaction through the lifecycle: if any loses a
 * race (the exclusion constraint's 23P01), nothing is saved and the answer
 * lists every occurrence that was taken. Each occurrence gets its own
 * confirmation and reminders from the outbox after commit.
 */
export async function bookSeries(scope: PracticeScope, input: unknown, now: Date): Promise<BookSeriesResult> {
  const prepared = await prepare(scope, input, now);
  if ("ok" in prepared) return prepared;
  const { values, rules, rule, occurrences, coupleId } = prepared;
  const practiceId = scope.practice.id;
  const decisions = new Map(values.decisions.map((d) => [d.index, d]));
  if (values.decisions.some((d) => d.index >= occurrences.length)) return fieldError("decisions", "A choice names a session that is not in this series. Preview the series again.");

  const chosen = occurrences
    .filter((o) => decisions.get(o.index)?.action !== "skip")
    .map((o) => {
      const d = decisions.get(o.index);
      return { ...o, start: d?.action === "move" ? Date.parse(d.start) : o.start, moved: d?.action === "move" };
    });
  if (chosen.length === 0) return fieldError("decisions", "Every session is skipped: there is nothing to book.");
  if (chosen.some((o) => o.start % 60_000 !== 0)) return fieldError("decisions", "Choose whole-minute times for the moved sessions");
  // A moved session stays within the series' reach (two years from the first), as the rule does.
  const reach = wallLimit(occurrences[0]!.start);
  if (chosen.some((o) => o.moved && o.start > reach)) return fieldError("decisions", "A moved session must stay within two years of the first one");

  const times = await loadSeriesTimes({ practiceId, rules, clinicianId: values.clinicianId, starts: chosen.map((o) => o.start), now });
  const durationMs = rules.service.durationMinutes * 60_000;
  const slots: { occurrence: (typeof chosen)[number]; slot: Slot }[] = [];
  const conflicts: PreviewOccurrence[] = [];
  for (const o of [...chosen].sort((a, b) => a.start - b.start)) {
    const result = times.check(o.start);
    if (result.ok) {
      times.reserve(result.slot);
      slots.push({ occurrence: o, slot: result.slot });
    } else conflicts.push(describe(o, durationMs, result));
  }
  if (conflicts.length > 0) {
    conflicts.sort((a, b) => a.index - b.index);
    return { ok: false, errors: { decisions: [conflictMessage(conflicts, scope, "cannot be booked")] }, conflicts };
  }

  let seriesId: string;
  const appointmentIds: string[] = [];
  try {
    seriesId = await db.transaction(async (tx) => {
      const [series] = await tx
        .insert(appointmentSeries)
        .values({
          practiceId,
          serviceId: values.serviceId,
          memberId: values.clinicianId,
          clientId: values.clientIds[0]!,
          partnerClientId: values.clientIds[1] ?? null,
          coupleId,
          frequency: rule.frequency,
          firstDate: rule.firstDate,
          localTime: rule.time,
          timeZone: rule.timeZone,
          occurrenceCount: rule.count ?? null,
          untilDate: rule.until ?? null,
          createdByUserId: scope.user.id,
          createdAt: now,
        })
        .returning({ id: appointmentSeries.id });
      const raced: number[] = [];
      for (const { occurrence, slot } of slots) {
        try {
          // A savepoint per occurrence: a lost race there is noted and the others still checked, so the
          // answer lists every taken time; then the whole series rolls back.
          const id = await tx.transaction(async (sp) => {
            const created = await createAppointment(sp, {
              practiceId,
              service: rules.service,
              slot,
              status: "confirmed",
              coupleId,
              bookedByStaff: true,
              createdByUserId: scope.user.id,
              seriesId: series!.id,
              seriesIndex: occurrence.index,
              now,
            });
            await sp.insert(appointmentAttendees).values(values.clientIds.map((clientId) => ({ practiceId, appointmentId: created, clientId })));
            return created;
          });
          appointmentIds.push(id);
        } catch (error) {
          if (pgError(error)?.code !== "23P01") throw error;
          raced.push(occurrence.index);
        }
      }
      if (raced.length > 0) throw new SeriesRaced(raced);
      await recordAudit(
        byMember(scope, "series.book", { type: "appointment_series", id: series!.id }, { clientIds: values.clientIds, appointmentIds, skipped: occurrences.length - chosen.length, moved: chosen.filter((o) => o.moved).length }),
        tx,
      );
      for (const id of appointmentIds) await recordAudit(byMember(scope, "appointment.book", { type: "appointment", id }, { clientIds: values.clientIds, via: "staff", seriesId: series!.id }), tx);
      return series!.id;
    });
  } catch (error) {
    if (!(error instanceof SeriesRaced)) throw error;
    const taken = error.indexes.map((index) => {
      const o = chosen.find((c) => c.index === index)!;
      return describe(o, durationMs, { ok: false, reason: "overlap" });
    });
    return { ok: false, errors: { decisions: [conflictMessage(taken, scope, "was just taken by another booking, so nothing was saved")] }, conflicts: taken };
  }

  // Confirmations (.ics, manage link) and forms, one per occurrence, from the outbox rows written with them.
  for (const id of appointmentIds) await runAppointmentEvents(now, { appointmentId: id });
  return { ok: true, seriesId, appointmentIds, skipped: occurrences.length - chosen.length, moved: chosen.filter((o) => o.moved).length };
}

function wallLimit(firstStart: number): number {
  return firstStart + (MAX_SPAN_DAYS + 1) * 86_400_000;
}

function conflictMessage(conflicts: PreviewOccurrence[], scope: PracticeScope, verb: string): string {
  const reader = { zone: scope.practice.timeZone, locale: scope.practice.locale };
  const list = conflicts.map((c) => `${formatDateTime(c.start, reader)} (${c.message ?? "not free"})`).join("; ");
  return `${conflicts.length === 1 ? "This session" : "These sessions"} ${verb}: ${list}. Skip or move ${conflicts.length === 1 ? "it" : "them"} and book again.`;
}
