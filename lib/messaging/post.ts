import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { messageAttachments, messages, threads } from "@/db/schema";
import type { ClientScope, PracticeScope } from "@/lib/auth/guards";
import { invalid, notFound, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { checkFile } from "@/lib/files/sniff";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { logError } from "@/lib/db/pg-error";
import { storage } from "@/lib/storage";
import { staffSeesThread } from "./access";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES, ATTACHMENT_TYPES, messageSchema } from "./message-schema";
import { notifyAfterMessage } from "./notify";
import { findClientThread, markRead, THREAD_NOT_FOUND } from "./threads";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export type PostResult = { ok: true; messageId: string; seq: number } | Invalid | NotFound;

interface CheckedFile {
  fileName: string;
  contentType: (typeof ATTACHMENT_TYPES)[number];
  bytes: Uint8Array;
}

/** A name that is safe to show and to put in a Content-Disposition header: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string, contentType: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(0, 200);
  if (base) return base;
  return contentType === "application/pdf" ? "attachment.pdf" : "attachment";
}

/** Body and files, checked before anything is written: the files by their bytes, never their names. */
function checkInput(input: unknown, files: readonly UploadedFile[]): { ok: true; body: string; files: CheckedFile[] } | Invalid {
  const parsed = messageSchema.safeParse(input);
  const errors = parsed.success ? {} : zodFieldErrors(parsed.error);
  if (files.length > ATTACHMENT_MAX_FILES) errors.attachments = ["Attachment: one file a message"];
  const checked: CheckedFile[] = [];
  if (!errors.attachments) {
    for (const file of files) {
      const result = checkFile(file.bytes, { field: "Attachment", maxBytes: ATTACHMENT_MAX_BYTES, accept: ATTACHMENT_TYPES });
      if (!result.ok) {
        errors.attachments = [`${result.message} (${cleanFileName(file.name, "")})`];
        break;
      }
      checked.push({ fileName: cleanFileName(file.name, result.type), contentType: result.type as CheckedFile["contentType"], bytes: file.bytes });
    }
  }
  if (!parsed.success || errors.attachments) return invalid(errors);
  return { ok: true, body: parsed.data.body, files: checked };
}

interface Author {
  practiceId: string;
  userId: string;
  kind: "client" | "staff";
  clientId: string | null;
  memberId: string | null;
}

async function write(tx: Tx, thread: { id: string; practiceId: string }, author: Author, body: string, files: CheckedFile[], now: Date) {
  const [message] = await tx
    .insert(messages)
    .values({
      practiceId: thread.practiceId,
      threadId: thread.id,
      authorKind: author.kind,
      authorUserId: author.userId,
      authorClientId: author.clientId,
      authorMemberId: author.memberId,
      body,
      createdAt: now,
    })
    .returning({ id: messages.id, seq: messages.seq });
  for (const file of files) {
    const id = randomUUID();
    const storageKey = `messages/${thread.id}/${id}`;
    await storage.put(thread.practiceId, storageKey, file.bytes, file.contentType, tx);
    await tx.insert(messageAttachments).values({ id, practiceId: thread.practiceId, messageId: message!.id, storageKey, fileName: file.fileName, contentType: file.contentType, byteSize: file.bytes.length, createdAt: now });
  }
  await tx
    .update(threads)
    // A client writing again reopens a thread marked done: it needs a reply.
    .set({ lastMessageAt: now, lastAuthorKind: author.kind, ...(author.kind === "client" ? { status: "open" as const } : {}) })
    .where(and(eq(threads.practiceId, thread.practiceId), eq(threads.id, thread.id)));
  await markRead(tx, thread, author.userId, now);
  return message!;
}

async function afterCommit(threadId: string, messageId: string) {
  try {
    await notifyAfterMessage(messageId);
  } catch (error) {
    // The message is kept either way; the email is a courtesy, and the digest or the next message catches up.
    logError("messaging", `notification for thread ${threadId} failed`, error);
  }
}

/** The signed-in client writes in one of their threads. Another's thread (a partner's own) is not found, and nothing is stored. */
export async function postClientMessage(scope: Pick<ClientScope, "client" | "user">, threadId: string, input: unknown, files: readonly UploadedFile[], now: Date): Promise<PostResult> {
  const thread = await findClientThread(db, scope.client, threadId);
  if (!thread) return notFound(THREAD_NOT_FOUND);
  const checked = checkInput(input, files);
  if (!checked.ok) return checked;
  const author: Author = { practiceId: scope.client.practiceId, userId: scope.user.id, kind: "client", clientId: scope.client.id, memberId: null };
  const message = await db.transaction((tx) => write(tx, thread, author, checked.body, checked.files, now));
  await afterCommit(thread.id, message.id);
  return { ok: true, messageId: message.id, seq: message.seq };
}

/** The thread, if this member may see it (lib/messaging/access.ts); null otherwise. */
export async function findStaffThread(scope: Pick<PracticeScope, "practice" | "memberId" | "role" | "user">, threadId: string) {
  if (!isUuid(threadId)) return null;
  const [row] = await db
    .select({ id: threads.id, practiceId: threads.practiceId })
    .from(threads)
    .where(and(eq(threads.id, threadId), staffSeesThread(scope)));
  return row ?? null;
}

/** A member of the client's care team replies. */
export async function postStaffMessage(scope: PracticeScope, threadId: string, input: unknown, files: readonly UploadedFile[], now: Date): Promise<PostResult> {
  const thread = await findStaffThread(scope, threadId);
  if (!thread) return notFound(THREAD_NOT_FOUND);
  const checked = checkInput(input, files);
  if (!checked.ok) return checked;
  const author: Author = { practiceId: scope.practice.id, userId: scope.user.id, kind: "staff", clientId: null, memberId: scope.memberId };
  const message = await db.transaction((tx) => write(tx, thread, author, checked.body, checked.files, now));
  await afterCommit(thread.id, message.id);
  return { ok: true, messageId: message.id, seq: message.seq };
}
