import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clients } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid, type PracticeScope } from "@/lib/auth/guards";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { clientSchema } from "./client-schema";
import { upsertUserByEmail } from "./upsert-portal-user";

const NOT_FOUND = "That client was not found in this practice";

export type SaveClientResult = { ok: true; clientId: string } | { ok: false; errors: FieldErrors };

/**
 * Creates a client (clientId null) or updates one of this practice's clients.
 * Validates again with the form's schema; a duplicate email is a field error.
 */
export async function saveClient(scope: PracticeScope, clientId: string | null, input: unknown): Promise<SaveClientResult> {
  const parsed = clientSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { portalAccess, ...values } = parsed.data;
  if (portalAccess && !values.email) return fieldError("email", "An email address is needed for portal access");
  // A malformed id (a tampered form) is "not found", not a database error.
  if (clientId !== null && !isUuid(clientId)) return fieldError("form", NOT_FOUND);
  const practiceId = scope.practice.id;
  if (clientId && portalAccess) {
    // A typed address opens no portal until its owner confirms it (decision 0012; the database refuses it too).
    const [row] = await db.select({ unverifiedSince: clients.unverifiedSince }).from(clients).where(and(eq(clients.id, clientId), eq(clients.practiceId, practiceId)));
    if (row?.unverifiedSince) return fieldError("portalAccess", "This email address is not confirmed yet: the client confirms it with the link in their booking email");
  }
  try {
    const id = await db.transaction(async (tx) => {
      let existing: { id: string; userId: string | null } | undefined;
      if (clientId) {
        [existing] = await tx
          .select({ id: clients.id, userId: clients.userId })
          .from(clients)
          .where(and(eq(clients.id, clientId), eq(clients.practiceId, practiceId)))
          .for("update");
        if (!existing) return null;
      }
      // Portal access links the client to the account for their email. Turning
      // it off unlinks it; changing the email moves the link to the new address.
      const userId =
        portalAccess && values.email
          ? await upsertUserByEmail(tx, values.email, `${values.firstName} ${values.lastName}`)
          : null;
      const row = { ...values, userId, updatedAt: new Date() };
      let savedId: string;
      if (existing) {
        await tx.update(clients).set(row).where(eq(clients.id, existing.id));
        savedId = existing.id;
      } else {
        const [created] = await tx.insert(clients).values({ ...row, practiceId }).returning({ id: clients.id });
        savedId = created!.id;
      }
      await recordAudit(
        byMember(scope, existing ? "client.update" : "client.create", { type: "client", id: savedId }, { fields: Object.keys(values), portalAccess }),
        tx,
      );
      return savedId;
    });
    if (!id) return fieldError("form", NOT_FOUND);
    return { ok: true, clientId: id };
  } catch (error) {
    if (isUniqueViolation(error, "clients_practice_id_email_key")) {
      return fieldError("email", "Another client in this practice already uses this email");
    }
    if (isUniqueViolation(error, "clients_practice_id_user_id_key")) {
      return fieldError("email", "This email already has portal access as another client of this practice");
    }
    throw error;
  }
}
