import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clients } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ClientScope } from "@/lib/auth/guards";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { ownDetailsSchema } from "./own-details-schema";

export type SaveOwnDetailsResult = { ok: true } | { ok: false; errors: FieldErrors };

/**
 * The signed-in client's own record, and only it (the scope comes from
 * requireClient). Validated again with the form's schema; audited with the
 * names of the fields that changed, never their values (an address is not logged).
 */
export async function saveOwnDetails(scope: Pick<ClientScope, "client">, input: unknown, now: Date): Promise<SaveOwnDetailsResult> {
  const parsed = ownDetailsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const values = parsed.data;
  const before = scope.client;
  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((k) => (before[k] ?? null) !== values[k]);
  if (changed.length === 0) return { ok: true };
  await db.transaction(async (tx) => {
    await tx
      .update(clients)
      .set({ ...values, updatedAt: now })
      .where(and(eq(clients.id, before.id), eq(clients.practiceId, before.practiceId)));
    await recordAudit(
      {
        practiceId: before.practiceId,
        actor: { kind: "client", userId: before.userId ?? "" },
        action: "client.update_own_details",
        subjectType: "client",
        subjectId: before.id,
        detail: { fields: changed },
      },
      tx,
    );
  });
  return { ok: true };
}
