import { sql } from "drizzle-orm";
import { bigint, boolean, check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { clients, couples, members, practices } from "./practice";
import { tz } from "./columns";

export const threadKind = pgEnum("thread_kind", ["shared", "own"]);
export const threadStatus = pgEnum("thread_status", ["open", "done"]);
export const messageAuthorKind = pgEnum("message_author_kind", ["client", "staff"]);
export const messageEmailMode = pgEnum("message_email_mode", ["each", "digest"]);

/**
 * A conversation between a client and the practice's care team (decision 0046).
 * `own`: one client's private thread (`client_id`). `shared`: a couple's thread,
 * whose two clients are copied into `client_a_id`/`client_b_id` so the history
 * stays with the same two people if the couple is later unlinked (`couple_id`
 * then goes null). Portal reads match the signed-in client against exactly
 * these three columns, so a partner's own thread can never match.
 */
export const threads = pgTable(
  "threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    kind: threadKind("kind").notNull(),
    clientId: uuid("client_id"),
    coupleId: uuid("couple_id"),
    clientAId: uuid("client_a_id"),
    clientBId: uuid("client_b_id"),
    subject: text("subject"),
    assignedMemberId: uuid("assigned_member_id").references(() => members.id, { onDelete: "set null" }),
    status: threadStatus("status").notNull().default("open"),
    lastMessageAt: timestamp("last_message_at", tz),
    /** Who wrote last: `client` means the thread waits for a reply. */
    lastAuthorKind: messageAuthorKind("last_author_kind"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("threads_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "threads_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "threads_client_a_fkey", columns: [t.practiceId, t.clientAId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "threads_client_b_fkey", columns: [t.practiceId, t.clientBId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "threads_couple_fkey", columns: [t.coupleId], foreignColumns: [couples.id] }).onDelete("set null"),
    check(
      "threads_kind_owner",
      sql`(${t.kind} = 'own' and ${t.clientId} is not null and ${t.clientAId} is null and ${t.clientBId} is null and ${t.coupleId} is null)
        or (${t.kind} = 'shared' and ${t.clientId} is null and ${t.clientAId} is not null and ${t.clientBId} is not null and ${t.clientAId} < ${t.clientBId})`,
    ),
    check("threads_subject_length", sql`${t.subject} is null or char_length(${t.subject}) between 1 and 120`),
    uniqueIndex("threads_own_client_key").on(t.clientId).where(sql`${t.kind} = 'own'`),
    uniqueIndex("threads_shared_pair_key").on(t.clientAId, t.clientBId).where(sql`${t.kind} = 'shared'`),
    index("threads_client_b_id_idx").on(t.clientBId),
    index("threads_couple_id_idx").on(t.coupleId),
    index("threads_assigned_member_id_idx").on(t.assignedMemberId),
    index("threads_practice_id_last_message_at_idx").on(t.practiceId, t.lastMessageAt),
  ],
);

/** Per person in a thread (a client's user or a staff user): read up to when, and the last message email (the 10-minute debounce). */
export const threadMembers = pgTable(
  "thread_members",
  {
    threadId: uuid("thread_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    practiceId: uuid("practice_id").notNull(),
    lastReadAt: timestamp("last_read_at", tz),
    lastEmailedAt: timestamp("last_emailed_at", tz),
  },
  (t) => [
    primaryKey({ name: "thread_members_pkey", columns: [t.threadId, t.userId] }),
    foreignKey({ name: "thread_members_thread_fkey", columns: [t.practiceId, t.threadId], foreignColumns: [threads.practiceId, threads.id] }).onDelete("cascade"),
    index("thread_members_user_id_idx").on(t.userId),
  ],
);

/** One message; immutable once written (trigger in migration 0033). `seq` orders and pages the polling. */
export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigint("seq", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    practiceId: uuid("practice_id").notNull(),
    threadId: uuid("thread_id").notNull(),
    authorKind: messageAuthorKind("author_kind").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    /** The writing client (client messages) or member (staff messages). */
    authorClientId: uuid("author_client_id"),
    authorMemberId: uuid("author_member_id").references(() => members.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("messages_seq_key").on(t.seq),
    unique("messages_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "messages_thread_fkey", columns: [t.practiceId, t.threadId], foreignColumns: [threads.practiceId, threads.id] }).onDelete("cascade"),
    foreignKey({ name: "messages_author_client_fkey", columns: [t.practiceId, t.authorClientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("messages_thread_id_seq_idx").on(t.threadId, t.seq),
    index("messages_author_user_id_idx").on(t.authorUserId),
    index("messages_author_client_id_idx").on(t.authorClientId),
    index("messages_author_member_id_idx").on(t.authorMemberId),
    check("messages_body_length", sql`char_length(${t.body}) between 1 and 5000`),
    check("messages_author", sql`(${t.authorKind} = 'client' and ${t.authorClientId} is not null) or (${t.authorKind} = 'staff' and ${t.authorClientId} is null)`),
  ],
);

export const MESSAGE_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** A file sent with a message; the bytes live in lib/storage under `storage_key`. */
export const messageAttachments = pgTable(
  "message_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    messageId: uuid("message_id").notNull(),
    storageKey: text("storage_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "message_attachments_message_fkey", columns: [t.practiceId, t.messageId], foreignColumns: [messages.practiceId, messages.id] }).onDelete("cascade"),
    index("message_attachments_message_id_idx").on(t.messageId),
    unique("message_attachments_practice_id_storage_key_key").on(t.practiceId, t.storageKey),
    check("message_attachments_content_type", sql`${t.contentType} in ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')`),
    check("message_attachments_byte_size", sql`${t.byteSize} between 1 and ${sql.raw(String(MESSAGE_ATTACHMENT_MAX_BYTES))}`),
    check("message_attachments_file_name_length", sql`char_length(${t.fileName}) between 1 and 200`),
  ],
);

/** A practice's canned replies, picked in the staff composer. */
export const replyTemplates = pgTable(
  "reply_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("reply_templates_practice_id_title_key").on(t.practiceId, t.title),
    check("reply_templates_title_length", sql`char_length(${t.title}) between 1 and 80`),
    check("reply_templates_body_length", sql`char_length(${t.body}) between 1 and 5000`),
  ],
);

/** A practice's messaging settings: its crisis text (shown above every composer) and whether the front desk reads threads. */
export const messagingSettings = pgTable(
  "messaging_settings",
  {
    practiceId: uuid("practice_id")
      .primaryKey()
      .references(() => practices.id, { onDelete: "cascade" }),
    crisisText: text("crisis_text"),
    frontDeskAccess: boolean("front_desk_access").notNull().default(false),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [check("messaging_settings_crisis_text_length", sql`${t.crisisText} is null or char_length(${t.crisisText}) between 1 and 1000`)],
);

/** How a client hears of new messages: an email per message (at most one per thread per 10 minutes) or a daily digest. */
export const messagePreferences = pgTable(
  "message_preferences",
  {
    clientId: uuid("client_id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    emailMode: messageEmailMode("email_mode").notNull().default("each"),
    /** Up to when the digest has told the client (the next digest counts messages after it). */
    digestThrough: timestamp("digest_through", tz),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "message_preferences_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("message_preferences_practice_id_idx").on(t.practiceId),
  ],
);

export type Thread = typeof threads.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type MessageAttachment = typeof messageAttachments.$inferSelect;
export type ReplyTemplate = typeof replyTemplates.$inferSelect;
export type ThreadKind = (typeof threadKind.enumValues)[number];
export type MessageEmailMode = (typeof messageEmailMode.enumValues)[number];
