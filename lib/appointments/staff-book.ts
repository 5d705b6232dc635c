import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { appointmentAttendees, clients, couples, serviceClinicians, services } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { findSlots } from "@/lib/booking/find-slots";
import type { BookingRules } from "@/lib/booking/list-services";
import type { Slot } from "@/lib/booking/slot-types";
import { createAppointment } from "@/lib/booking/lifecycle";
import { nextFreeTimes } from "@/lib/booking/next-free-times";
import { staffBookingSchema } from "@/lib/booking/staff-book-schema";
import { pgError } from "@/lib/db/pg-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { selfPayFrom } from "@/lib/gfe/self-pay-field";

export type StaffBookResult =
  | { ok: true; appointmentId: string; startsAt: string }
  | { ok: false; errors: FieldErrors; alternatives?: string[] };

const TAKEN = "That time was just taken. Choose one of the next free times.";
const UNAVAILABLE = "That time is not available with this clinician. Choose another time.";
const OVERLAP = "That time overlaps another session with this clinician (buffers included). Choose another time.";
const PAST = "That session would already be over. Choose a later time.";

/**
 * The slot an override books: the service's length from the chosen start,
 * with this clinician, at the location of their hours for the service's
 * format when they keep one (an online or phone session has none).
 */
function outsideSlot(rules: BookingRules, clinicianId: string, start: Date): Slot {
  const clinician = rules.clinicians.find((c) => c.memberId === clinicianId);
  const locationId = clinician?.weekly.find((w) => w.locationId)?.locationId ?? null;
  const startMs = start.getTime();
  return { start: startMs, end: startMs + rules.service.durationMinutes * 60_000, memberId: clinicianId, locationId };
}

/**
 * Staff book a session for existing clients: an individual service for one
 * client, a couple service for the two clients of a couple (an "either"
 * service takes one client or a couple). Everything named in the input must
 * belong to the signed-in practice; a forged id is a field error and nothing
 * is saved. The time is re-checked with the same slot search the form used
 * (minimum notice waived for staff), then the appointment is inserted as
 * confirmed with its attendees in one transaction; the database's exclusion
 * constraint settles a race ("just taken", with the next free times).
 * Attendees get their confirmation (with .ics and manage link) and the
 * service's forms after commit, through the lifecycle's outbox.
 *
 * With `override` (and a reason), staff may book a time the rules do not
 * offer: a walk-in, an extra evening. The reason is stored on the
 * appointment and the audit entry says it was outside availability; the
 * exclusion constraint still refuses an overlap, and nothing is written.
 */
export async function bookForClients(scope: PracticeScope, input: unknown, now: Date): Promise<StaffBookResult> {
  const parsed = staffBookingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { serviceId, clinicianId, clientIds, override, overrideReason, usesInsurance } = parsed.data;
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
  const offeredSlot = check.slots.find((s) => s.start === start.getTime() && s.memberId === clinicianId);
  const outside = !offeredSlot;
  if (outside && !override) {
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
  // The override waives the clinician's hours, notice and closures, never the clock or the
  // database: a session that is already over is refused, and an overlap still fails below (23P01).
  const slot = offeredSlot ?? outsideSlot(check.rules, clinicianId, start);
  if (outside && slot.end <= now.getTime()) return fieldError("start", PAST);
  if (start.getTime() % 60_000 !== 0) return fieldError("start", "Choose a time");

  const rules = check.rules.service;
  let appointmentId: string;
  try {
    appointmentId = await db.transaction(async (tx) => {
      const id = await createAppointment(tx, {
        practiceId,
        service: rules,
        slot,
        status: "confirmed",
        coupleId,
        bookedByStaff: true,
        createdByUserId: scope.user.id,
        overrideReason: outside ? overrideReason : null,
        now,
      });
      await tx.insert(appointmentAttendees).values(clientIds.map((clientId) => ({ practiceId, appointmentId: id, clientId })));
      // US practices ask whether insurance will be used; the outbox's GFE effect reads the answer after commit.
      const selfPay = scope.practice.country === "US" ? selfPayFrom(usesInsurance) : undefined;
      if (selfPay !== undefined) await tx.update(clients).set({ selfPay, updatedAt: now }).where(and(eq(clients.practiceId, practiceId), inArray(clients.id, clientIds)));
      await recordAudit(byMember(scope, "appointment.book", { type: "appointment", id }, { clientIds, via: "staff", ...(outside ? { outsideAvailability: true } : {}) }), tx);
      return id;
    });
  } catch (error) {
    if (pgError(error)?.code !== "23P01") throw error;
    return refuse(outside ? OVERLAP : TAKEN);
  }

  // The confirmation and the service's forms, from the outbox row the lifecycle wrote with the booking.
  // A failure there never undoes the booking (it is retried by the job), so staff are never invited to book twice.
  await runAppointmentEvents(now, { appointmentId });
  return { ok: true, appointmentId, startsAt: new Date(slot.start).toISOString() };

  async function refuse(message: string): Promise<StaffBookResult> {
    return { ok: false, errors: { start: [message] }, alternatives: (await nextFreeTimes(practiceId, serviceId, clinicianId, start, now, { ignoreNotice: true })).map((s) => new Date(s.start).toISOString()) };
  }
}

