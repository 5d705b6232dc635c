import { and, eq, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { clients } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import type { PracticeScope } from "@/lib/auth/guards";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { clientSchema } from "./client-schema";
import {
  MEMBER_ADDRESS,
  cancelOpenEmailChange,
  isMemberAddress,
  openEmailChange,
  sendEmailChangeRequested,
  sendEmailNotice,
  type PendingEmailChange,
} from "./email-change";
import { upsertUserByEmail } from "./upsert-portal-user";

const NOT_FOUND = "That client was not found in this practice";
const EMAIL_TAKEN = "Another client in this practice already uses this email";

export type SaveClientResult = { ok: true; clientId: string; pendingEmail: string | null } | { ok: false; errors: FieldErrors };

type Saved =
  | { kind: "not_found" }
  | { kind: "member_address" }
  | { kind: "email_taken" }
  | { kind: "saved"; id: string; pending: PendingEmailChange | null; oldEmail: string | null; notice: "changed" | "removed" | null };

/**
 * Creates a client (clientId null) or updates one of this practice's clients.
 * Validates again with the form's schema; a duplicate email is a field error.
 *
 * A portal login changes hands only with consent. With portal access on, a
 * new address for an existing client is not saved: it waits for its owner to
 * follow the emailed link, and the old address is told (lib/clients/email-change.ts).
 * Without portal access the address changes at once and the old one is told,
 * so that turning access off, changing the address and turning it back on
 * cannot pass unseen. A practice member's own address never gets portal access.
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
  const now = new Date();
  let saved: Saved;
  try {
    saved = await db.transaction(async (tx): Promise<Saved> => {
      let existing: { id: string; userId: string | null; email: string | null } | undefined;
      if (clientId) {
        [existing] = await tx
          .select({ id: clients.id, userId: clients.userId, email: clients.email })
          .from(clients)
          .where(and(eq(clients.id, clientId), eq(clients.practiceId, practiceId)))
          .for("update");
        if (!existing) return { kind: "not_found" };
      }
      if (portalAccess && values.email && (await isMemberAddress(tx, practiceId, values.email))) return { kind: "member_address" };
      const emailChanges = existing !== undefined && values.email !== existing.email;
      let pending: PendingEmailChange | null = null;
      let row;
      if (existing && emailChanges && portalAccess && values.email) {
        // The address (and so the login) stays as it is until the new one confirms.
        const [taken] = await tx.select({ id: clients.id }).from(clients).where(and(eq(clients.practiceId, practiceId), eq(clients.email, values.email), ne(clients.id, existing.id)));
        if (taken) return { kind: "email_taken" };
        pending = await openEmailChange(tx, { practiceId, clientId: existing.id, newEmail: values.email, requestedByUserId: scope.user.id, now });
        row = { ...values, email: existing.email, userId: existing.userId, updatedAt: now };
      } else {
        const userId = portalAccess && values.email ? await upsertUserByEmail(tx, values.email, `${values.firstName} ${values.lastName}`) : null;
        row = { ...values, userId, updatedAt: now };
        if (existing && !portalAccess) await cancelOpenEmailChange(tx, existing.id, now);
      }
      let savedId: string;
      if (existing) {
        await tx.update(clients).set(row).where(eq(clients.id, existing.id));
        savedId = existing.id;
      } else {
        const [created] = await tx.insert(clients).values({ ...row, practiceId }).returning({ id: clients.id });
        savedId = created!.id;
      }
      await recordAudit(
        byMember(scope, existing ? "client.update" : "client.create", { type: "client", id: savedId }, { fields: Object.keys(values), portalAccess, ...(pending ? { emailChange: pending.id } : {}) }),
        tx,
      );
      const notice = existing?.email && emailChanges && !pending ? (values.email ? "changed" : "removed") : null;
      return { kind: "saved", id: savedId, pending, oldEmail: existing?.email ?? null, notice };
    });
  } catch (error) {
    if (isUniqueViolation(error, "clients_practice_id_email_key")) {
      return fieldError("email", EMAIL_TAKEN);
    }
    if (isUniqueViolation(error, "clients_practice_id_user_id_key")) {
      return fieldError("email", "This email already has portal access as another client of this practice");
    }
    throw error;
  }
  if (saved.kind === "not_found") return fieldError("form", NOT_FOUND);
  if (saved.kind === "member_address") return fieldError("email", MEMBER_ADDRESS);
  if (saved.kind === "email_taken") return fieldError("email", EMAIL_TAKEN);
  // Mail goes out after the commit, so a rolled-back save sends nothing.
  if (saved.pending) await sendEmailChangeRequested(scope.practice, saved.pending, saved.oldEmail);
  else if (saved.notice && saved.oldEmail) await sendEmailNotice(scope.practice, saved.oldEmail, saved.notice);
  return { ok: true, clientId: saved.id, pendingEmail: saved.pending?.newEmail ?? null };
}
