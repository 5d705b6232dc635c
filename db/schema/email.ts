import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { practices } from "./practice";
import { tz } from "./columns";

export const emailStatus = pgEnum("email_status", ["outbox", "sending", "sent", "failed"]);

/**
 * Every message, keyed for idempotency. With no Resend key the message stays
 * here ("outbox") and development shows it at /dev/outbox; once sent through
 * Resend the bodies are dropped, so sign-in links do not linger at rest.
 */
export const emailMessages = pgTable(
  "email_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull().unique("email_messages_key_key"),
    practiceId: uuid("practice_id").references(() => practices.id, { onDelete: "cascade" }),
    template: text("template").notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    html: text("html"),
    text: text("text"),
    /** Files sent with the message (e.g. an .ics), base64 content. */
    attachments: jsonb("attachments").$type<{ filename: string; contentType: string; content: string }[]>(),
    status: emailStatus("status").notNull(),
    providerId: text("provider_id"),
    error: text("error"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    sentAt: timestamp("sent_at", tz),
  },
  (t) => [index("email_messages_practice_id_idx").on(t.practiceId), index("email_messages_to_idx").on(t.to, t.createdAt)],
);

export type EmailMessage = typeof emailMessages.$inferSelect;
