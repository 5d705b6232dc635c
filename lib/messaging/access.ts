import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { appointmentAttendees, appointments, assignments as homeworkAssignments, couples, formAssignments, messagingSettings, threads } from "@/db/schema";
import type { DbOrTx } from "@/db/client";
import type { PracticeScope } from "@/lib/auth/guards";

/**
 * Who sees which thread, in SQL (decision 0046). Every portal query filters
 * with `clientSeesThread` and every staff query with `staffSeesThread`:
 * no thread is read first and checked after.
 */

/** A client sees their own thread and the shared thread they are one of the two clients of; never their partner's own thread. */
export function clientSeesThread(client: { id: string; practiceId: string }): SQL {
  return and(
    eq(threads.practiceId, client.practiceId),
    or(and(eq(threads.kind, "own"), eq(threads.clientId, client.id)), and(eq(threads.kind, "shared"), or(eq(threads.clientAId, client.id), eq(threads.clientBId, client.id)))),
  )!;
}

/**
 * The client `clientExpr` is in `memberId`'s care: the member took or will take
 * one of their sessions, assigned them homework (alone or as a couple) or sent
 * them a form — the same rule as a safety flag's recipients (lib/safety/raise-flags.ts).
 */
function inCareOf(memberId: string | SQL, userId: string | SQL | null, clientExpr: SQL): SQL {
  return sql`(exists (select 1 from ${appointments} a join ${appointmentAttendees} aa on aa.appointment_id = a.id
      where a.practice_id = ${threads.practiceId} and a.member_id = ${memberId} and aa.client_id = ${clientExpr} and a.status not in ('held', 'expired'))
    or exists (select 1 from ${homeworkAssignments} h left join ${couples} c on c.id = h.couple_id
      where h.practice_id = ${threads.practiceId} and h.assigned_by_member_id = ${memberId}
        and (h.client_id = ${clientExpr} or c.client_a_id = ${clientExpr} or c.client_b_id = ${clientExpr}))
    ${userId ? sql`or exists (select 1 from ${formAssignments} f where f.practice_id = ${threads.practiceId} and f.client_id = ${clientExpr} and f.assigned_by_user_id = ${userId})` : sql``})`;
}

/** The thread is assigned to the member or one of its clients is in their care. */
export function inCareTeam(memberId: string | SQL, userId: string | SQL | null): SQL {
  return sql`(${threads.assignedMemberId} = ${memberId}
    or (${threads.clientId} is not null and ${inCareOf(memberId, userId, sql`${threads.clientId}`)})
    or (${threads.clientAId} is not null and ${inCareOf(memberId, userId, sql`${threads.clientAId}`)})
    or (${threads.clientBId} is not null and ${inCareOf(memberId, userId, sql`${threads.clientBId}`)}))`;
}

/**
 * Staff reach: owners and admins see every thread of the practice; a
 * clinician the threads of their care team; the front desk every thread
 * only when the practice allows it (messaging settings, default off).
 * The front-desk setting is read inside the same SQL, so this stays one query.
 */
export function staffSeesThread(scope: Pick<PracticeScope, "practice" | "memberId" | "role" | "user">): SQL {
  const practice = eq(threads.practiceId, scope.practice.id);
  switch (scope.role) {
    case "owner":
    case "admin":
      return practice;
    case "clinician":
      return and(practice, inCareTeam(scope.memberId, scope.user.id))!;
    case "front_desk":
      return and(practice, sql`exists (select 1 from ${messagingSettings} ms where ms.practice_id = ${scope.practice.id} and ms.front_desk_access)`)!;
  }
}

export async function frontDeskAllowed(tx: DbOrTx, practiceId: string): Promise<boolean> {
  const [row] = await tx.select({ on: messagingSettings.frontDeskAccess }).from(messagingSettings).where(eq(messagingSettings.practiceId, practiceId));
  return row?.on ?? false;
}
