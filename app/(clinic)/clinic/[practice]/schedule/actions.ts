"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { messageFailure, orMessage, uuidArg } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { can } from "@/lib/auth/roles";
import { cancelAppointment, recordOutcome, rescheduleAppointment } from "@/lib/appointments/change-appointment";
import { bookForClients, type StaffBookResult } from "@/lib/appointments/staff-book";
import {
  outcomeSchema,
  rescheduleDaySlots,
  staffCancelSchema,
  staffDaySlots,
} from "@/lib/booking/staff-book";
import { fieldError } from "@/lib/form-result";
import { listClients } from "@/lib/clients/list-clients";

// Thin: each action is wrapped (membership first, then the arguments), then calls the domain.

type Message = { ok: true; message: string } | { ok: false; message: string; alternatives?: string[] };

export interface ClientChoice {
  id: string;
  name: string;
  email: string | null;
  partner: { id: string; name: string } | null;
}

const SEARCH_RESULTS = 20;
const SESSION_NOT_FOUND = "That session was not found.";

/** Anything typed, as at most 100 characters of search text. */
const searchText = z.unknown().transform((q) => (typeof q === "string" ? q.trim().slice(0, 100) : ""));

/** Active clients of the practice matching a name or email, each with their partner (if in a couple). */
export const searchClientsAction = memberAction(
  "schedule.book",
  z.tuple([searchText]),
  async (scope, [query]): Promise<ClientChoice[]> => {
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
  },
  (): ClientChoice[] => [],
);

export const staffSlotsAction = memberAction("schedule.book", z.tuple([z.unknown()]), async (scope, [input]) => staffDaySlots(scope, input, new Date()), messageFailure);

export const bookAppointmentAction = memberAction(
  "schedule.book",
  z.tuple([z.unknown()]),
  async (scope, [input]) => {
    const result = await bookForClients(scope, input, new Date());
    if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/schedule`, "layout");
    return result;
  },
  (message): StaffBookResult => fieldError("form", message),
);

export const rescheduleSlotsAction = memberAction(
  "schedule.book",
  z.tuple([z.string({ message: SESSION_NOT_FOUND }), z.unknown()]),
  async (scope, [appointmentId, date]) => rescheduleDaySlots(scope, appointmentId, date, new Date()),
  messageFailure,
);

export const rescheduleAppointmentAction = memberAction(
  "schedule.book",
  z.tuple([uuidArg(SESSION_NOT_FOUND), z.unknown()]),
  async (scope, [appointmentId, input]): Promise<Message> => {
    const result = await rescheduleAppointment(
      { practiceId: scope.practice.id, appointmentId, actor: { kind: "member", userId: scope.user.id }, byStaff: true, values: input },
      new Date(),
    );
    if (result.ok) {
      revalidatePath(`/clinic/${scope.practice.slug}/schedule`, "layout");
      return { ok: true, message: "Session moved. The attendees were emailed an updated invitation." };
    }
    if ("errors" in result) return { ok: false, message: Object.values(result.errors)[0]?.[0] ?? "Choose a new time" };
    return { ok: false, message: result.message, alternatives: result.alternatives?.map((s) => new Date(s.start).toISOString()) };
  },
  messageFailure,
);

export const cancelAppointmentAction = memberAction(
  "schedule.book",
  z.tuple([uuidArg(SESSION_NOT_FOUND), orMessage(staffCancelSchema, "Choose whether to waive the late-cancellation fee.")]),
  async (scope, [appointmentId, { waiveFee }]): Promise<Message> => {
    if (waiveFee && !can(scope.role, "fees.waive")) return { ok: false, message: "Your role cannot waive the late-cancellation fee." };
    const result = await cancelAppointment({ practiceId: scope.practice.id, appointmentId, actor: { kind: "member", userId: scope.user.id }, waiveFee }, new Date());
    if (!result.ok) return result;
    revalidatePath(`/clinic/${scope.practice.slug}/schedule`, "layout");
    return {
      ok: true,
      message: result.late
        ? "Session cancelled as a late cancellation; the late-cancellation policy applies. The attendees were emailed."
        : "Session cancelled. The attendees were emailed.",
    };
  },
  messageFailure,
);

export const recordOutcomeAction = memberAction(
  "schedule.book",
  z.tuple([uuidArg(SESSION_NOT_FOUND), outcomeSchema]),
  async (scope, [appointmentId, outcome]): Promise<Message> => {
    const result = await recordOutcome({ practiceId: scope.practice.id, appointmentId, actorUserId: scope.user.id, outcome }, new Date());
    if (!result.ok) return result;
    revalidatePath(`/clinic/${scope.practice.slug}/schedule`, "layout");
    return { ok: true, message: outcome === "completed" ? "Marked as completed." : "Marked as a no-show." };
  },
  messageFailure,
);
