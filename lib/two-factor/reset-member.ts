import { can } from "@/lib/auth/roles";
import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { members, practices, recoveryCodes, sessions, totpCredentials, users, webauthnCredentials } from "@/db/schema";
import TwoFactorResetEmail, { twoFactorResetSubject } from "@/emails/two-factor-reset";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { fieldError, zodFieldErrors } from "@/lib/form-result";
import type { FactorResult } from "./manage-factors";
import { hasSecondFactor, sessionVerifiedAt } from "./session-factor";
import { requireTwoFactorSchema, resetMemberFactorSchema } from "./two-factor-schema";

/** Only owners reset someone's factor or change the practice's rule: both weaken or gate every login. */
const OWNER_ONLY = "Only an owner can do this";

/** Which members of the practice have a second factor, for the team page. */
export async function membersWithSecondFactor(practiceId: string): Promise<Set<string>> {
  const rows = await db
    .select({ memberId: members.id })
    .from(members)
    .where(
      and(
        eq(members.practiceId, practiceId),
        sql`(exists (select 1 from ${totpCredentials} t where t.user_id = ${members.userId} and t.confirmed_at is not null)
          or exists (select 1 from ${webauthnCredentials} w where w.user_id = ${members.userId}))`,
      ),
    );
  return new Set(rows.map((r) => r.memberId));
}

/**
 * An owner resets a member who lost their device: every factor and
 * recovery code goes, every session of theirs ends (a thief's verified
 * session too), the reset is audited and the member is told by email.
 */
export async function resetMemberSecondFactor(scope: PracticeScope, input: unknown): Promise<FactorResult> {
  if (!can(scope.role, "team.security")) return fieldError("memberId", OWNER_ONLY);
  const parsed = resetMemberFactorSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const [target] = await db
    .select({ id: members.id, userId: members.userId, email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.id, parsed.data.memberId), eq(members.practiceId, scope.practice.id), isNotNull(members.joinedAt)));
  if (!target) return fieldError("memberId", "That member is not on this team");
  if (target.userId === scope.user.id) return fieldError("memberId", "Change your own second factor on your security page");
  const removed = await db.transaction(async (tx) => {
    const totp = await tx.delete(totpCredentials).where(eq(totpCredentials.userId, target.userId)).returning({ userId: totpCredentials.userId });
    const passkeys = await tx.delete(webauthnCredentials).where(eq(webauthnCredentials.userId, target.userId)).returning({ id: webauthnCredentials.id });
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, target.userId));
    if (totp.length + passkeys.length === 0) return null;
    await tx.delete(sessions).where(eq(sessions.userId, target.userId));
    await recordAudit(
      byMember(scope, "member.two_factor_reset", { type: "member", id: target.id }, { authenticatorApp: totp.length > 0, passkeys: passkeys.length }),
      tx,
    );
    return { totp: totp.length, passkeys: passkeys.length };
  });
  if (!removed) return fieldError("memberId", "This member has no second factor to reset");
  await sendEmail({
    key: `two-factor-reset:${target.id}:${randomUUID()}`,
    to: target.email,
    subject: twoFactorResetSubject,
    template: "two-factor-reset",
    practiceId: scope.practice.id,
    element: TwoFactorResetEmail({
      practiceName: scope.practice.name,
      ownerName: scope.displayName,
      securityUrl: new URL("/account/security", env.APP_URL).toString(),
    }),
  });
  return { ok: true };
}

/**
 * Turns the practice's requirement on or off. An owner turning it on must
 * have a second factor and have used it in this session, so the rule never
 * locks its own author out mid-change.
 */
export async function setTwoFactorRequirement(scope: PracticeScope, sessionToken: string, input: unknown): Promise<FactorResult> {
  if (!can(scope.role, "team.security")) return fieldError("required", OWNER_ONLY);
  const parsed = requireTwoFactorSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { required } = parsed.data;
  if (required) {
    if (!(await hasSecondFactor(scope.user.id))) return fieldError("required", "Set up your own second factor first, on your security page");
    if (!(await sessionVerifiedAt({ userId: scope.user.id, sessionToken }))) return fieldError("required", "Confirm it's you with your second factor first");
  }
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ required: practices.requireTwoFactor }).from(practices).where(eq(practices.id, scope.practice.id)).for("update");
    if (before?.required === required) return;
    await tx.update(practices).set({ requireTwoFactor: required }).where(eq(practices.id, scope.practice.id));
    await recordAudit(byMember(scope, "practice.two_factor_requirement", { type: "practice", id: scope.practice.id }, { required }), tx);
  });
  return { ok: true };
}

