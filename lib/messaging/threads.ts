import { and, desc, eq, gt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type DbOrTx } from "@/db/client";
import { clients, couples, members, messageAttachments, messages, threadMembers, threads } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/guards";
import { notFound, type NotFound } from "@/lib/errors/domain-error";
import { isUuid } from "@/lib/ids";
import { clientSeesThread } from "./access";

/** How many messages a thread page shows (the newest). */
export const THREAD_PAGE_SIZE = 200;

export const THREAD_NOT_FOUND = "This conversation was not found.";

export interface ThreadMessage {
  id: string;
  seq: number;
  authorKind: "client" | "staff";
  authorName: string;
  /** Written by the person reading. */
  mine: boolean;
  body: string;
  createdAt: Date;
  attachments: { id: string; fileName: string; contentType: string; byteSize: number }[];
}

/**
 * A client's threads exist before they are needed: their own thread, and
 * when they are in a couple the shared thread and the partner's own thread.
 * Idempotent (the partial unique keys decide); the shared thread keeps the
 * same two clients after an unlink, and a relink points it at the new couple.
 */
export async function ensureThreads(tx: DbOrTx, client: { id: string; practiceId: string }): Promise<void> {
  const [couple] = await tx
    .select()
    .from(couples)
    .where(and(eq(couples.practiceId, client.practiceId), or(eq(couples.clientAId, client.id), eq(couples.clientBId, client.id))));
  const own = couple ? [couple.clientAId, couple.clientBId] : [client.id];
  await tx
    .insert(threads)
    .values(own.map((clientId) => ({ practiceId: client.practiceId, kind: "own" as const, clientId })))
    .onConflictDoNothing();
  if (!couple) return;
  await tx
    .insert(threads)
    .values({ practiceId: client.practiceId, kind: "shared", coupleId: couple.id, clientAId: couple.clientAId, clientBId: couple.clientBId })
    .onConflictDoNothing();
  await tx
    .update(threads)
    .set({ coupleId: couple.id })
    .where(and(eq(threads.kind, "shared"), eq(threads.clientAId, couple.clientAId), eq(threads.clientBId, couple.clientBId), sql`${threads.coupleId} is distinct from ${couple.id}`));
}

export interface ClientThreadRow {
  id: string;
  kind: "own" | "shared";
  /** "Just you and the practice" or "Shared with <partner>". */
  title: string;
  subject: string | null;
  lastMessageAt: Date | null;
  unread: number;
}

/** Unread for `userId`: others' messages after their last read. */
function unreadFor(userId: string) {
  return sql<number>`(select count(*)::int from ${messages} m
    left join ${threadMembers} tm on tm.thread_id = m.thread_id and tm.user_id = ${userId}
    where m.thread_id = ${threads.id} and m.author_user_id is distinct from ${userId}
      and (tm.last_read_at is null or m.created_at > tm.last_read_at))`;
}

/** The signed-in client's threads (their own first, then the shared one), in one query after making sure they exist. */
export async function listClientThreads(scope: Pick<ClientScope, "client" | "user">): Promise<ClientThreadRow[]> {
  await ensureThreads(db, scope.client);
  const a = alias(clients, "client_a");
  const b = alias(clients, "client_b");
  const rows = await db
    .select({
      id: threads.id,
      kind: threads.kind,
      subject: threads.subject,
      lastMessageAt: threads.lastMessageAt,
      unread: unreadFor(scope.user.id),
      aId: threads.clientAId,
      aName: sql<string | null>`coalesce(${a.preferredName}, ${a.firstName})`,
      bName: sql<string | null>`coalesce(${b.preferredName}, ${b.firstName})`,
    })
    .from(threads)
    .leftJoin(a, eq(a.id, threads.clientAId))
    .leftJoin(b, eq(b.id, threads.clientBId))
    .where(clientSeesThread(scope.client))
    .orderBy(sql`${threads.kind} = 'shared'`, threads.createdAt);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    lastMessageAt: r.lastMessageAt,
    unread: r.unread,
    title: r.kind === "own" ? "Just you and the practice" : `Shared with ${(r.aId === scope.client.id ? r.bName : r.aName) ?? "your partner"}`,
  }));
}

/**
 * A thread's newest messages after `afterSeq` (all when 0), oldest first,
 * each with its attachments, in one query. The caller has already proven
 * the reader may see the thread.
 */
export async function loadMessages(tx: DbOrTx, thread: { id: string; practiceId: string }, viewerUserId: string, afterSeq = 0): Promise<ThreadMessage[]> {
  const author = alias(clients, "author_client");
  const rows = await tx
    .select({
      id: messages.id,
      seq: messages.seq,
      authorKind: messages.authorKind,
      authorUserId: messages.authorUserId,
      clientName: sql<string | null>`coalesce(${author.preferredName}, ${author.firstName})`,
      memberName: members.displayName,
      body: messages.body,
      createdAt: messages.createdAt,
      attachments: sql<ThreadMessage["attachments"]>`coalesce((select json_agg(json_build_object('id', ma.id, 'fileName', ma.file_name, 'contentType', ma.content_type, 'byteSize', ma.byte_size) order by ma.created_at, ma.id)
        from ${messageAttachments} ma where ma.message_id = ${messages.id}), '[]'::json)`,
    })
    .from(messages)
    .leftJoin(author, eq(author.id, messages.authorClientId))
    .leftJoin(members, eq(members.id, messages.authorMemberId))
    .where(and(eq(messages.practiceId, thread.practiceId), eq(messages.threadId, thread.id), gt(messages.seq, afterSeq)))
    .orderBy(desc(messages.seq))
    .limit(THREAD_PAGE_SIZE);
  return rows.reverse().map((r) => ({
    id: r.id,
    seq: r.seq,
    authorKind: r.authorKind,
    authorName: r.authorKind === "client" ? (r.clientName ?? "Client") : (r.memberName ?? "The practice"),
    mine: r.authorUserId === viewerUserId,
    body: r.body,
    createdAt: new Date(r.createdAt),
    attachments: r.attachments,
  }));
}

/** The reader has seen everything up to `at`. */
export async function markRead(tx: DbOrTx, thread: { id: string; practiceId: string }, userId: string, at: Date): Promise<void> {
  await tx
    .insert(threadMembers)
    .values({ threadId: thread.id, practiceId: thread.practiceId, userId, lastReadAt: at })
    .onConflictDoUpdate({ target: [threadMembers.threadId, threadMembers.userId], set: { lastReadAt: sql`greatest(${threadMembers.lastReadAt}, excluded.last_read_at)` } });
}

export interface ClientThreadPage {
  thread: { id: string; practiceId: string; kind: "own" | "shared"; title: string; subject: string | null };
  messages: ThreadMessage[];
}

/** One thread the signed-in client may see, or not_found (a partner's own thread included, indistinguishably). */
export async function loadClientThread(scope: Pick<ClientScope, "client" | "user">, threadId: string, now: Date, afterSeq = 0, poll = false): Promise<{ ok: true; page: ClientThreadPage } | NotFound> {
  const list = await findClientThread(db, scope.client, threadId);
  if (!list) return notFound(THREAD_NOT_FOUND);
  const loaded = await loadMessages(db, list, scope.user.id, afterSeq);
  if (!poll || loaded.length > 0) await markRead(db, list, scope.user.id, now);
  const title = list.kind === "own" ? "Just you and the practice" : "Shared with your partner";
  return { ok: true, page: { thread: { id: list.id, practiceId: list.practiceId, kind: list.kind, title, subject: list.subject }, messages: loaded } };
}

/** The thread, if the client may see it (clientSeesThread); null otherwise. */
export async function findClientThread(tx: DbOrTx, client: { id: string; practiceId: string }, threadId: string) {
  if (!isUuid(threadId)) return null;
  const [row] = await tx
    .select({ id: threads.id, practiceId: threads.practiceId, kind: threads.kind, subject: threads.subject })
    .from(threads)
    .where(and(eq(threads.id, threadId), clientSeesThread(client)));
  return row ?? null;
}
