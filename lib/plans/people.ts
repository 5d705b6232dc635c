import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, formResponses, formTemplates, treatmentPlans } from "@/db/schema";
import type { PlanPerson, ScoreInput } from "./progress";

/** A plan's people: the client it was opened from, then the partner on a couple's plan. */
export async function peopleOfPlan(practiceId: string, plan: { clientId: string; partnerClientId: string | null }): Promise<PlanPerson[]> {
  const ids = plan.partnerClientId ? [plan.clientId, plan.partnerClientId] : [plan.clientId];
  const rows = await db
    .select({ id: clients.id, firstName: clients.firstName, preferredName: clients.preferredName, lastName: clients.lastName })
    .from(clients)
    .where(and(eq(clients.practiceId, practiceId), inArray(clients.id, ids)));
  return ids.flatMap((id, i) => {
    const r = rows.find((x) => x.id === id);
    return r ? [{ clientId: id, name: `${r.preferredName ?? r.firstName} ${r.lastName}`, role: i === 0 ? ("client" as const) : ("partner" as const) }] : [];
  });
}

/** Submitted measure scores of these clients (totals only), oldest first. */
export async function scoresOf(practiceId: string, clientIds: readonly string[]): Promise<ScoreInput[]> {
  if (clientIds.length === 0) return [];
  const rows = await db
    .select({ clientId: formResponses.clientId, measure: formTemplates.measure, scores: formResponses.scores, submittedAt: formResponses.submittedAt })
    .from(formResponses)
    .innerJoin(formTemplates, eq(formTemplates.id, formResponses.templateId))
    .where(and(eq(formResponses.practiceId, practiceId), inArray(formResponses.clientId, [...clientIds]), eq(formResponses.status, "submitted"), isNotNull(formTemplates.measure)))
    .orderBy(formResponses.submittedAt);
  return rows.map((r) => ({ clientId: r.clientId, measure: r.measure!, at: r.submittedAt!, total: r.scores?.total ?? null }));
}

/** Where a client is on a plan: the plan's client, or the partner on a couple's plan. */
export function onPlan(clientId: string) {
  return or(eq(treatmentPlans.clientId, clientId), eq(treatmentPlans.partnerClientId, clientId));
}
