import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { db } from "@/db/client";
import { appointments } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { findSlots } from "./find-slots";
import { isoDateField, staffDaySlotsSchema } from "./staff-book-schema";

export { staffBookingSchema, staffCancelSchema, staffDaySlotsSchema, outcomeSchema } from "./staff-book-schema";
export type { StaffBookingInput, StaffBookingValues } from "./staff-book-schema";

/* Booking itself (bookForClients) is a use case in lib/appointments/staff-book.ts. */

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
