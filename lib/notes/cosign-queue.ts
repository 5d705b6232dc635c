import { aliasedTable, and, asc, eq, isNull, ne, or } from "drizzle-orm";
import { db } from "@/db/client";
import { clients, members, sessionNotes } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";

export interface NoteToCosign {
  noteId: string;
  signedAt: Date;
  authorName: string;
  clientName: string;
}

/**
 * Signed notes waiting for this member's co-signature (decision 0058): those
 * of clinicians they are assigned to supervise, and of supervised clinicians
 * with no one assigned. Oldest first; names and dates only, no content.
 * Empty for anyone who may not co-sign (a supervised clinician never does).
 */
export async function notesToCosign(scope: PracticeScope): Promise<NoteToCosign[]> {
  if (!can(scope.role, "notes.cosign")) return [];
  const [me] = await db.select({ supervised: members.supervised }).from(members).where(and(eq(members.practiceId, scope.practice.id), eq(members.id, scope.memberId)));
  if (!me || me.supervised) return [];
  const author = aliasedTable(members, "author");
  const rows = await db
    .select({ noteId: sessionNotes.id, signedAt: sessionNotes.signedAt, authorName: author.displayName, firstName: clients.firstName, preferredName: clients.preferredName, lastName: clients.lastName })
    .from(sessionNotes)
    .innerJoin(author, and(eq(author.practiceId, sessionNotes.practiceId), eq(author.userId, sessionNotes.authorUserId)))
    .innerJoin(clients, eq(clients.id, sessionNotes.clientId))
    .where(
      and(
        eq(sessionNotes.practiceId, scope.practice.id),
        eq(sessionNotes.status, "signed"),
        eq(sessionNotes.kind, "progress"),
        eq(sessionNotes.cosignRequired, true),
        isNull(sessionNotes.cosignedAt),
        ne(sessionNotes.authorUserId, scope.user.id),
        or(eq(author.supervisorMemberId, scope.memberId), isNull(author.supervisorMemberId)),
      ),
    )
    .orderBy(asc(sessionNotes.signedAt), asc(sessionNotes.id))
    .limit(50);
  return rows.map((r) => ({ noteId: r.noteId, signedAt: r.signedAt!, authorName: r.authorName, clientName: `${r.preferredName ?? r.firstName} ${r.lastName}` }));
}
