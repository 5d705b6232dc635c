import { and, desc, eq, inArray, max } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, planSignatures, planVersions, treatmentPlans, type PlanSignature, type PlanVersion, type TreatmentPlan } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { todayIn } from "@/lib/dates/zone";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { conflict, forbidden, invalid, notFound, type Conflict, type Forbidden, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { coupleOf } from "@/lib/documents/shares";
import { MEASURE_NAMES } from "@/lib/intake/measures/types";
import { onPlan, peopleOfPlan, scoresOf } from "./people";
import { peopleForGoal, planProgress, type GoalProgress, type PlanPerson } from "./progress";
import { newPlanSchema, planContentSchema, toContent, type PlanContent } from "./schema";

/**
 * Treatment plans for staff (decision 0051). Writing needs plans.write,
 * reading clinical.read; every read of a plan is audited (`plan.read`, ids
 * only). The domain returns typed errors; the form's fields are named.
 */

type WriteError = Invalid | NotFound | Forbidden | Conflict<"no_draft" | "busy">;

function denyWrite(scope: PracticeScope): Forbidden | null {
  return can(scope.role, "plans.write") ? null : forbidden("Only clinical staff write treatment plans");
}

/**
 * Refuses a goal tied to a measure someone on the plan never answered: a
 * target with nothing to chart is a typo or a form not sent yet. The error
 * names the goal's measure field.
 */
async function checkMeasureLinks(practiceId: string, content: PlanContent, people: PlanPerson[]): Promise<FieldErrors | null> {
  const scores = await scoresOf(
    practiceId,
    people.map((p) => p.clientId),
  );
  const errors: FieldErrors = {};
  const couple = people.length > 1;
  content.goals.forEach((goal, i) => {
    if (!goal.measure) return;
    if (!couple && goal.measure.who !== "client") {
      errors[`goals.${i}.measure.who`] = ["Whose scores: this plan is for one client"];
      return;
    }
    const missing = peopleForGoal(goal, people).filter((p) => !scores.some((s) => s.clientId === p.clientId && s.measure === goal.measure!.measureKey));
    if (missing.length) {
      errors[`goals.${i}.measure.measureKey`] = [
        `Measure: ${missing.map((p) => p.name.split(" ")[0]).join(" and ")} never answered ${MEASURE_NAMES[goal.measure.measureKey]}; send it first or choose another measure`,
      ];
    }
  });
  return Object.keys(errors).length ? errors : null;
}

async function loadPlan(practiceId: string, planId: string): Promise<TreatmentPlan | null> {
  if (!isUuid(planId)) return null;
  const [plan] = await db.select().from(treatmentPlans).where(and(eq(treatmentPlans.practiceId, practiceId), eq(treatmentPlans.id, planId)));
  return plan ?? null;
}

function parseContent(input: unknown): Invalid | { content: PlanContent; reviewDate: string } {
  const parsed = planContentSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  return toContent(parsed.data);
}

export type CreatePlanResult = { ok: true; planId: string; versionId: string } | WriteError;

/** A new plan for a client (or their couple), with its first draft. */
export async function createPlan(scope: PracticeScope, clientId: string, input: unknown, now: Date): Promise<CreatePlanResult> {
  const denied = denyWrite(scope);
  if (denied) return denied;
  if (!isUuid(clientId)) return notFound("Client not found");
  const practiceId = scope.practice.id;
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId)));
  if (!client) return notFound("Client not found");
  const whole = newPlanSchema.safeParse(input);
  if (!whole.success) return invalid(zodFieldErrors(whole.error));
  const kind = whole;
  const parsed = toContent(whole.data);
  const couple = kind.data.with === "couple" ? await coupleOf(practiceId, clientId) : null;
  if (kind.data.with === "couple" && !couple) return invalid({ with: ["Plan for: this client is not in a couple; write the plan for the client"] });
  const partnerClientId = couple ? (couple.clientAId === clientId ? couple.clientBId : couple.clientAId) : null;
  const people = await peopleOfPlan(practiceId, { clientId, partnerClientId });
  const linkErrors = await checkMeasureLinks(practiceId, parsed.content, people);
  if (linkErrors) return invalid(linkErrors);

  return db.transaction(async (tx) => {
    const [plan] = await tx.insert(treatmentPlans).values({ practiceId, clientId, partnerClientId, createdByUserId: scope.user.id, createdAt: now }).returning({ id: treatmentPlans.id });
    const [version] = await tx
      .insert(planVersions)
      .values({ practiceId, planId: plan!.id, number: 1, content: parsed.content, reviewDate: parsed.reviewDate, createdByUserId: scope.user.id, createdAt: now, updatedAt: now })
      .returning({ id: planVersions.id });
    await recordAudit(byMember(scope, "plan.create", { type: "client", id: clientId }, { planId: plan!.id, versionId: version!.id, couple: partnerClientId !== null }), tx);
    return { ok: true as const, planId: plan!.id, versionId: version!.id };
  });
}

export type SaveDraftResult = { ok: true; versionId: string; number: number } | WriteError;

/**
 * Saves the plan's draft: the open draft is updated in place; with none (the
 * last one was published) a new draft is started as the next number. A
 * published version is never touched (the database refuses it too).
 */
export async function saveDraftVersion(scope: PracticeScope, planId: string, input: unknown, now: Date): Promise<SaveDraftResult> {
  const denied = denyWrite(scope);
  if (denied) return denied;
  const plan = await loadPlan(scope.practice.id, planId);
  if (!plan) return notFound("Treatment plan not found");
  const parsed = parseContent(input);
  if ("ok" in parsed) return parsed;
  const linkErrors = await checkMeasureLinks(scope.practice.id, parsed.content, await peopleOfPlan(scope.practice.id, plan));
  if (linkErrors) return invalid(linkErrors);
  try {
    return await db.transaction(async (tx) => {
      const [draft] = await tx
        .update(planVersions)
        .set({ content: parsed.content, reviewDate: parsed.reviewDate, updatedAt: now })
        .where(and(eq(planVersions.practiceId, plan.practiceId), eq(planVersions.planId, plan.id), eq(planVersions.status, "draft")))
        .returning({ id: planVersions.id, number: planVersions.number });
      let saved = draft;
      if (!saved) {
        const [last] = await tx.select({ n: max(planVersions.number) }).from(planVersions).where(eq(planVersions.planId, plan.id));
        [saved] = await tx
          .insert(planVersions)
          .values({ practiceId: plan.practiceId, planId: plan.id, number: (last?.n ?? 0) + 1, content: parsed.content, reviewDate: parsed.reviewDate, createdByUserId: scope.user.id, createdAt: now, updatedAt: now })
          .returning({ id: planVersions.id, number: planVersions.number });
      }
      await recordAudit(byMember(scope, "plan.save_draft", { type: "client", id: plan.clientId }, { planId: plan.id, versionId: saved!.id }), tx);
      return { ok: true as const, versionId: saved!.id, number: saved!.number };
    });
  } catch (error) {
    // Two saves at once both starting a new draft: one wins, the other is told to reload.
    if (isUniqueViolation(error)) return conflict("busy", "Someone else saved this plan at the same moment; reload and try again");
    throw error;
  }
}

export type PublishResult = { ok: true; versionId: string; number: number } | WriteError;

/** Publishes the draft: the client can now sign it; the version it replaces is kept, superseded. */
export async function publishVersion(scope: PracticeScope, planId: string, now: Date): Promise<PublishResult> {
  const denied = denyWrite(scope);
  if (denied) return denied;
  const plan = await loadPlan(scope.practice.id, planId);
  if (!plan) return notFound("Treatment plan not found");
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(planVersions)
      .where(and(eq(planVersions.planId, plan.id), eq(planVersions.status, "draft")))
      .for("update");
    if (!draft) return conflict("no_draft", "There is no draft to publish; save your changes first");
    const old = await tx
      .update(planVersions)
      .set({ status: "superseded", supersededAt: now })
      .where(and(eq(planVersions.planId, plan.id), eq(planVersions.status, "published")))
      .returning({ id: planVersions.id });
    await tx.update(planVersions).set({ status: "published", publishedAt: now, publishedByUserId: scope.user.id }).where(eq(planVersions.id, draft.id));
    await recordAudit(byMember(scope, "plan.publish", { type: "client", id: plan.clientId }, { planId: plan.id, versionId: draft.id, supersededId: old[0]?.id ?? null }), tx);
    return { ok: true as const, versionId: draft.id, number: draft.number };
  });
}

export interface StaffPlanSummary {
  id: string;
  partnerName: string | null;
  createdAt: Date;
  current: { number: number; status: PlanVersion["status"]; reviewDate: string } | null;
  hasDraft: boolean;
}

/** The plans a client is on (their own, and their couple's), newest first; no content, so no audit. */
export async function listClientPlans(scope: PracticeScope, clientId: string): Promise<StaffPlanSummary[]> {
  if (!isUuid(clientId) || !can(scope.role, "clinical.read")) return [];
  const plans = await db
    .select()
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.practiceId, scope.practice.id), onPlan(clientId)))
    .orderBy(desc(treatmentPlans.createdAt), desc(treatmentPlans.id));
  if (!plans.length) return [];
  const versions = await db
    .select({ planId: planVersions.planId, number: planVersions.number, status: planVersions.status, reviewDate: planVersions.reviewDate })
    .from(planVersions)
    .where(and(eq(planVersions.practiceId, scope.practice.id), inArray(planVersions.planId, plans.map((p) => p.id))));
  const partners = await db
    .select({ id: clients.id, firstName: clients.firstName, preferredName: clients.preferredName })
    .from(clients)
    .where(and(eq(clients.practiceId, scope.practice.id), inArray(clients.id, plans.flatMap((p) => [p.clientId, p.partnerClientId ?? p.clientId]))));
  return plans.map((p) => {
    const mine = versions.filter((v) => v.planId === p.id);
    const published = mine.find((v) => v.status === "published");
    const draft = mine.find((v) => v.status === "draft");
    const other = p.partnerClientId ? (p.clientId === clientId ? p.partnerClientId : p.clientId) : null;
    const partner = other ? partners.find((x) => x.id === other) : undefined;
    const current = published ?? draft;
    return {
      id: p.id,
      partnerName: partner ? (partner.preferredName ?? partner.firstName) : null,
      createdAt: p.createdAt,
      current: current ? { number: current.number, status: current.status, reviewDate: current.reviewDate } : null,
      hasDraft: Boolean(draft),
    };
  });
}

export interface StaffPlan {
  plan: TreatmentPlan;
  people: PlanPerson[];
  versions: PlanVersion[];
  draft: PlanVersion | null;
  published: PlanVersion | null;
  /** Signatures on every version, by version id. */
  signatures: Map<string, PlanSignature[]>;
  /** The published version's goals (else the draft's) against their targets. */
  progress: GoalProgress[];
}

/**
 * One plan with its versions, signatures and progress, for a client the plan
 * is on. Another practice's plan, or a plan the client is not on, is not
 * found. Audited as `plan.read` on the client whose record was opened.
 */
export async function getPlan(scope: PracticeScope, clientId: string, planId: string, now: Date): Promise<StaffPlan | NotFound | Forbidden> {
  if (!can(scope.role, "clinical.read")) return forbidden("Treatment plans are for clinical staff");
  if (!isUuid(clientId) || !isUuid(planId)) return notFound("Treatment plan not found");
  const [plan] = await db
    .select()
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.practiceId, scope.practice.id), eq(treatmentPlans.id, planId), onPlan(clientId)));
  if (!plan) return notFound("Treatment plan not found");
  const versions = await db
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.practiceId, scope.practice.id), eq(planVersions.planId, plan.id)))
    .orderBy(desc(planVersions.number));
  const sigs = versions.length
    ? await db
        .select()
        .from(planSignatures)
        .where(and(eq(planSignatures.practiceId, scope.practice.id), inArray(planSignatures.versionId, versions.map((v) => v.id))))
        .orderBy(planSignatures.signedAt)
    : [];
  const signatures = new Map<string, PlanSignature[]>();
  for (const s of sigs) signatures.set(s.versionId, [...(signatures.get(s.versionId) ?? []), s]);
  const people = await peopleOfPlan(scope.practice.id, plan);
  const draft = versions.find((v) => v.status === "draft") ?? null;
  const published = versions.find((v) => v.status === "published") ?? null;
  const shown = published ?? draft;
  const scores = await scoresOf(
    scope.practice.id,
    people.map((p) => p.clientId),
  );
  const progress = shown ? planProgress(shown.content.goals, people, scores, todayIn(scope.practice.timeZone, now)) : [];
  await recordAudit(byMember(scope, "plan.read", { type: "client", id: clientId }, { planId: plan.id }));
  return { plan, people, versions, draft, published, signatures, progress };
}
