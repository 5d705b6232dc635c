import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { safetyFlags } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { conflict, invalid, notFound, type Conflict, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { acknowledgeFlagSchema } from "./acknowledge-schema";
import { canSeeFlags } from "./client-flags";

export type AcknowledgeResult = { ok: true; clientId: string } | Invalid | NotFound | Conflict<"already_acknowledged">;

const NOT_FOUND = "This flag was not found";

/**
 * A clinician closes a flag with a note of what was done (a call, a safety
 * plan, a referral). Once acknowledged it never changes (the database
 * refuses). Audited with ids only: the note is clinical and stays in the row.
 */
export async function acknowledgeFlag(scope: PracticeScope, flagId: string, input: unknown, now: Date): Promise<AcknowledgeResult> {
  if (!isUuid(flagId) || !canSeeFlags(scope)) return notFound(NOT_FOUND);
  const parsed = acknowledgeFlagSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  return db.transaction(async (tx) => {
    const [done] = await tx
      .update(safetyFlags)
      .set({ acknowledgedByUserId: scope.user.id, acknowledgedAt: now, acknowledgementNote: parsed.data.note })
      .where(and(eq(safetyFlags.id, flagId), eq(safetyFlags.practiceId, scope.practice.id), isNull(safetyFlags.acknowledgedAt)))
      .returning({ clientId: safetyFlags.clientId, responseId: safetyFlags.responseId });
    if (!done) {
      const [existing] = await tx
        .select({ id: safetyFlags.id })
        .from(safetyFlags)
        .where(and(eq(safetyFlags.id, flagId), eq(safetyFlags.practiceId, scope.practice.id)));
      return existing ? conflict("already_acknowledged", "Another clinician already acknowledged this flag") : notFound(NOT_FOUND);
    }
    await recordAudit(byMember(scope, "safety_flag.acknowledge", { type: "safety_flag", id: flagId }, { clientId: done.clientId, responseId: done.responseId }), tx);
    return { ok: true, clientId: done.clientId };
  });
}
