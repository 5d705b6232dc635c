"use server";

import { openManageLink } from "@/lib/booking/manage-link";
import { cancelAppointment, rescheduleAppointment } from "@/lib/appointments/change-appointment";
import { findSlots } from "@/lib/booking/find-slots";

// Each action re-verifies the signed link: it is the only credential here.

export async function manageSlotsAction(token: string, fromIso: string, toIso: string) {
  const now = new Date();
  const link = await openManageLink(token, now);
  if (!link.ok) return { ok: false as const, message: link.message };
  const from = new Date(fromIso);
  const to = new Date(toIso);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return { ok: false as const, message: "Pick a week to see times." };
  const a = link.appointment;
  const result = await findSlots({
    practiceId: a.practiceId,
    serviceId: a.service.id,
    clinicianId: a.clinician.memberId,
    from,
    to,
    now,
    excludeAppointmentId: a.id,
  });
  return { ok: true as const, slots: (result?.slots ?? []).map((s) => new Date(s.start).toISOString()) };
}

export async function rescheduleAction(token: string, values: unknown) {
  const now = new Date();
  const link = await openManageLink(token, now);
  if (!link.ok) return { ok: false as const, message: link.message };
  const result = await rescheduleAppointment(
    { practiceId: link.appointment.practiceId, appointmentId: link.appointment.id, actor: link.actor, values },
    now,
  );
  if (result.ok) return { ok: true as const };
  if ("errors" in result) return { ok: false as const, message: Object.values(result.errors)[0]?.[0] ?? "Choose a new time" };
  return { ok: false as const, message: result.message, alternatives: result.alternatives?.map((s) => new Date(s.start).toISOString()) };
}

export async function cancelAction(token: string) {
  const now = new Date();
  const link = await openManageLink(token, now);
  if (!link.ok) return { ok: false as const, message: link.message };
  const result = await cancelAppointment({ practiceId: link.appointment.practiceId, appointmentId: link.appointment.id, actor: link.actor }, now);
  return result.ok ? { ok: true as const, late: result.late } : { ok: false as const, message: result.message };
}
