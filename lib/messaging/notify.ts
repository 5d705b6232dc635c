import { and, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { createElement } from "react";
import { db } from "@/db/client";
import { clients, members, messagePreferences, messages, practiceBrands, practices, threadMembers, threads, users } from "@/db/schema";
import NewMessageEmail, { newMessageSubject } from "@/emails/new-message";
import { rolesWith } from "@/lib/auth/roles";
import { sendEmail, type EmailTransport } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { logError } from "@/lib/db/pg-error";
import { inCareTeam } from "./access";

/** At most one "new message" email per person and thread in this long. */
export const MESSAGE_EMAIL_DEBOUNCE_MS = 10 * 60_000;

const base = () => env.APP_URL.replace(/\/+$/, "");

/**
 * Claims the person's email slot for the thread: true when nobody was
 * emailed about it in the last ten minutes. One UPDATE decides, so two
 * messages at once send one email.
 */
async function claimEmailSlot(thread: { id: string; practiceId: string }, userId: string, now: Date): Promise<boolean> {
  const claimed = await db
    .insert(threadMembers)
    .values({ threadId: thread.id, practiceId: thread.practiceId, userId, lastEmailedAt: now })
    .onConflictDoUpdate({
      target: [threadMembers.threadId, threadMembers.userId],
      set: { lastEmailedAt: now },
      setWhere: or(sql`${threadMembers.lastEmailedAt} is null`, lt(threadMembers.lastEmailedAt, new Date(now.getTime() - MESSAGE_EMAIL_DEBOUNCE_MS))),
    })
    .returning({ userId: threadMembers.userId });
  return claimed.length > 0;
}

export interface NotifyRun {
  emailed: number;
  debounced: number;
}

/**
 * After a message is stored: a client's message tells the thread's assignee
 * (else its care team's clinicians, else the owners) that "a client sent a
 * message"; a staff message tells the thread's clients who have a portal and
 * want one email per message. Never the text, the client or the staff sender.
 */
export async function notifyAfterMessage(messageId: string, transport?: EmailTransport): Promise<NotifyRun> {
  const [row] = await db
    .select({
      messageId: messages.id,
      authorKind: messages.authorKind,
      authorUserId: messages.authorUserId,
      createdAt: messages.createdAt,
      thread: { id: threads.id, practiceId: threads.practiceId, kind: threads.kind, clientId: threads.clientId, clientAId: threads.clientAId, clientBId: threads.clientBId, assignedMemberId: threads.assignedMemberId },
      practiceName: sql<string>`coalesce(${practiceBrands.displayName}, ${practices.name})`,
      practiceSlug: practices.slug,
    })
    .from(messages)
    .innerJoin(threads, and(eq(threads.practiceId, messages.practiceId), eq(threads.id, messages.threadId)))
    .innerJoin(practices, eq(practices.id, messages.practiceId))
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, practices.id))
    .where(eq(messages.id, messageId));
  const run: NotifyRun = { emailed: 0, debounced: 0 };
  if (!row) return run;
  const now = row.createdAt;
  const recipients: { userId: string; email: string; url: string; audience: "client" | "staff"; key: string }[] = [];
  if (row.authorKind === "client") {
    for (const m of await staffRecipients(row.thread)) {
      recipients.push({ userId: m.userId, email: m.email, audience: "staff", url: `${base()}/clinic/${row.practiceSlug}/messages/${row.thread.id}`, key: `message-staff:${row.messageId}:${m.userId}` });
    }
  } else {
    const ids = [row.thread.clientId, row.thread.clientAId, row.thread.clientBId].filter((id): id is string => id !== null);
    const people = await db
      .select({ clientId: clients.id, userId: clients.userId, email: users.email, mode: messagePreferences.emailMode })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.userId))
      .leftJoin(messagePreferences, eq(messagePreferences.clientId, clients.id))
      .where(and(eq(clients.practiceId, row.thread.practiceId), inArray(clients.id, ids), isNotNull(clients.userId)));
    for (const p of people) {
      if (p.mode === "digest" || !p.userId) continue;
      recipients.push({ userId: p.userId, email: p.email, audience: "client", url: `${base()}/portal/${p.clientId}/messages/${row.thread.id}`, key: `message-client:${row.messageId}:${p.clientId}` });
    }
  }
  for (const r of recipients) {
    if (r.userId === row.authorUserId) continue;
    if (!(await claimEmailSlot(row.thread, r.userId, now))) {
      run.debounced += 1;
      continue;
    }
    const result = await sendEmail(
      {
        key: r.key,
        to: r.email,
        subject: newMessageSubject(r.audience, row.practiceName),
        template: "new-message",
        practiceId: row.thread.practiceId,
        element: createElement(NewMessageEmail, { audience: r.audience, practiceName: row.practiceName, url: r.url }),
      },
      transport,
    );
    if (result.status !== "failed") run.emailed += 1;
  }
  return run;
}

/** The assignee, else the clinicians in the care team, else the owners: joined members with a user email. */
async function staffRecipients(thread: { id: string; practiceId: string; assignedMemberId: string | null }) {
  const joined = and(eq(members.practiceId, thread.practiceId), isNotNull(members.joinedAt));
  const pick = { userId: members.userId, email: users.email };
  if (thread.assignedMemberId) {
    return db.select(pick).from(members).innerJoin(users, eq(users.id, members.userId)).where(and(joined, eq(members.id, thread.assignedMemberId)));
  }
  const team = await db
    .select(pick)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .innerJoin(threads, eq(threads.id, thread.id))
    .where(and(joined, inArray(members.role, rolesWith("sessions.take")), inCareTeam(sql`${members.id}`, sql`${members.userId}`)));
  if (team.length > 0) return team;
  return db.select(pick).from(members).innerJoin(users, eq(users.id, members.userId)).where(and(joined, eq(members.role, "owner")));
}

export interface DigestRun {
  due: number;
  sent: number;
  failed: number;
}

/**
 * Once a day, each client who chose the digest and has unread staff messages
 * since the last digest gets one email with the count. Keyed by client and
 * day; `digest_through` moves on only after the email is stored.
 */
export async function sendMessageDigest(now: Date, options: { transport?: EmailTransport } = {}): Promise<DigestRun> {
  const due = await db
    .select({
      clientId: clients.id,
      practiceId: clients.practiceId,
      email: users.email,
      practiceName: sql<string>`coalesce(${practiceBrands.displayName}, ${practices.name})`,
      count: sql<number>`(select count(*)::int from ${messages} m join ${threads} t on t.id = m.thread_id
        left join ${threadMembers} tm on tm.thread_id = t.id and tm.user_id = ${clients.userId}
        where t.practice_id = ${clients.practiceId} and m.author_kind = 'staff'
          and (t.client_id = ${clients.id} or t.client_a_id = ${clients.id} or t.client_b_id = ${clients.id})
          and (${messagePreferences.digestThrough} is null or m.created_at > ${messagePreferences.digestThrough})
          and (tm.last_read_at is null or m.created_at > tm.last_read_at)
          and m.created_at <= ${now.toISOString()}::timestamptz)`,
    })
    .from(messagePreferences)
    .innerJoin(clients, and(eq(clients.practiceId, messagePreferences.practiceId), eq(clients.id, messagePreferences.clientId)))
    .innerJoin(users, eq(users.id, clients.userId))
    .innerJoin(practices, eq(practices.id, clients.practiceId))
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, practices.id))
    .where(eq(messagePreferences.emailMode, "digest"));
  const run: DigestRun = { due: 0, sent: 0, failed: 0 };
  const day = now.toISOString().slice(0, 10);
  for (const d of due) {
    if (d.count === 0) continue;
    run.due += 1;
    try {
      const result = await sendEmail(
        {
          key: `message-digest:${d.clientId}:${day}`,
          to: d.email,
          subject: newMessageSubject("client", d.practiceName, d.count),
          template: "new-message",
          practiceId: d.practiceId,
          element: createElement(NewMessageEmail, { audience: "client", practiceName: d.practiceName, url: `${base()}/portal/${d.clientId}/messages`, count: d.count }),
        },
        options.transport,
      );
      if (result.status === "failed") {
        run.failed += 1;
        continue;
      }
      run.sent += 1;
      await db.update(messagePreferences).set({ digestThrough: now }).where(eq(messagePreferences.clientId, d.clientId));
    } catch (error) {
      logError("jobs", `message digest for client ${d.clientId} failed`, error);
      run.failed += 1;
    }
  }
  return run;
}
