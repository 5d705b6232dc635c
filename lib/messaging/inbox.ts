import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { clients, members, threads } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { notFound, invalid, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { isUuid } from "@/lib/ids";
import { inCareTeam, staffSeesThread } from "./access";
import type { InboxFilter } from "./message-schema";
import { findStaffThread } from "./post";
import { ensureThreads, loadMessages, markRead, THREAD_NOT_FOUND, type ThreadMessage } from "./threads";

type StaffScope = Pick<PracticeScope, "practice" | "memberId" | "role" | "user">;

export const INBOX_PAGE_SIZE = 100;

export interface InboxRow {
  id: string;
  kind: "own" | "shared";
  /** The client's name, or both partners' for a shared thread. */
  who: string;
  clientIds: string[];
  subject: string | null;
  status: "open" | "done";
  needsReply: boolean;
  lastMessageAt: Date | null;
  assignedName: string | null;
  unread: number;
}

const nameOf = (c: ReturnType<typeof alias<typeof clients, string>>) => sql<string | null>`case when ${c.id} is null then null else coalesce(${c.preferredName}, ${c.firstName}) || ' ' || ${c.lastName} end`;

/**
 * The staff inbox: the threads this member may see (lib/messaging/access.ts)
 * that have messages, newest first, with this member's unread count, in one
 * query. No message text: opening a thread is the read that is audited.
 */
export async function listInbox(scope: StaffScope, filter: InboxFilter): Promise<InboxRow[]> {
  const own = alias(clients, "own_client");
  const a = alias(clients, "client_a");
  const b = alias(clients, "client_b");
  const rows = await db
    .select({
      id: threads.id,
      kind: threads.kind,
      subject: threads.subject,
      status: threads.status,
      lastAuthorKind: threads.lastAuthorKind,
      lastMessageAt: threads.lastMessageAt,
      assignedName: members.displayName,
      ownId: threads.clientId,
      aId: threads.clientAId,
      bId: threads.clientBId,
      ownName: nameOf(own),
      aName: nameOf(a),
      bName: nameOf(b),
      unread: sql<number>`(select count(*)::int from messages m
        left join thread_members tm on tm.thread_id = m.thread_id and tm.user_id = ${scope.user.id}
        where m.thread_id = ${threads.id} and m.author_kind = 'client'
          and (tm.last_read_at is null or m.created_at > tm.last_read_at))`,
    })
    .from(threads)
    .leftJoin(own, eq(own.id, threads.clientId))
    .leftJoin(a, eq(a.id, threads.clientAId))
    .leftJoin(b, eq(b.id, threads.clientBId))
    .leftJoin(members, eq(members.id, threads.assignedMemberId))
    .where(
      and(
        staffSeesThread(scope),
        isNotNull(threads.lastMessageAt),
        filter.status === "all" ? undefined : eq(threads.status, filter.status),
        filter.needsReply ? eq(threads.lastAuthorKind, "client") : undefined,
        filter.clinician ? inCareTeam(filter.clinician, null) : undefined,
      ),
    )
    .orderBy(desc(threads.lastMessageAt), desc(threads.id))
    .limit(INBOX_PAGE_SIZE);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    who: r.kind === "own" ? (r.ownName ?? "Client") : `${r.aName ?? "Client"} & ${r.bName ?? "Client"}`,
    clientIds: [r.ownId, r.aId, r.bId].filter((id): id is string => id !== null),
    subject: r.subject,
    status: r.status,
    needsReply: r.lastAuthorKind === "client" && r.status === "open",
    lastMessageAt: r.lastMessageAt,
    assignedName: r.assignedName,
    unread: r.unread,
  }));
}

export interface StaffThreadPage {
  thread: InboxRow & { assignedMemberId: string | null };
  messages: ThreadMessage[];
}

/**
 * One thread for a member who may see it, its messages, and the read
 * recorded twice: in the member's read state and in the audit log (a
 * client's messages are part of their record). A poll (`poll`, messages
 * after `afterSeq`) is audited only when it brought new messages.
 */
export async function loadStaffThread(scope: StaffScope, threadId: string, now: Date, afterSeq = 0, poll = false): Promise<{ ok: true; page: StaffThreadPage } | NotFound> {
  if (!isUuid(threadId)) return notFound(THREAD_NOT_FOUND);
  const own = alias(clients, "own_client");
  const a = alias(clients, "client_a");
  const b = alias(clients, "client_b");
  const [r] = await db
    .select({
      id: threads.id,
      practiceId: threads.practiceId,
      kind: threads.kind,
      subject: threads.subject,
      status: threads.status,
      lastAuthorKind: threads.lastAuthorKind,
      lastMessageAt: threads.lastMessageAt,
      assignedMemberId: threads.assignedMemberId,
      assignedName: members.displayName,
      ownId: threads.clientId,
      aId: threads.clientAId,
      bId: threads.clientBId,
      ownName: nameOf(own),
      aName: nameOf(a),
      bName: nameOf(b),
    })
    .from(threads)
    .leftJoin(own, eq(own.id, threads.clientId))
    .leftJoin(a, eq(a.id, threads.clientAId))
    .leftJoin(b, eq(b.id, threads.clientBId))
    .leftJoin(members, eq(members.id, threads.assignedMemberId))
    .where(and(eq(threads.id, threadId), staffSeesThread(scope)));
  if (!r) return notFound(THREAD_NOT_FOUND);
  const thread = { id: r.id, practiceId: r.practiceId };
  const list = await loadMessages(db, thread, scope.user.id, afterSeq);
  if (!poll || list.length > 0) {
    // The audit first: a read that is shown is always on record, even if the read state then fails.
    await recordAudit(byMember(scope, "thread.read", { type: "thread", id: r.id }, { messageIds: list.map((m) => m.id).slice(-50), count: list.length }));
    await markRead(db, thread, scope.user.id, now);
  }
  const clientIds = [r.ownId, r.aId, r.bId].filter((id): id is string => id !== null);
  return {
    ok: true,
    page: {
      thread: {
        id: r.id,
        kind: r.kind,
        who: r.kind === "own" ? (r.ownName ?? "Client") : `${r.aName ?? "Client"} & ${r.bName ?? "Client"}`,
        clientIds,
        subject: r.subject,
        status: r.status,
        needsReply: r.lastAuthorKind === "client" && r.status === "open",
        lastMessageAt: r.lastMessageAt,
        assignedMemberId: r.assignedMemberId,
        assignedName: r.assignedName,
        unread: 0,
      },
      messages: list,
    },
  };
}

/** Assign the thread to a member of the practice (or to nobody), audited. */
export async function assignThread(scope: StaffScope, threadId: string, memberId: string | null): Promise<{ ok: true } | NotFound | Invalid> {
  const thread = await findStaffThread(scope, threadId);
  if (!thread) return notFound(THREAD_NOT_FOUND);
  if (memberId !== null) {
    const [m] = isUuid(memberId)
      ? await db.select({ id: members.id }).from(members).where(and(eq(members.practiceId, scope.practice.id), eq(members.id, memberId), isNotNull(members.joinedAt)))
      : [];
    if (!m) return invalid({ memberId: ["Assign to: choose a member of the practice"] });
  }
  await db.transaction(async (tx) => {
    await tx.update(threads).set({ assignedMemberId: memberId }).where(and(eq(threads.practiceId, scope.practice.id), eq(threads.id, thread.id)));
    await recordAudit(byMember(scope, "thread.assign", { type: "thread", id: thread.id }, { memberId }), tx);
  });
  return { ok: true };
}

/** Mark done or reopen. */
export async function setThreadStatus(scope: StaffScope, threadId: string, status: "open" | "done"): Promise<{ ok: true } | NotFound> {
  const thread = await findStaffThread(scope, threadId);
  if (!thread) return notFound(THREAD_NOT_FOUND);
  await db.update(threads).set({ status }).where(and(eq(threads.practiceId, scope.practice.id), eq(threads.id, thread.id)));
  return { ok: true };
}

/** The members an inbox can filter by and a thread can be assigned to: joined members, by name. */
export async function listAssignableMembers(scope: StaffScope) {
  return db
    .select({ id: members.id, displayName: members.displayName, role: members.role })
    .from(members)
    .where(and(eq(members.practiceId, scope.practice.id), isNotNull(members.joinedAt)))
    .orderBy(members.displayName);
}

/**
 * The client record's way in: makes sure the client's threads exist and
 * returns those this member may see (own first), with nothing of their text.
 */
export async function staffThreadsForClient(scope: StaffScope, clientId: string): Promise<{ id: string; kind: "own" | "shared" }[]> {
  if (!isUuid(clientId)) return [];
  const [client] = await db.select({ id: clients.id, practiceId: clients.practiceId }).from(clients).where(and(eq(clients.practiceId, scope.practice.id), eq(clients.id, clientId)));
  if (!client) return [];
  await ensureThreads(db, client);
  return db
    .select({ id: threads.id, kind: threads.kind })
    .from(threads)
    .where(and(staffSeesThread(scope), sql`(${threads.clientId} = ${clientId} or ${threads.clientAId} = ${clientId} or ${threads.clientBId} = ${clientId})`))
    .orderBy(sql`${threads.kind} = 'shared'`);
}
