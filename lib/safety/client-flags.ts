import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { formResponses, formTemplates, members, safetyFlags } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";

export interface ClientFlag {
  id: string;
  clientId: string;
  responseId: string;
  formTitle: string;
  questionKey: string;
  raisedAt: Date;
  acknowledgedAt: Date | null;
  acknowledgedByName: string | null;
  acknowledgementNote: string | null;
}

/**
 * Safety flags are clinical (that a client answered a risk question is
 * itself clinical): clinical roles only; for the front desk there is none.
 */
export function canSeeFlags(scope: Pick<PracticeScope, "role">): boolean {
  return can(scope.role, "clinical.read");
}

function select() {
  return db
    .select({
      id: safetyFlags.id,
      clientId: safetyFlags.clientId,
      responseId: safetyFlags.responseId,
      formTitle: formTemplates.title,
      questionKey: safetyFlags.questionKey,
      raisedAt: safetyFlags.raisedAt,
      acknowledgedAt: safetyFlags.acknowledgedAt,
      // The acknowledging member's name in this practice (a user's name elsewhere is not this practice's to show).
      acknowledgedByName: members.displayName,
      acknowledgementNote: safetyFlags.acknowledgementNote,
    })
    .from(safetyFlags)
    .innerJoin(formResponses, eq(formResponses.id, safetyFlags.responseId))
    .innerJoin(formTemplates, eq(formTemplates.id, formResponses.templateId))
    .leftJoin(members, and(eq(members.practiceId, safetyFlags.practiceId), eq(members.userId, safetyFlags.acknowledgedByUserId)));
}

const openFirst = [sql`${safetyFlags.acknowledgedAt} is null desc`, desc(safetyFlags.raisedAt)];

/**
 * One client's flags, open ones first (then the acknowledged, newest
 * first): only this client's, never their partner's. One query.
 */
export async function flagsForClient(scope: PracticeScope, clientId: string, limit = 20): Promise<ClientFlag[]> {
  if (!isUuid(clientId) || !canSeeFlags(scope)) return [];
  return select()
    .where(and(eq(safetyFlags.practiceId, scope.practice.id), eq(safetyFlags.clientId, clientId)))
    .orderBy(...openFirst)
    .limit(limit);
}

/** The flags one response raised (its page lifts those answers to the top). One query. */
export async function flagsForResponse(scope: PracticeScope, responseId: string): Promise<ClientFlag[]> {
  if (!isUuid(responseId) || !canSeeFlags(scope)) return [];
  return select()
    .where(and(eq(safetyFlags.practiceId, scope.practice.id), eq(safetyFlags.responseId, responseId)))
    .orderBy(...openFirst);
}

/** Whether a client has an open flag (for pages that only need to say so). */
export async function hasOpenFlag(scope: PracticeScope, clientId: string): Promise<boolean> {
  if (!isUuid(clientId) || !canSeeFlags(scope)) return false;
  const [row] = await db
    .select({ id: safetyFlags.id })
    .from(safetyFlags)
    .where(and(eq(safetyFlags.practiceId, scope.practice.id), eq(safetyFlags.clientId, clientId), isNull(safetyFlags.acknowledgedAt)))
    .limit(1);
  return row !== undefined;
}
