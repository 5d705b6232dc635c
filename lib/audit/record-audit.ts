import { db, type DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditActor = { kind: "member" | "client"; userId: string } | { kind: "system" };

export interface AuditEntry {
  practiceId: string;
  actor: AuditActor;
  /** Dotted verb, e.g. `client.read`, `client.update`, `member.role_change`. */
  action: string;
  subjectType: string;
  subjectId: string;
  /** Ids and field names only: never clinical content. */
  detail?: Record<string, unknown>;
}

/** Appends one audit event, inside the caller's transaction when given one. */
export async function recordAudit(entry: AuditEntry, tx: DbOrTx = db): Promise<void> {
  await tx.insert(auditEvents).values({
    practiceId: entry.practiceId,
    actorKind: entry.actor.kind,
    actorUserId: entry.actor.kind === "system" ? null : entry.actor.userId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    detail: entry.detail ?? null,
  });
}

/** An entry for something a staff member did in their practice. */
export function byMember(
  scope: { practice: { id: string }; user: { id: string } },
  action: string,
  subject: { type: string; id: string },
  detail?: Record<string, unknown>,
): AuditEntry {
  return {
    practiceId: scope.practice.id,
    actor: { kind: "member", userId: scope.user.id },
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    detail,
  };
}
