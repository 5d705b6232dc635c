import { and, asc, count, eq, ne } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { members, practices, users, type MemberRole } from "@/db/schema";
import InvitationEmail, { invitationSubject } from "@/emails/invitation";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { ROLE_LABELS, can } from "@/lib/auth/roles";
import { upsertUserByEmail } from "@/lib/clients/upsert-portal-user";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { sendEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { fieldError, zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { changeRoleSchema, inviteSchema, removeMemberSchema } from "./team-schema";

export type TeamResult = { ok: true } | { ok: false; errors: FieldErrors };

export async function listTeam(scope: PracticeScope) {
  return db
    .select({
      id: members.id,
      userId: members.userId,
      displayName: members.displayName,
      credentials: members.credentials,
      role: members.role,
      email: users.email,
      joinedAt: members.joinedAt,
      invitedAt: members.invitedAt,
    })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.practiceId, scope.practice.id))
    .orderBy(asc(members.displayName));
}

/** Only an owner may make or unmake owners; admins manage everyone else. */
function mayAssign(actor: MemberRole, from: MemberRole | null, to: MemberRole): boolean {
  if (can(actor, "team.manage_owners")) return true;
  if (!can(actor, "team.manage")) return false;
  return to !== "owner" && from !== "owner";
}

/**
 * Serialises role changes and removals within a practice. Without it, two
 * owners demoting each other at once lock each other's rows in opposite
 * orders and one request dies in a deadlock. NO KEY UPDATE does not block
 * inserts that reference the practice (foreign-key checks).
 */
async function lockTeam(tx: Tx, practiceId: string): Promise<void> {
  await tx.select({ id: practices.id }).from(practices).where(eq(practices.id, practiceId)).for("no key update");
}

/** Owners other than `memberId` (call after lockTeam). */
async function otherOwners(tx: Tx, practiceId: string, memberId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.practiceId, practiceId), eq(members.role, "owner"), ne(members.id, memberId)));
  return row?.n ?? 0;
}

export async function inviteMember(scope: PracticeScope, input: unknown): Promise<TeamResult> {
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const v = parsed.data;
  if (!mayAssign(scope.role, null, v.role)) return fieldError("role", "Only an owner can invite another owner");
  let memberId: string;
  try {
    memberId = await db.transaction(async (tx) => {
      const userId = await upsertUserByEmail(tx, v.email, v.displayName);
      const [m] = await tx
        .insert(members)
        .values({ practiceId: scope.practice.id, userId, role: v.role, displayName: v.displayName, credentials: v.credentials })
        .returning({ id: members.id });
      await recordAudit(byMember(scope, "member.invite", { type: "member", id: m!.id }, { role: v.role }), tx);
      return m!.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, "members_practice_id_user_id_key")) {
      return fieldError("email", "This person is already on the team");
    }
    throw error;
  }
  await sendEmail({
    key: `invitation:${memberId}`,
    to: v.email,
    subject: invitationSubject(scope.practice.name),
    template: "invitation",
    practiceId: scope.practice.id,
    element: InvitationEmail({
      practiceName: scope.practice.name,
      inviterName: scope.displayName,
      roleLabel: ROLE_LABELS[v.role].toLowerCase(),
      signInUrl: new URL("/sign-in", env.APP_URL).toString(),
    }),
  });
  return { ok: true };
}

export async function changeMemberRole(scope: PracticeScope, input: unknown): Promise<TeamResult> {
  const parsed = changeRoleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { memberId, role } = parsed.data;
  return db.transaction(async (tx) => {
    await lockTeam(tx, scope.practice.id);
    const [target] = await tx
      .select({ id: members.id, role: members.role })
      .from(members)
      .where(and(eq(members.id, memberId), eq(members.practiceId, scope.practice.id)))
      .for("update");
    if (!target) return fieldError("memberId", "That member is not on this team");
    if (!mayAssign(scope.role, target.role, role)) return fieldError("role", "Only an owner can change an owner's role or make an owner");
    if (target.role === "owner" && role !== "owner" && (await otherOwners(tx, scope.practice.id, memberId)) === 0) {
      return fieldError("role", "A practice needs at least one owner");
    }
    await tx.update(members).set({ role }).where(eq(members.id, memberId));
    await recordAudit(byMember(scope, "member.role_change", { type: "member", id: memberId }, { from: target.role, to: role }), tx);
    return { ok: true } as const;
  });
}

export async function removeMember(scope: PracticeScope, input: unknown): Promise<TeamResult> {
  const parsed = removeMemberSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { memberId } = parsed.data;
  return db.transaction(async (tx) => {
    await lockTeam(tx, scope.practice.id);
    const [target] = await tx
      .select({ id: members.id, role: members.role, userId: members.userId })
      .from(members)
      .where(and(eq(members.id, memberId), eq(members.practiceId, scope.practice.id)))
      .for("update");
    if (!target) return fieldError("memberId", "That member is not on this team");
    if (!mayAssign(scope.role, target.role, target.role)) return fieldError("memberId", "Only an owner can remove an owner");
    if (target.role === "owner" && (await otherOwners(tx, scope.practice.id, memberId)) === 0) {
      return fieldError("memberId", "A practice needs at least one owner");
    }
    await tx.delete(members).where(eq(members.id, memberId));
    await recordAudit(byMember(scope, "member.remove", { type: "member", id: memberId }, { role: target.role }), tx);
    return { ok: true } as const;
  });
}
