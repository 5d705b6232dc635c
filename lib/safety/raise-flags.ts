import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointmentAttendees, appointments, assignments as homeworkAssignments, couples, formAssignments, members, safetyFlagNotifications, safetyFlags } from "@/db/schema";
import { rolesWith } from "@/lib/auth/roles";
import type { Answers } from "@/lib/intake/answers";
import type { FormDefinition } from "@/lib/intake/form-definition";
import { runningBoss } from "@/lib/jobs/queue-handle";
import { notifyMembers } from "@/lib/notifications/record";
import { triggeredSafetyItems } from "./triggers";

export interface SubmittedResponse {
  id: string;
  practiceId: string;
  clientId: string;
}

/**
 * Who is told of a client's flag: the members with a clinical role
 * (lib/auth/roles.ts, "clinical.read") who are the client's clinicians,
 * that is who took or will take one of their sessions (any status but a
 * lapsed hold), assigned them homework (alone or as a couple) or sent them
 * a form. A client nobody is attached to yet goes to the practice's owners,
 * so a flag always reaches a person. Invitations not yet accepted are skipped.
 */
export async function flagRecipients(tx: Tx, practiceId: string, clientId: string): Promise<string[]> {
  const clinical = rolesWith("clinical.read");
  const attached = await tx
    .select({ id: members.id })
    .from(members)
    .where(
      and(
        eq(members.practiceId, practiceId),
        isNotNull(members.joinedAt),
        inArray(members.role, clinical),
        or(
          sql`exists (select 1 from ${appointments} a join ${appointmentAttendees} aa on aa.appointment_id = a.id
            where a.practice_id = ${practiceId} and a.member_id = ${members.id} and aa.client_id = ${clientId} and a.status not in ('held', 'expired'))`,
          sql`exists (select 1 from ${homeworkAssignments} h left join ${couples} c on c.id = h.couple_id
            where h.practice_id = ${practiceId} and h.assigned_by_member_id = ${members.id}
              and (h.client_id = ${clientId} or c.client_a_id = ${clientId} or c.client_b_id = ${clientId}))`,
          sql`exists (select 1 from ${formAssignments} f
            where f.practice_id = ${practiceId} and f.client_id = ${clientId} and f.assigned_by_user_id = ${members.userId})`,
        ),
      ),
    );
  if (attached.length > 0) return attached.map((m) => m.id);
  const owners = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.practiceId, practiceId), eq(members.role, "owner"), isNotNull(members.joinedAt)));
  return owners.map((m) => m.id);
}

/**
 * Raises a flag for each safety item the response triggered, in the
 * response's own transaction, with one notification row per recipient
 * who keeps flag emails on (the email outbox the `safety-notify` job sends),
 * and an in-app notice for every recipient. Returns the new flags' ids.
 */
export async function raiseSafetyFlags(tx: Tx, response: SubmittedResponse, definition: FormDefinition, answers: Answers, now: Date): Promise<string[]> {
  const triggered = triggeredSafetyItems(definition, answers);
  if (triggered.length === 0) return [];
  const flags = await tx
    .insert(safetyFlags)
    .values(triggered.map((questionKey) => ({ practiceId: response.practiceId, clientId: response.clientId, responseId: response.id, questionKey, raisedAt: now })))
    .onConflictDoNothing({ target: [safetyFlags.responseId, safetyFlags.questionKey] })
    .returning({ id: safetyFlags.id });
  if (flags.length === 0) return [];
  const recipients = await flagRecipients(tx, response.practiceId, response.clientId);
  // One in-app notice per response, always (a flag must reach a person); the email only for those who keep it on.
  const told = await notifyMembers(tx, {
    practiceId: response.practiceId,
    kind: "safety_flag",
    key: `safety-flag:${response.id}`,
    memberIds: recipients,
    subject: { clientId: response.clientId, responseId: response.id, flagId: flags[0]!.id },
    now,
    emailHere: false,
  });
  const emailed = told.filter((t) => t.channels.email).map((t) => t.memberId);
  if (emailed.length > 0) {
    await tx
      .insert(safetyFlagNotifications)
      .values(flags.flatMap((f) => emailed.map((memberId) => ({ practiceId: response.practiceId, flagId: f.id, memberId, createdAt: now }))))
      .onConflictDoNothing();
  }
  return flags.map((f) => f.id);
}

/** Asks the job runner (when this process runs one) to send flag emails now rather than at the next tick. */
export function kickSafetyNotifications(): void {
  runningBoss()
    ?.send("safety-notify", {}, { singletonKey: "safety-notify", singletonSeconds: 1 })
    .catch(() => {});
}
