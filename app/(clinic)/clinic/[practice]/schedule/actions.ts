"use server";

import { revalidatePath } from "next/cache";
import { isUuid } from "@/lib/ids";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { cancelAppointment, recordOutcome, rescheduleAppointment } from "@/lib/booking/change-appointment";
import {
  bookForClients,
  outcomeSchema,
  rescheduleDaySlots,
  staffCancelSchema,
  staffDaySlots,
  type DaySlotsResult,
  type StaffBookResult,
} from "@/lib/booking/staff-book";
import { listClients } from "@/lib/clients/list-clients";

// Thin: each action checks membership first, then calls the domain.

type Message = { ok: true; message: string } | { ok: false; message: string; alternatives?: string[] };

export interface ClientChoice {
  id: string;
  name: string;
  email: string | null;
  partner: { id: string; name: string } | null;
}

const SEARCH_RESULTS = 20;

/** Active clients of the practice matching a name or email, each with their partner (if in a couple). */
export async function searchClientsAction(practiceSlug: string, q: unknown): Promise<ClientChoice[]> {
  const scope = await requireMember(practiceSlug, "schedule.book");
  const query = typeof q === "string" ? q.trim().slice(0, 100) : "";
  const { rows } = await listClients(scope, { q: query });
  return rows
    .filter((r) => r.status === "active")
    .slice(0, SEARCH_RESULTS)
    .map((r) => ({
      id: r.id,
      name: `${r.firstName} ${r.lastName}`,
      email: r.email,
      partner: r.partner ? { id: r.partner.id, name: `${r.partner.firstName} ${r.partner.lastName}` } : null,
    }));
}

export async function staffSlotsAction(practiceSlug: string, input: unknown): Promise<DaySlotsResult> {
  const scope = await requireMember(practiceSlug, "schedule.book");
  return staffDaySlots(scope, input, new Date());
}

export async function bookAppointmentAction(practiceSlug: string, input: unknown): Promise<StaffBookResult> {
  const scope = await requireMember(practiceSlug, "schedule.book");
  const result = await bookForClients(scope, input, new Date());
  if (result.ok) revalidatePath(`/clinic/${practiceSlug}/schedule`, "layout");
  return result;
}

export async function rescheduleSlotsAction(practiceSlug: string, appointmentId: string, date: unknown): Promise<DaySlotsResult> {
  const scope = await requireMember(practiceSlug, "schedule.book");
  return rescheduleDaySlots(scope, appointmentId, date, new Date());
}

export async function rescheduleAppointmentAction(practiceSlug: string, appointmentId: string, input: unknown): Promise<Message> {
  const scope = await requireMember(practiceSlug, "schedule.book");
  if (!isUuid(appointmentId)) return { ok: false, message: "That session was not found." };
  const result = await rescheduleAppointment(
    { practiceId: scope.practice.id, appointmentId, actor: { kind: "member", userId: scope.user.id }, byStaff: true, values: input },
    new Date(),
  );
  if (result.ok) {
    revalidatePath(`/clinic/${practiceSlug}/schedule`, "layout");
    return { ok: true, message: "Session moved. The attendees were emailed an updated invitation." };
  }
  if ("errors" in result) return { ok: false, message: Object.values(result.errors)[0]?.[0] ?? "Choose a new time" };
  return { ok: false, message: result.message, alternatives: result.alternatives?.map((s) => new Date(s.start).toISOString()) };
}

export async function cancelAppointmentAction(practiceSlug: string, appointmentId: string, input: unknown): Promise<Message> {
  const scope = await requireMember(practiceSlug, "schedule.book");
  if (!isUuid(appointmentId)) return { ok: false, message: "That session was not found." };
  const parsed = staffCancelSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Choose whether to waive the late-cancellation fee." };
  if (parsed.data.waiveFee && !can(scope.role, "fees.waive")) return { ok: false, message: "Your role cannot waive the late-cancellation fee." };
  const result = await cancelAppointment(
    { practiceId: scope.practice.id, appointmentId, actor: { kind: "member", userId: scope.user.id }, waiveFee: parsed.data.waiveFee },
    new Date(),
  );
  if (!result.ok) return result;
  revalidatePath(`/clinic/${practiceSlug}/schedule`, "layout");
  return {
    ok: true,
    message: result.late
      ? "Session cancelled as a late cancellation; the late-cancellation policy applies. The attendees were emailed."
      : "Session cancelled. The attendees were emailed.",
  };
}

export async function recordOutcomeAction(practiceSlug: string, appointmentId: string, outcome: unknown): Promise<Message> {
  const scope = await requireMember(practiceSlug, "schedule.book");
  if (!isUuid(appointmentId)) return { ok: false, message: "That session was not found." };
  const parsed = outcomeSchema.safeParse(outcome);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "Choose completed or no-show" };
  const result = await recordOutcome(
    { practiceId: scope.practice.id, appointmentId, actorUserId: scope.user.id, outcome: parsed.data },
    new Date(),
  );
  if (!result.ok) return result;
  revalidatePath(`/clinic/${practiceSlug}/schedule`, "layout");
  return { ok: true, message: parsed.data === "completed" ? "Marked as completed." : "Marked as a no-show." };
}
