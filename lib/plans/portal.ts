import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, planSignatures, planVersions, treatmentPlans, type PlanVersion } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { isUniqueViolation, pgError } from "@/lib/db/pg-error";
import { signatureMatchesName } from "@/lib/documents/schemas";
import { conflict, notFound, type Conflict, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { onPlan } from "./people";
import { signPlanSchema, type PlanContent } from "./schema";

/** The client whose portal is open: from requireClient, never from the request. */
export interface PlanClient {
  id: string;
  practiceId: string;
  userId?: string | null;
}

export interface PortalPlan {
  planId: string;
  versionId: string;
  number: number;
  publishedAt: Date;
  reviewDate: string;
  content: PlanContent;
  forCouple: boolean;
  mySignedAt: Date | null;
  /** On a couple's plan: the partner's first name and whether they signed. Nothing else of theirs. */
  partner: { name: string; signed: boolean } | null;
}

/**
 * The published plans this client is on: their own and their couple's.
 * Drafts and superseded versions stay with the practice; a partner's own
 * plan never appears here.
 */
export async function listPortalPlans(client: PlanClient, planId?: string): Promise<PortalPlan[]> {
  if (planId !== undefined && !isUuid(planId)) return [];
  const rows = await db
    .select({ plan: treatmentPlans, version: planVersions })
    .from(treatmentPlans)
    .innerJoin(planVersions, and(eq(planVersions.planId, treatmentPlans.id), eq(planVersions.status, "published")))
    .where(and(eq(treatmentPlans.practiceId, client.practiceId), onPlan(client.id), planId ? eq(treatmentPlans.id, planId) : undefined))
    .orderBy(desc(planVersions.publishedAt));
  if (!rows.length) return [];
  const sigs = await db
    .select({ versionId: planSignatures.versionId, clientId: planSignatures.clientId, signedAt: planSignatures.signedAt })
    .from(planSignatures)
    .where(and(eq(planSignatures.practiceId, client.practiceId), inArray(planSignatures.versionId, rows.map((r) => r.version.id))));
  const partnerIds = rows.flatMap((r) => (r.plan.partnerClientId ? [r.plan.clientId === client.id ? r.plan.partnerClientId : r.plan.clientId] : []));
  const partners = partnerIds.length
    ? await db
        .select({ id: clients.id, firstName: clients.firstName, preferredName: clients.preferredName })
        .from(clients)
        .where(and(eq(clients.practiceId, client.practiceId), inArray(clients.id, partnerIds)))
    : [];
  return rows.map(({ plan, version }: { plan: typeof treatmentPlans.$inferSelect; version: PlanVersion }) => {
    const otherId = plan.partnerClientId ? (plan.clientId === client.id ? plan.partnerClientId : plan.clientId) : null;
    const other = otherId ? partners.find((p) => p.id === otherId) : undefined;
    return {
      planId: plan.id,
      versionId: version.id,
      number: version.number,
      publishedAt: version.publishedAt!,
      reviewDate: version.reviewDate,
      content: version.content,
      forCouple: plan.partnerClientId !== null,
      mySignedAt: sigs.find((s) => s.versionId === version.id && s.clientId === client.id)?.signedAt ?? null,
      partner: other ? { name: other.preferredName ?? other.firstName, signed: sigs.some((s) => s.versionId === version.id && s.clientId === otherId) } : null,
    };
  });
}

export type SignPlanResult = { ok: true; signedAt: Date } | Invalid | NotFound | Conflict<"already_signed" | "not_current">;

const ALREADY = "You already signed this version of your plan.";

/**
 * The client signs the published version of a plan they are on, for
 * themselves: identity from the session, the typed name must be theirs
 * (as documents check it), time, IP and browser recorded. A version that
 * was replaced meanwhile is refused, by this check and by the trigger.
 */
export async function signPlan(client: PlanClient, versionId: string, input: unknown, context: { ip: string; userAgent: string; now: Date }): Promise<SignPlanResult> {
  const parsed = signPlanSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", errors: zodFieldErrors(parsed.error) };
  if (!isUuid(versionId)) return notFound("This plan was not found");
  const [row] = await db
    .select({ status: planVersions.status, planId: planVersions.planId })
    .from(planVersions)
    .innerJoin(treatmentPlans, eq(treatmentPlans.id, planVersions.planId))
    .where(and(eq(planVersions.practiceId, client.practiceId), eq(planVersions.id, versionId), onPlan(client.id)));
  if (!row) return notFound("This plan was not found");
  if (row.status !== "published") return conflict("not_current", "Your practice has updated this plan since; reload to read and sign the new version.");
  const [me] = await db
    .select({ firstName: clients.firstName, lastName: clients.lastName, preferredName: clients.preferredName })
    .from(clients)
    .where(and(eq(clients.practiceId, client.practiceId), eq(clients.id, client.id)));
  if (!me) return notFound("This plan was not found");
  if (!signatureMatchesName(parsed.data.name, me)) {
    return { ok: false, code: "invalid", errors: { name: [`Name: type your own full name as your practice has it (${me.preferredName ?? me.firstName} ${me.lastName})`] } };
  }
  const { now } = context;
  try {
    await db.transaction(async (tx) => {
      await tx.insert(planSignatures).values({
        practiceId: client.practiceId,
        versionId,
        clientId: client.id,
        signatureName: parsed.data.name,
        signedAt: now,
        signatureIp: context.ip.slice(0, 100) || "unknown",
        userAgent: context.userAgent.slice(0, 500),
      });
      await recordAudit(
        {
          practiceId: client.practiceId,
          actor: client.userId ? { kind: "client", userId: client.userId } : { kind: "system" },
          action: "plan.sign",
          subjectType: "client",
          subjectId: client.id,
          detail: { planId: row.planId, versionId },
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error, "plan_signatures_version_id_client_id_key")) return conflict("already_signed", ALREADY);
    // The trigger: the version was superseded between the check and the insert.
    if (pgError(error)?.code === "23514") return conflict("not_current", "Your practice has updated this plan since; reload to read and sign the new version.");
    throw error;
  }
  return { ok: true, signedAt: now };
}
