import { practiceReader } from "@/lib/dates";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { staffNotifications } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { describeNotices, type NoticeText } from "./describe";

/** The signed-in member's own notices only: every query here is scoped to the member and the practice. */
const mine = (scope: PracticeScope) =>
  and(eq(staffNotifications.practiceId, scope.practice.id), eq(staffNotifications.memberId, scope.memberId), eq(staffNotifications.inApp, true));

/** The bell's number: one count on the member's partial "unread" index (the layout's only extra query). */
export async function unreadCount(scope: PracticeScope): Promise<number> {
  const [row] = await db.select({ n: count() }).from(staffNotifications).where(and(mine(scope), isNull(staffNotifications.readAt)));
  return row?.n ?? 0;
}

export interface InboxItem extends NoticeText {
  id: string;
  createdAt: Date;
  read: boolean;
}

/** Newest first. */
export async function listNotices(scope: PracticeScope, limit = 100): Promise<InboxItem[]> {
  const rows = await db.select().from(staffNotifications).where(mine(scope)).orderBy(desc(staffNotifications.createdAt), desc(staffNotifications.id)).limit(limit);
  const text = await describeNotices(scope.practice.id, practiceReader(scope.practice), rows);
  return rows.flatMap((r) => {
    const t = text.get(r.id);
    return t ? [{ ...t, id: r.id, createdAt: r.createdAt, read: r.readAt !== null }] : [];
  });
}

/**
 * Opens one notice: marks it read and returns where it leads, or null when it
 * is not the member's (another member's or practice's id reads as unknown).
 */
export async function openNotice(scope: PracticeScope, noticeId: string, now: Date): Promise<string | null> {
  const [row] = await db.select().from(staffNotifications).where(and(mine(scope), eq(staffNotifications.id, noticeId)));
  if (!row) return null;
  if (!row.readAt) await db.update(staffNotifications).set({ readAt: now }).where(and(eq(staffNotifications.id, row.id), isNull(staffNotifications.readAt)));
  const text = (await describeNotices(scope.practice.id, practiceReader(scope.practice), [row])).get(row.id);
  return `/clinic/${scope.practice.slug}${text?.path ?? ""}`;
}

export async function markAllRead(scope: PracticeScope, now: Date): Promise<number> {
  const done = await db.update(staffNotifications).set({ readAt: now }).where(and(mine(scope), isNull(staffNotifications.readAt))).returning({ id: staffNotifications.id });
  return done.length;
}
