import { and, eq, inArray } from "drizzle-orm";
import { DateTime } from "luxon";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, clients, couples, serviceClinicians, services } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { logError, pgError } from "@/lib/db/pg-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { findSlots } from "./find-slots";
import { insertAppointment } from "./insert-appointment";
import { nextFreeTimes } from "./next-free-times";
import { assignFormsAfterBooking } from "@/lib/intake/assign-forms";
import { notifyAttendees } from "./notify-attendees";
import { isoDateField, staffBookingSchema, staffDaySlotsSchema } from "./staff-book-schema";

export { staffBookingSchema, staffCancelSchema, staffDaySlotsSchema, outcomeSchema } from "./staff-book-schema";
export type { StaffBookingInput, StaffBookingValues } from "./staff-book-schema";

export type StaffBookResult =
  | { ok: true; appointmentId: string; startsAt: string }
  | { ok: false; errors: FieldErrors; alternatives?: string[] };

const TAKEN = "That time was just taken. Choose one of the next free times.";
const UNAVAILABLE = "That time is not available with this clinician. Choose another time.";

/**
 * Staff book a session for existing clients: an individual service for one
 * client, a couple service for the two clients of a couple (an "either"
 * service takes one client or a couple). Everything named in the input must
 * belong to the signed-in practice; a forged id is a field error and nothing
 * is saved. The time is re-checked with the same slot search the form used
 * (minimum notice waived for staff), then the appointment is inserted as
 * confirmed with its attendees in one transaction; the database's exclusion
 * constraint settles a race ("just taken", with the next free times).
 * Attendees get their confirmation (with .ics and manage link) after commit.
 */
export async function bookForClients(scope: PracticeScope, input: unknown, now: Date): Promise<StaffBookResult> {
  const parsed = staffBookingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { serviceId, clinicianId, clientIds } = parsed.data;
  const practiceId = scope.practice.id;
  const start = new Date(parsed.data.start);

  const [service] = await db
    .select({ id: services.id, attendance: services.attendance, archivedAt: services.archivedAt })
    .from(services)
    .where(and(eq(services.id, serviceId), eq(services.practiceId, practiceId)));
  if (!service || service.archivedAt) return fieldError("serviceId", "Choose a service offered by this practice");

  const [offers] = await db
    .select({ memberId: serviceClinicians.memberId })
    .from(serviceClinicians)
    .where(and(eq(serviceClinicians.practiceId, practiceId), eq(serviceClinicians.serviceId, service.id), eq(serviceClinicians.memberId, clinicianId)));
  if (!offers) return fieldError("clinicianId", "Choose a clinician who offers this service");

  const people = await db
    .select({ id: clients.id, status: clients.status })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), inArray(clients.id, clientIds)));
  if (people.length !== clientIds.length) return fieldError("clientIds", "Choose clients of this practice");
  if (people.some((p) => p.status !== "active")) return fieldError("clientIds", "An archived client cannot be booked. Restore them first.");

  if (service.attendance === "couple" && clientIds.length !== 2) {
    return fieldError("clientIds", "This is a couple service: choose a client who is linked with their partner");
  }
  if (service.attendance === "individual" && clientIds.length !== 1) {
    return fieldError("clientIds", "This service is for one person");
  }
  let coupleId: string | null = null;
  if (clientIds.length === 2) {
    const [a, b] = [...clientIds].sort() as [string, string];
    const [couple] = await db
      .select({ id: couples.id })
      .from(couples)
      .where(and(eq(couples.practiceId, practiceId), eq(couples.clientAId, a), eq(couples.clientBId, b)));
    if (!couple) return fieldError("clientIds", "These two clients are not linked as a couple. Link them on a client's page first.");
    coupleId = couple.id;
  }

  const check = await findSlots({ practiceId, serviceId, clinicianId, from: start, to: new Date(start.getTime() + 1), now, ignoreNotice: true });
  if (!check) return fieldError("serviceId", "Choose a service offered by this practice");
  const slot = check.slots.find((s) => s.start === start.getTime() && s.memberId === clinicianId);
  if (!slot) {
    const offered = await findSlots({
      practiceId,
      serviceId,
      clinicianId,
      from: start,
      to: new Date(start.getTime() + 1),
      now,
      ignoreNotice: true,
      ignoreBusy: true,
    });
    return refuse(offered?.slots.some((s) => s.start === start.getTime()) ? TAKEN : UNAVAILABLE);
  }

  const rules = check.rules.service;
  let appointmentId: string;
  try {
    appointmentId = await db.transaction(async (tx) => {
      const id = await insertAppointment(tx, {
        practiceId,
        service: rules,
        slot,
        status: "confirmed",
        coupleId,
        bookedByStaff: true,
        createdByUserId: scope.user.id,
        now,
      });
      await tx.insert(appointmentAttendees).values(clientIds.map((clientId) => ({ practiceId, appointmentId: id, clientId })));
      await recordAudit(byMember(scope, "appointment.book", { type: "appointment", id }, { clientIds, via: "staff" }), tx);
      return id;
    });
  } catch (error) {
    if (pgError(error)?.code !== "23P01") throw error;
    return refuse(TAKEN);
  }

  await assignFormsAfterBooking(appointmentId, now);
  try {
    await notifyAttendees(appointmentId, { kind: "confirmation" }, now);
  } catch (error) {
    // The booking stands; say so rather than invite a second booking. Ids only in logs.
    logError("booking", `confirmation for appointment ${appointmentId} was not sent`, error);
  }
  return { ok: true, appointmentId, startsAt: new Date(slot.start).toISOString() };

  async function refuse(message: string): Promise<StaffBookResult> {
    return { ok: false, errors: { start: [message] }, alternatives: (await nextFreeTimes(practiceId, serviceId, clinicianId, start, now, { ignoreNotice: true })).map((s) => new Date(s.start).toISOString()) };
  }
}

export type DaySlotsResult = { ok: true; slots: string[] } | { ok: false; message: string };

/** The bounds of a local date in the practice's zone. */
function localDay(date: string, timeZone: string): { from: Date; to: Date } {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf("day");
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
}

/** Times staff may book on one local date (practice zone) for a service and clinician; minimum notice waived. */
export async function staffDaySlots(scope: Pick<PracticeScope, "practice">, input: unknown, now: Date): Promise<DaySlotsResult> {
  const parsed = staffDaySlotsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Choose a service, clinician and date" };
  const { serviceId, clinicianId, date } = parsed.data;
  const result = await findSlots({ practiceId: scope.practice.id, serviceId, clinicianId, ...localDay(date, scope.practice.timeZone), now, ignoreNotice: true });
  if (!result) return { ok: false, message: "That service is not offered by this practice." };
  return { ok: true, slots: result.slots.filter((s) => s.memberId === clinicianId).map((s) => new Date(s.start).toISOString()) };
}

/**
 * Times a confirmed appointment could move to on one local date: same
 * service and clinician, notice waived, the appointment not blocking itself.
 */
export async function rescheduleDaySlots(scope: Pick<PracticeScope, "practice">, appointmentId: string, date: unknown, now: Date): Promise<DaySlotsResult> {
  if (!isUuid(appointmentId)) return { ok: false, message: "That session was not found." };
  const parsed = isoDateField.safeParse(date);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Choose a date" };
  const [current] = await db
    .select({ serviceId: appointments.serviceId, memberId: appointments.memberId, status: appointments.status })
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.practiceId, scope.practice.id)));
  if (!current) return { ok: false, message: "That session was not found." };
  if (current.status !== "confirmed") return { ok: false, message: "Only an upcoming confirmed session can be moved." };
  const result = await findSlots({
    practiceId: scope.practice.id,
    serviceId: current.serviceId,
    clinicianId: current.memberId,
    ...localDay(parsed.data, scope.practice.timeZone),
    now,
    ignoreNotice: true,
    excludeAppointmentId: appointmentId,
  });
  return { ok: true, slots: (result?.slots ?? []).map((s) => new Date(s.start).toISOString()) };
}
