import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { practiceSetupSteps, practices, type SetupStepId } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { forbidden, invalid, type Forbidden, type Invalid } from "@/lib/errors/domain-error";
import { isDecisionOf, isSetupStepId } from "./steps";

/**
 * The setup's own writes: skip a step (for now), resume it, record a
 * decision, publish or unpublish the booking page. Owners and admins only
 * (`settings.manage`, checked here as well as by the actions' guard).
 * Every other step is finished by the ordinary settings forms it reuses.
 */

export type SetupWriteResult = { ok: true } | Invalid | Forbidden;

const NOT_ALLOWED = "Only an owner or admin can change the practice's setup";

function refuse(scope: Pick<PracticeScope, "role">): Forbidden | null {
  return can(scope.role, "settings.manage") ? null : forbidden(NOT_ALLOWED);
}

async function store(scope: PracticeScope, step: SetupStepId, status: "done" | "skipped", choice: string | null, now: Date) {
  const values = { practiceId: scope.practice.id, step, status, choice, memberId: scope.memberId, updatedAt: now };
  await db
    .insert(practiceSetupSteps)
    .values(values)
    .onConflictDoUpdate({ target: [practiceSetupSteps.practiceId, practiceSetupSteps.step], set: { status, choice, memberId: scope.memberId, updatedAt: now } });
}

/** "Skip for now": the step stays on the list, marked skipped, and can be resumed. */
export async function skipStep(scope: PracticeScope, step: unknown, now: Date): Promise<SetupWriteResult> {
  const refused = refuse(scope);
  if (refused) return refused;
  if (!isSetupStepId(step)) return invalid({ form: ["That setup step does not exist"] });
  // A decision already made stays made; skipping is for what is still to do.
  const [existing] = await db
    .select({ status: practiceSetupSteps.status })
    .from(practiceSetupSteps)
    .where(and(eq(practiceSetupSteps.practiceId, scope.practice.id), eq(practiceSetupSteps.step, step)));
  if (existing?.status === "done") return { ok: true };
  await store(scope, step, "skipped", null, now);
  return { ok: true };
}

/** Back on the list as "to do" (a skipped step, or a decision taken back). */
export async function resumeStep(scope: PracticeScope, step: unknown): Promise<SetupWriteResult> {
  const refused = refuse(scope);
  if (refused) return refused;
  if (!isSetupStepId(step)) return invalid({ form: ["That setup step does not exist"] });
  await db.delete(practiceSetupSteps).where(and(eq(practiceSetupSteps.practiceId, scope.practice.id), eq(practiceSetupSteps.step, step)));
  return { ok: true };
}

/** A decision that finishes a step without data: "no online payments", "forms reviewed", "just me". */
export async function decideStep(scope: PracticeScope, step: unknown, choice: unknown, now: Date): Promise<SetupWriteResult> {
  const refused = refuse(scope);
  if (refused) return refused;
  if (!isSetupStepId(step)) return invalid({ form: ["That setup step does not exist"] });
  if (typeof choice !== "string" || !isDecisionOf(step, choice)) return invalid({ form: ["Choose one of the options on this step"] });
  await store(scope, step, "done", choice, now);
  await recordAudit(byMember(scope, "setup.decide", { type: "practice", id: scope.practice.id }, { step, choice }));
  return { ok: true };
}

/**
 * Opens the public booking page (and /api/book) for this practice. Publishing
 * twice keeps the first date. Audited: it changes what the public can see.
 */
export async function publishPractice(scope: PracticeScope, now: Date): Promise<SetupWriteResult> {
  const refused = refuse(scope);
  if (refused) return refused;
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(practices)
      .set({ publishedAt: now })
      .where(and(eq(practices.id, scope.practice.id), isNull(practices.publishedAt)))
      .returning({ id: practices.id });
    if (rows.length > 0) await recordAudit(byMember(scope, "practice.publish", { type: "practice", id: scope.practice.id }), tx);
  });
  return { ok: true };
}

/** Closes the booking page again: visitors get not found; booked sessions and their links stay. */
export async function unpublishPractice(scope: PracticeScope): Promise<SetupWriteResult> {
  const refused = refuse(scope);
  if (refused) return refused;
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(practices)
      .set({ publishedAt: null })
      .where(and(eq(practices.id, scope.practice.id), isNotNull(practices.publishedAt)))
      .returning({ id: practices.id });
    if (rows.length > 0) await recordAudit(byMember(scope, "practice.unpublish", { type: "practice", id: scope.practice.id }), tx);
  });
  return { ok: true };
}
