import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { messageAttachments, messages } from "@/db/schema";
import type { ClientScope, PracticeScope } from "@/lib/auth/guards";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { notFound, type NotFound } from "@/lib/errors/domain-error";
import { isUuid } from "@/lib/ids";
import { storage } from "@/lib/storage";
import { findStaffThread } from "./post";
import { findClientThread } from "./threads";

export interface AttachmentFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const GONE = "This file was not found.";

async function attachmentIn(thread: { id: string; practiceId: string }, attachmentId: string): Promise<AttachmentFile | null> {
  if (!isUuid(attachmentId)) return null;
  const [row] = await db
    .select({ fileName: messageAttachments.fileName, contentType: messageAttachments.contentType, storageKey: messageAttachments.storageKey })
    .from(messageAttachments)
    .innerJoin(messages, and(eq(messages.practiceId, messageAttachments.practiceId), eq(messages.id, messageAttachments.messageId)))
    .where(and(eq(messageAttachments.practiceId, thread.practiceId), eq(messageAttachments.id, attachmentId), eq(messages.threadId, thread.id)));
  if (!row) return null;
  const object = await storage.get(thread.practiceId, row.storageKey);
  return object ? { fileName: row.fileName, contentType: row.contentType, bytes: object.bytes } : null;
}

/** An attachment of a thread the signed-in client is in; anything else (a partner's own thread) is not found. */
export async function clientAttachment(scope: Pick<ClientScope, "client">, threadId: string, attachmentId: string): Promise<{ ok: true; file: AttachmentFile } | NotFound> {
  const thread = await findClientThread(db, scope.client, threadId);
  const file = thread ? await attachmentIn(thread, attachmentId) : null;
  return file ? { ok: true, file } : notFound(GONE);
}

/** An attachment for a member who may see the thread; the download is audited like a read. */
export async function staffAttachment(scope: PracticeScope, threadId: string, attachmentId: string): Promise<{ ok: true; file: AttachmentFile } | NotFound> {
  const thread = await findStaffThread(scope, threadId);
  const file = thread ? await attachmentIn(thread, attachmentId) : null;
  if (!file) return notFound(GONE);
  await recordAudit(byMember(scope, "thread.attachment_read", { type: "thread", id: thread!.id }, { attachmentId }));
  return { ok: true, file };
}
