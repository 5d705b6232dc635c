import { and, asc, eq, lte, or } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { clients, planVersions, treatmentPlans } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { addDays } from "@/lib/dates/calendar";
import { todayIn } from "@/lib/dates/zone";

/** How far ahead a review date puts a plan on the clinician's list (the issue: "when a review date nears"). */
export const REVIEW_NOTICE_DAYS = 7;

export interface PlanReviewDue {
  planId: string;
  clientId: string;
  clientName: string;
  reviewDate: string;
  /** Past its review date already. */
  overdue: boolean;
}

/**
 * Published plans whose review date is within the next 7 days (or past), for
 * the clinic home: a clinician sees the plans they wrote; owners and admins
 * every plan. The day is the practice's, from `now`. No content: no audit.
 */
export async function plansDueForReview(scope: PracticeScope, now: Date, database: DbOrTx = db): Promise<PlanReviewDue[]> {
  if (!can(scope.role, "plans.write")) return [];
  const today = todayIn(scope.practice.timeZone, now);
  const everyone = scope.role === "owner" || scope.role === "admin";
  const rows = await database
    .select({
      planId: treatmentPlans.id,
      clientId: treatmentPlans.clientId,
      firstName: clients.firstName,
      preferredName: clients.preferredName,
      lastName: clients.lastName,
      reviewDate: planVersions.reviewDate,
    })
    .from(planVersions)
    .innerJoin(treatmentPlans, eq(treatmentPlans.id, planVersions.planId))
    .innerJoin(clients, and(eq(clients.practiceId, treatmentPlans.practiceId), eq(clients.id, treatmentPlans.clientId)))
    .where(
      and(
        eq(planVersions.practiceId, scope.practice.id),
        eq(planVersions.status, "published"),
        lte(planVersions.reviewDate, addDays(today, REVIEW_NOTICE_DAYS)),
        everyone ? undefined : or(eq(treatmentPlans.createdByUserId, scope.user.id), eq(planVersions.publishedByUserId, scope.user.id)),
      ),
    )
    .orderBy(asc(planVersions.reviewDate), asc(treatmentPlans.id));
  return rows.map((r) => ({
    planId: r.planId,
    clientId: r.clientId,
    clientName: `${r.preferredName ?? r.firstName} ${r.lastName}`,
    reviewDate: r.reviewDate,
    overdue: r.reviewDate < today,
  }));
}
