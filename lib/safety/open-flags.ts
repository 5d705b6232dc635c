import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { clients, formResponses, formTemplates, safetyFlagNotifications, safetyFlags } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { canSeeFlags } from "./client-flags";

export interface OpenFlag {
  id: string;
  clientId: string;
  clientName: string;
  responseId: string;
  formTitle: string;
  raisedAt: Date;
  /** This member was told of it (one of the client's clinicians, or an owner when the client had none). */
  mine: boolean;
}

/**
 * The practice's open safety flags a member may see, for the clinic home:
 * every open flag for the clinical roles (as every clinical role reads every
 * client's answers, lib/auth/roles.ts), the member's own first, then the
 * oldest first (the longest waiting); none for the front desk (no query).
 * ONE query, whatever the number of flags.
 */
export async function listOpenFlags(scope: PracticeScope, options: { limit?: number } = {}, database: DbOrTx = db): Promise<OpenFlag[]> {
  if (!canSeeFlags(scope)) return [];
  const mine = sql<boolean>`exists (select 1 from ${safetyFlagNotifications} n where n.flag_id = ${safetyFlags.id} and n.member_id = ${scope.memberId})`;
  const rows = await database
    .select({
      id: safetyFlags.id,
      clientId: safetyFlags.clientId,
      firstName: clients.firstName,
      lastName: clients.lastName,
      responseId: safetyFlags.responseId,
      formTitle: formTemplates.title,
      raisedAt: safetyFlags.raisedAt,
      mine,
    })
    .from(safetyFlags)
    .innerJoin(clients, and(eq(clients.practiceId, safetyFlags.practiceId), eq(clients.id, safetyFlags.clientId)))
    .innerJoin(formResponses, eq(formResponses.id, safetyFlags.responseId))
    .innerJoin(formTemplates, eq(formTemplates.id, formResponses.templateId))
    .where(and(eq(safetyFlags.practiceId, scope.practice.id), isNull(safetyFlags.acknowledgedAt)))
    .orderBy(desc(mine), safetyFlags.raisedAt, safetyFlags.id)
    .limit(options.limit ?? 50);
  return rows.map(({ firstName, lastName, ...r }) => ({ ...r, clientName: `${firstName} ${lastName}` }));
}
