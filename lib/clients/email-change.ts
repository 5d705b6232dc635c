import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { clientEmailChanges, clients, members, practices, users, type Practice } from "@/db/schema";
import EmailChangeConfirmEmail, { emailChangeConfirmSubject } from "@/emails/email-change-confirm";
import EmailChangeNoticeEmail, { emailChangeNoticeSubject, type EmailChangeNoticeProps } from "@/emails/email-change-notice";
import { recordAudit } from "@/lib/audit/record-audit";
import { TOKEN_PURPOSES, signToken, verifyToken } from "@/lib/tokens";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { upsertUserByEmail } from "./upsert-portal-user";

/**
 * A portal login changes hands only with consent: a new address for a
 * client with portal access takes effect when its owner follows the
 * emailed link; the old address is told. The link's token is signed
 * (lib/tokens) and names one client_email_changes row,
 * which makes it single-use and lets staff supersede it.
 */
export const EMAIL_CHANGE_PURPOSE = TOKEN_PURPOSES.emailChange;
export const EMAIL_CHANGE_HOURS = 48;

export const MEMBER_ADDRESS = "This address belongs to a member of the practice";

/** Whether `email` is the sign-in address of a member (joined or invited) of the practice. */
export async function isMemberAddress(tx: DbOrTx, practiceId: string, email: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: members.id })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.practiceId, practiceId), eq(users.email, email.toLowerCase())))
    .limit(1);
  return Boolean(row);
}

/** Closes the client's open change, if any (superseded, or portal access turned off). */
export async function cancelOpenEmailChange(tx: DbOrTx, clientId: string, now: Date): Promise<void> {
  await tx
    .update(clientEmailChanges)
    .set({ cancelledAt: now })
    .where(and(eq(clientEmailChanges.clientId, clientId), isNull(clientEmailChanges.confirmedAt), isNull(clientEmailChanges.cancelledAt)));
}

export interface PendingEmailChange {
  id: string;
  newEmail: string;
  expiresAt: Date;
}

/** Opens a change (superseding an earlier one) inside the caller's transaction. */
export async function openEmailChange(
  tx: DbOrTx,
  input: { practiceId: string; clientId: string; newEmail: string; requestedByUserId: string; now: Date },
): Promise<PendingEmailChange> {
  await cancelOpenEmailChange(tx, input.clientId, input.now);
  const expiresAt = new Date(input.now.getTime() + EMAIL_CHANGE_HOURS * 3_600_000);
  const [row] = await tx
    .insert(clientEmailChanges)
    .values({ practiceId: input.practiceId, clientId: input.clientId, newEmail: input.newEmail, requestedByUserId: input.requestedByUserId, expiresAt, createdAt: input.now })
    .returning({ id: clientEmailChanges.id, newEmail: clientEmailChanges.newEmail, expiresAt: clientEmailChanges.expiresAt });
  return row!;
}

/** The client's open, unexpired change, for the staff pages ("pending change to …"). */
export async function pendingEmailChange(practiceId: string, clientId: string, now: Date): Promise<PendingEmailChange | null> {
  const [row] = await db
    .select({ id: clientEmailChanges.id, newEmail: clientEmailChanges.newEmail, expiresAt: clientEmailChanges.expiresAt })
    .from(clientEmailChanges)
    .where(
      and(
        eq(clientEmailChanges.practiceId, practiceId),
        eq(clientEmailChanges.clientId, clientId),
        isNull(clientEmailChanges.confirmedAt),
        isNull(clientEmailChanges.cancelledAt),
        gt(clientEmailChanges.expiresAt, now),
      ),
    );
  return row ?? null;
}

export function emailChangeUrl(change: PendingEmailChange): string {
  const token = signToken(EMAIL_CHANGE_PURPOSE, { c: change.id }, change.expiresAt);
  return `${env.APP_URL.replace(/\/+$/, "")}/email-change/${token}`;
}

function contactOf(practice: Pick<Practice, "email" | "phone">): string | null {
  return practice.email ?? practice.phone ?? null;
}

/** After the transaction: the link to the new address, the notice to the old one. */
export async function sendEmailChangeRequested(practice: Practice, change: PendingEmailChange, oldEmail: string | null): Promise<void> {
  await sendEmail({
    key: `email-change:${change.id}:confirm`,
    to: change.newEmail,
    subject: emailChangeConfirmSubject(practice.name),
    template: "email-change-confirm",
    practiceId: practice.id,
    element: EmailChangeConfirmEmail({ practiceName: practice.name, confirmUrl: emailChangeUrl(change), expiresInHours: EMAIL_CHANGE_HOURS }),
  });
  if (oldEmail && oldEmail !== change.newEmail) await sendEmailNotice(practice, oldEmail, "requested", `email-change:${change.id}:notice`);
}

/** Tells an address that it was replaced or removed (or is about to be). */
export async function sendEmailNotice(practice: Practice, to: string, kind: EmailChangeNoticeProps["kind"], key = `email-notice:${randomUUID()}`): Promise<void> {
  await sendEmail({
    key,
    to,
    subject: emailChangeNoticeSubject(practice.name),
    template: "email-change-notice",
    practiceId: practice.id,
    element: EmailChangeNoticeEmail({ practiceName: practice.name, kind, practiceContact: contactOf(practice) }),
  });
}

export type EmailChangeLink =
  | { ok: true; state: "open" | "confirmed"; practiceName: string }
  | { ok: false; message: string };

const LINK_GONE = "This link has expired, was replaced by a newer one, or was already used. Ask the practice to send a new one.";

function changeIdOf(token: string, now: Date): string | null {
  const verified = verifyToken<{ c?: unknown }>(EMAIL_CHANGE_PURPOSE, token, now);
  if (!verified.ok) return null;
  const id = verified.data?.c;
  return typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}

/** What the confirmation page shows for a token. Reading it changes nothing (mail scanners open links). */
export async function openEmailChangeLink(token: string, now: Date): Promise<EmailChangeLink> {
  const id = changeIdOf(token, now);
  if (!id) return { ok: false, message: LINK_GONE };
  const [row] = await db
    .select({ change: clientEmailChanges, practiceName: practices.name })
    .from(clientEmailChanges)
    .innerJoin(practices, eq(practices.id, clientEmailChanges.practiceId))
    .where(eq(clientEmailChanges.id, id));
  if (!row) return { ok: false, message: LINK_GONE };
  if (row.change.confirmedAt) return { ok: true, state: "confirmed", practiceName: row.practiceName };
  if (row.change.cancelledAt || row.change.expiresAt <= now) return { ok: false, message: LINK_GONE };
  return { ok: true, state: "open", practiceName: row.practiceName };
}

export type ConfirmEmailChangeError = "gone" | "member_address" | "email_taken";
export type ConfirmEmailChangeResult = { ok: true; practiceName: string } | { ok: false; code: ConfirmEmailChangeError };

export const CONFIRM_ERROR_MESSAGES: Record<ConfirmEmailChangeError, string> = {
  gone: LINK_GONE,
  member_address: `${MEMBER_ADDRESS}; ask the practice to use another one.`,
  email_taken: "Another client of the practice already uses this address. Ask the practice to sort it out.",
};

/**
 * Applies the change once: the client's email becomes the new address and
 * the portal login moves to that address's account. The row lock and the
 * `confirmed_at is null` check make a second use (or a race) find nothing.
 */
export async function confirmEmailChange(token: string, now: Date): Promise<ConfirmEmailChangeResult> {
  const id = changeIdOf(token, now);
  if (!id) return { ok: false, code: "gone" };
  try {
    return await db.transaction(async (tx) => {
      const [change] = await tx
        .select()
        .from(clientEmailChanges)
        .where(and(eq(clientEmailChanges.id, id), isNull(clientEmailChanges.confirmedAt), isNull(clientEmailChanges.cancelledAt), gt(clientEmailChanges.expiresAt, now)))
        .for("update");
      if (!change) return { ok: false, code: "gone" } as const;
      const [client] = await tx
        .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, practiceName: practices.name })
        .from(clients)
        .innerJoin(practices, eq(practices.id, clients.practiceId))
        .where(and(eq(clients.id, change.clientId), eq(clients.practiceId, change.practiceId)))
        .for("update", { of: clients });
      if (!client) return { ok: false, code: "gone" } as const;
      // A member may have joined with this address since the change was asked for.
      if (await isMemberAddress(tx, change.practiceId, change.newEmail)) return { ok: false, code: "member_address" } as const;
      const userId = await upsertUserByEmail(tx, change.newEmail, `${client.firstName} ${client.lastName}`);
      await tx.update(clients).set({ email: change.newEmail, userId, updatedAt: now }).where(eq(clients.id, client.id));
      await tx.update(clientEmailChanges).set({ confirmedAt: now }).where(eq(clientEmailChanges.id, change.id));
      await recordAudit(
        { practiceId: change.practiceId, actor: { kind: "client", userId }, action: "client.email_change_confirm", subjectType: "client", subjectId: client.id, detail: { changeId: change.id } },
        tx,
      );
      return { ok: true, practiceName: client.practiceName } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error, "clients_practice_id_email_key") || isUniqueViolation(error, "clients_practice_id_user_id_key")) {
      return { ok: false, code: "email_taken" };
    }
    throw error;
  }
}
