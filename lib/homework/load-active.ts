import { and, asc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { assignments, checkIns, clients, couples, exercises, homeworkPreferences, members, practices, programItems, users, type CheckInRatings, type RatingPrompt } from "@/db/schema";
import { addDays, todayIn } from "@/lib/dates";
import { planOf, type AssignmentPlan } from "./schedule";

export interface ActiveAssignment {
  plan: AssignmentPlan;
  practiceId: string;
  timeZone: string;
  clientIds: string[];
  coupleId: string | null;
  assignedByMemberId: string | null;
}

export interface ActiveHomework {
  assignments: ActiveAssignment[];
  practices: Map<string, { name: string; slug: string; timeZone: string }>;
  clients: Map<string, { id: string; firstName: string; lastName: string; preferredName: string | null; email: string | null; hasPortal: boolean; remindersEnabled: boolean }>;
  members: Map<string, { id: string; displayName: string; email: string }>;
  checkIns: { assignmentId: string; exerciseId: string; clientId: string; date: string; done: boolean; createdAt: Date; ratings: CheckInRatings; ratingPrompts: RatingPrompt[] }[];
}

/**
 * Every assignment running around `now` (across practices for the jobs, or in one practice),
 * with the people, practices and the last `historyDays` of check-ins: six
 * queries whatever the number of clients.
 */
export async function loadActiveHomework(now: Date, historyDays: number, practiceId?: string): Promise<ActiveHomework> {
  // A day's margin each side: "today" differs by zone; each row is re-checked with its own zone.
  const utcToday = todayIn("UTC", now);
  const rows = await db
    .select({ a: assignments, timeZone: practices.timeZone, practiceName: practices.name, slug: practices.slug })
    .from(assignments)
    .innerJoin(practices, eq(practices.id, assignments.practiceId))
    .where(
      and(
        practiceId ? eq(assignments.practiceId, practiceId) : undefined,
        isNull(assignments.endedAt),
        lte(assignments.startDate, addDays(utcToday, 1)),
        gte(assignments.dueDate, addDays(utcToday, -1)),
      ),
    )
    .orderBy(asc(assignments.id));
  const programIds = [...new Set(rows.map((r) => r.a.programId).filter((x): x is string => !!x))];
  const coupleIds = [...new Set(rows.map((r) => r.a.coupleId).filter((x): x is string => !!x))];
  const [items, coupleRows] = await Promise.all([
    programIds.length ? db.select().from(programItems).where(inArray(programItems.programId, programIds)).orderBy(asc(programItems.position)) : [],
    coupleIds.length ? db.select().from(couples).where(inArray(couples.id, coupleIds)) : [],
  ]);
  const coupleById = new Map(coupleRows.map((c) => [c.id, [c.clientAId, c.clientBId]]));
  const active: ActiveAssignment[] = rows.map(({ a, timeZone }) => ({
    practiceId: a.practiceId,
    timeZone,
    coupleId: a.coupleId,
    assignedByMemberId: a.assignedByMemberId,
    clientIds: a.coupleId ? (coupleById.get(a.coupleId) ?? []) : [a.clientId!],
    plan: planOf(a, items),
  }));
  const clientIds = [...new Set(active.flatMap((a) => a.clientIds))];
  const memberIds = [...new Set(active.map((a) => a.assignedByMemberId).filter((x): x is string => !!x))];
  const assignmentIds = active.map((a) => a.plan.id);
  const [clientRows, memberRows, checkInRows] = await Promise.all([
    clientIds.length
      ? db
          .select({ c: clients, reminders: homeworkPreferences.remindersEnabled })
          .from(clients)
          .leftJoin(homeworkPreferences, eq(homeworkPreferences.clientId, clients.id))
          .where(inArray(clients.id, clientIds))
      : [],
    memberIds.length
      ? db.select({ id: members.id, displayName: members.displayName, email: users.email }).from(members).innerJoin(users, eq(users.id, members.userId)).where(inArray(members.id, memberIds))
      : [],
    assignmentIds.length
      ? db
          .select({
            assignmentId: checkIns.assignmentId,
            exerciseId: checkIns.exerciseId,
            clientId: checkIns.clientId,
            date: checkIns.date,
            done: checkIns.done,
            createdAt: checkIns.createdAt,
            ratings: checkIns.ratings,
            prompts: exercises.prompts,
          })
          .from(checkIns)
          .innerJoin(exercises, eq(exercises.id, checkIns.exerciseId))
          .where(and(inArray(checkIns.assignmentId, assignmentIds), gte(checkIns.date, addDays(utcToday, -historyDays))))
      : [],
  ]);
  return {
    assignments: active,
    practices: new Map(rows.map((r) => [r.a.practiceId, { name: r.practiceName, slug: r.slug, timeZone: r.timeZone }])),
    clients: new Map(
      clientRows.map(({ c, reminders }) => [
        c.id,
        { id: c.id, firstName: c.firstName, lastName: c.lastName, preferredName: c.preferredName, email: c.email, hasPortal: c.userId !== null, remindersEnabled: reminders ?? true },
      ]),
    ),
    members: new Map(memberRows.map((m) => [m.id, m])),
    checkIns: checkInRows.map(({ prompts, ...c }) => ({ ...c, ratingPrompts: prompts.ratings })),
  };
}
