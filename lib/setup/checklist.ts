import { eq, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { practiceSetupSteps, practices, type SetupStepId } from "@/db/schema";
import { env } from "@/lib/env";
import { isDecisionOf, SETUP_STEPS, type SetupStepInfo } from "./steps";

/**
 * A practice's guided setup as its owner sees it: every step done, skipped or
 * still to do. "Done" is read from the practice's own data where data says it
 * (the details saved, a bookable service, weekly hours, Stripe taking
 * charges, a second member, the booking page published); the stored rows
 * only add the decisions data cannot show (no online payments, forms
 * reviewed, working alone) and the skips. Two queries, whatever the practice.
 */

export type SetupStatus = "done" | "skipped" | "todo";

export interface SetupChecklistStep extends SetupStepInfo {
  status: SetupStatus;
  /** The decision that finished it, when one did (e.g. "no_online_payments"). */
  choice: string | null;
}

export interface SetupChecklist {
  practiceSlug: string;
  steps: SetupChecklistStep[];
  doneCount: number;
  total: number;
  /** Nothing left to do: every step done or skipped. */
  complete: boolean;
  /** Where "Continue setup" goes: the first step still to do, else the first skipped one. */
  next: SetupStepId | null;
  publishedAt: Date | null;
}

/** What the practice's data says, step by step (pure, for the tests and the loader). */
export interface SetupFacts {
  hasDetails: boolean;
  hasBookableService: boolean;
  hasWeeklyHours: boolean;
  takesPayments: boolean;
  hasTeam: boolean;
  published: boolean;
}

const DATA_DONE: Record<SetupStepId, (f: SetupFacts) => boolean> = {
  details: (f) => f.hasDetails,
  service: (f) => f.hasBookableService,
  hours: (f) => f.hasWeeklyHours,
  payments: (f) => f.takesPayments,
  forms: () => false,
  team: (f) => f.hasTeam,
  publish: (f) => f.published,
};

export function buildChecklist(
  practiceSlug: string,
  facts: SetupFacts,
  stored: { step: SetupStepId; status: "done" | "skipped"; choice: string | null }[],
  publishedAt: Date | null,
): SetupChecklist {
  const byStep = new Map(stored.map((r) => [r.step, r]));
  const steps = SETUP_STEPS.map((info): SetupChecklistStep => {
    const row = byStep.get(info.id);
    if (DATA_DONE[info.id](facts)) return { ...info, status: "done", choice: null };
    // A stored "done" counts only for a decision this step offers.
    if (row?.status === "done" && row.choice !== null && isDecisionOf(info.id, row.choice)) return { ...info, status: "done", choice: row.choice };
    if (row?.status === "skipped") return { ...info, status: "skipped", choice: null };
    return { ...info, status: "todo", choice: null };
  });
  const doneCount = steps.filter((s) => s.status === "done").length;
  const next = steps.find((s) => s.status === "todo")?.id ?? steps.find((s) => s.status === "skipped")?.id ?? null;
  return { practiceSlug, steps, doneCount, total: steps.length, complete: steps.every((s) => s.status !== "todo"), next, publishedAt };
}

export async function loadSetupChecklist(practiceId: string, database: DbOrTx = db): Promise<SetupChecklist | null> {
  // One row of facts: each a correlated EXISTS on the practice's own rows.
  const [row] = await database
    .select({
      slug: practices.slug,
      publishedAt: practices.publishedAt,
      // The details form requires a phone (and an address unless the practice works online only).
      hasDetails: sql<boolean>`(${practices.phone} is not null)`,
      hasBookableService: sql<boolean>`exists (
        select 1 from services s
        join service_clinicians sc on sc.service_id = s.id and sc.practice_id = s.practice_id
        join members m on m.id = sc.member_id and m.practice_id = s.practice_id and m.joined_at is not null
        where s.practice_id = "practices"."id" and s.archived_at is null)`,
      hasWeeklyHours: sql<boolean>`exists (select 1 from availability_rules r where r.practice_id = "practices"."id")`,
      takesPayments: sql<boolean>`exists (select 1 from practice_billing b where b.practice_id = "practices"."id" and b.charges_enabled)`,
      hasTeam: sql<boolean>`((select count(*) from members m where m.practice_id = "practices"."id") > 1)`,
    })
    .from(practices)
    .where(eq(practices.id, practiceId));
  if (!row) return null;
  const stored = await database
    .select({ step: practiceSetupSteps.step, status: practiceSetupSteps.status, choice: practiceSetupSteps.choice })
    .from(practiceSetupSteps)
    .where(eq(practiceSetupSteps.practiceId, practiceId));
  const facts: SetupFacts = {
    hasDetails: row.hasDetails,
    hasBookableService: row.hasBookableService,
    hasWeeklyHours: row.hasWeeklyHours,
    // With Connect, the practice's own account taking charges; without, there is nothing to connect and the step is a decision.
    takesPayments: env.STRIPE_CONNECT === "on" && row.takesPayments,
    hasTeam: row.hasTeam,
    published: row.publishedAt !== null,
  };
  return buildChecklist(row.slug, facts, stored, row.publishedAt);
}

/**
 * Where to go after finishing or skipping `current`: the next unfinished step
 * after it, else an earlier one still open (skipped ones included), else
 * null (the checklist). Finished steps are never shown again on the way.
 */
export function whereNext(checklist: Pick<SetupChecklist, "steps">, current: SetupStepId): SetupStepId | null {
  const i = checklist.steps.findIndex((s) => s.id === current);
  const open = (s: SetupChecklistStep) => s.id !== current && s.status !== "done";
  return checklist.steps.slice(i + 1).find(open)?.id ?? checklist.steps.slice(0, i).find(open)?.id ?? null;
}
