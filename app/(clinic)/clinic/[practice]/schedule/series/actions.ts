"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { messageFailure, orMessage, uuidArg } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { can } from "@/lib/auth/roles";
import { bookSeries, previewSeries, type BookSeriesResult, type PreviewResult } from "@/lib/series/book-series";
import { cancelThisAndLater } from "@/lib/series/end-series";
import { changeThisAndLater, type ChangeSeriesResult } from "@/lib/series/change-series";
import { moveThisAndLater, type MoveSeriesResult } from "@/lib/series/move-series";
import { endSeriesSchema } from "@/lib/series/series-schema";
import { fieldError } from "@/lib/form-result";

// Thin: membership first (memberAction), then the domain (lib/series), which parses with the form's schema.

const SESSION_NOT_FOUND = "That session was not found.";

/** The series' occurrences, each free or a conflict with its reason. Writes nothing. */
export const previewSeriesAction = memberAction(
  "schedule.book",
  z.tuple([z.unknown()]),
  async (scope, [input]) => previewSeries(scope, input, new Date()),
  (message): PreviewResult => fieldError("form", message),
);

/** Books every chosen occurrence in one transaction, or nothing. */
export const bookSeriesAction = memberAction(
  "schedule.book",
  z.tuple([z.unknown()]),
  async (scope, [input]) => {
    const result = await bookSeries(scope, input, new Date());
    if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/schedule`, "layout");
    return result;
  },
  (message): BookSeriesResult => fieldError("form", message),
);

/** "Cancel this and all later" on an occurrence's page. */
export const cancelThisAndLaterAction = memberAction(
  "schedule.book",
  z.tuple([uuidArg(SESSION_NOT_FOUND), orMessage(endSeriesSchema, "Choose whether to waive the late-cancellation fee.")]),
  async (scope, [appointmentId, { waiveFee }]): Promise<{ ok: boolean; message: string }> => {
    if (waiveFee && !can(scope.role, "fees.waive")) return { ok: false, message: "Your role cannot waive the late-cancellation fee." };
    const result = await cancelThisAndLater({ practiceId: scope.practice.id, appointmentId, actor: { kind: "member", userId: scope.user.id }, waiveFee }, new Date());
    if (!result.ok) return result;
    revalidatePath(`/clinic/${scope.practice.slug}/schedule`, "layout");
    const sessions = result.cancelled === 1 ? "1 session" : `${result.cancelled} sessions`;
    const late = result.late > 0 ? ` ${result.late} of them inside the cancellation window: the late-cancellation policy applies.` : "";
    return { ok: true, message: `Series ended: ${sessions} cancelled. The attendees were emailed.${late}` };
  },
  messageFailure,
);

/** "Move this and all later" to a new local start time: every one moves, or none does. */
export const moveThisAndLaterAction = memberAction(
  "schedule.book",
  z.tuple([uuidArg(SESSION_NOT_FOUND), z.unknown()]),
  async (scope, [appointmentId, input]) => {
    const result = await moveThisAndLater(scope, appointmentId, input, new Date());
    if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/schedule`, "layout");
    return result;
  },
  (message): MoveSeriesResult => fieldError("form", message),
);

/** "Change this and all later": a new weekday, time or frequency for the rest of the series; every one moves, or none does. */
export const changeThisAndLaterAction = memberAction(
  "schedule.book",
  z.tuple([uuidArg(SESSION_NOT_FOUND), z.unknown()]),
  async (scope, [appointmentId, input]) => {
    const result = await changeThisAndLater(scope, appointmentId, input, new Date());
    if (result.ok) revalidatePath(`/clinic/${scope.practice.slug}/schedule`, "layout");
    return result;
  },
  (message): ChangeSeriesResult => fieldError("form", message),
);
