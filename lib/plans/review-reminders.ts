import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { members, planVersions, practices, treatmentPlans } from "@/db/schema";
import { rolesWith } from "@/lib/auth/roles";
import { kickStaffNotifications, notifyMembers } from "@/lib/notifications/record";
import { REVIEW_NOTICE_DAYS } from "./reviews";

/** One notice per published version and review date: a re-run, or a second instance, tells nobody twice. */
export function planReviewKey(versionId: string, reviewDate: string): string {
  return `plan-review:${versionId}:${reviewDate}`;
}

export interface PlanReviewRun {
  /** Published plans whose review date is within REVIEW_NOTICE_DAYS of the practice's today (or past). */
  due: number;
  /** Notices addressed this run (a repeat of a key the database already holds writes nothing new). */
  told: number;
}

/**
 * The review reminder the issue asks for ("a review reminder goes to the
 * clinician when a review date nears"): for every published plan whose review
 * date is a week away or past, in its practice's own calendar, the clinicians
 * who wrote or published it hear of it once (a `plan_review` notice, in the
 * app and by email as each chose; the email names nobody). A plan whose
 * writers have left the practice goes to its owners and admins, so a review
 * is never nobody's. Reads ids and dates only: nothing clinical leaves here.
 */
export async function remindPlanReviews(now: Date): Promise<PlanReviewRun> {
  const today = sql`(${now.toISOString()}::timestamptz at time zone ${practices.timeZone})::date`;
  const due = await db
    .select({
      practiceId: planVersions.practiceId,
      versionId: planVersions.id,
      reviewDate: planVersions.reviewDate,
      clientId: treatmentPlans.clientId,
      writers: sql<string[]>`array_remove(array[${treatmentPlans.createdByUserId}, ${planVersions.publishedByUserId}, ${planVersions.createdByUserId}]::uuid[], null)`,
    })
    .from(planVersions)
    .innerJoin(treatmentPlans, and(eq(treatmentPlans.practiceId, planVersions.practiceId), eq(treatmentPlans.id, planVersions.planId)))
    .innerJoin(practices, eq(practices.id, planVersions.practiceId))
    .where(and(eq(planVersions.status, "published"), sql`${planVersions.reviewDate} <= ${today} + ${REVIEW_NOTICE_DAYS}::int`));
  if (due.length === 0) return { due: 0, told: 0 };

  const practiceIds = [...new Set(due.map((d) => d.practiceId))];
  // Who may act on a plan, in the practices concerned: one read.
  const staff = await db
    .select({ id: members.id, practiceId: members.practiceId, userId: members.userId, role: members.role })
    .from(members)
    .where(and(inArray(members.practiceId, practiceIds), inArray(members.role, rolesWith("plans.write")), isNotNull(members.joinedAt)));

  let told = 0;
  await db.transaction(async (tx) => {
    for (const d of due) {
      const here = staff.filter((m) => m.practiceId === d.practiceId);
      const writers = here.filter((m) => m.userId !== null && d.writers.includes(m.userId));
      const recipients = writers.length > 0 ? writers : here.filter((m) => m.role === "owner" || m.role === "admin");
      const result = await notifyMembers(tx, {
        practiceId: d.practiceId,
        kind: "plan_review",
        key: planReviewKey(d.versionId, d.reviewDate),
        memberIds: recipients.map((m) => m.id),
        subject: { clientId: d.clientId },
        now,
      });
      told += result.length;
    }
  });
  kickStaffNotifications();
  return { due: due.length, told };
}
