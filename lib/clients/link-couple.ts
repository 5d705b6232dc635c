import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, couples } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { isUniqueViolation, pgError } from "@/lib/db/pg-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { coupleSchema } from "./client-schema";

export type LinkCoupleResult = { ok: true; coupleId: string } | { ok: false; errors: FieldErrors };

/** Links two clients of the practice as a couple; each may be in one couple. */
export async function linkCouple(scope: PracticeScope, clientId: string, input: unknown): Promise<LinkCoupleResult> {
  const parsed = coupleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { partnerId } = parsed.data;
  if (!isUuid(clientId)) return fieldError("form", "That client was not found in this practice");
  if (partnerId === clientId) return fieldError("partnerId", "A client cannot be their own partner");
  const found = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.practiceId, scope.practice.id), inArray(clients.id, [clientId, partnerId])));
  if (found.length !== 2) return fieldError("partnerId", "Choose a partner from this practice's clients");
  const [a, b] = [clientId, partnerId].sort() as [string, string];
  try {
    const coupleId = await db.transaction(async (tx) => {
      const [couple] = await tx
        .insert(couples)
        .values({ practiceId: scope.practice.id, clientAId: a, clientBId: b })
        .returning({ id: couples.id });
      await recordAudit(byMember(scope, "couple.create", { type: "couple", id: couple!.id }, { clientIds: [a, b] }), tx);
      return couple!.id;
    });
    return { ok: true, coupleId };
  } catch (error) {
    const pg = pgError(error);
    if (isUniqueViolation(error) || pg?.constraint === "couples_one_per_client") {
      return fieldError("partnerId", "One of these clients is already part of a couple");
    }
    throw error;
  }
}

/** Ends a couple link (the two client records stay). */
export async function unlinkCouple(scope: PracticeScope, coupleId: string): Promise<boolean> {
  if (!isUuid(coupleId)) return false;
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(couples)
      .where(and(eq(couples.id, coupleId), eq(couples.practiceId, scope.practice.id)))
      .returning({ id: couples.id });
    if (deleted.length === 0) return false;
    await recordAudit(byMember(scope, "couple.delete", { type: "couple", id: coupleId }), tx);
    return true;
  });
}
