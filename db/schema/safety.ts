import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { formResponses } from "./intake";
import { clients, members } from "./practice";
import { tz } from "./columns";

/**
 * A submitted answer to a question its form marks as a safety item (the
 * intake's partner-safety question, PHQ-9 item 9) with a trigger answer.
 * Raised in the response's own transaction (lib/safety/raise-flags.ts); open
 * until a clinician acknowledges it with a note of what was done. Then it
 * never changes: the acknowledgement columns are all set or all null (a
 * check), and a trigger (migration 0015) refuses any UPDATE of an
 * acknowledged flag and any change to what the flag is about.
 * Holds no answer text: the question's id points into the response.
 */
export const safetyFlags = pgTable(
  "safety_flags",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    clientId: uuid("client_id").notNull(),
    responseId: uuid("response_id").notNull(),
    /** The question's id in the response's form version. */
    questionKey: text("question_key").notNull(),
    raisedAt: timestamp("raised_at", tz).notNull(),
    acknowledgedByUserId: uuid("acknowledged_by_user_id").references(() => users.id),
    acknowledgedAt: timestamp("acknowledged_at", tz),
    /** What the clinician did (clinical: shown to clinical roles only, never logged or emailed). */
    acknowledgementNote: text("acknowledgement_note"),
  },
  (t) => [
    unique("safety_flags_response_id_question_key_key").on(t.responseId, t.questionKey),
    unique("safety_flags_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "safety_flags_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    // The flag belongs to its response's client and practice, never another's.
    foreignKey({
      name: "safety_flags_response_fkey",
      columns: [t.practiceId, t.clientId, t.responseId],
      foreignColumns: [formResponses.practiceId, formResponses.clientId, formResponses.id],
    }).onDelete("cascade"),
    index("safety_flags_client_id_idx").on(t.clientId, t.raisedAt),
    index("safety_flags_open_idx").on(t.practiceId, t.raisedAt).where(sql`${t.acknowledgedAt} is null`),
    index("safety_flags_acknowledged_by_user_id_idx").on(t.acknowledgedByUserId),
    check(
      "safety_flags_acknowledgement",
      sql`(${t.acknowledgedByUserId} is null and ${t.acknowledgedAt} is null and ${t.acknowledgementNote} is null) or (${t.acknowledgedByUserId} is not null and ${t.acknowledgedAt} is not null and ${t.acknowledgementNote} is not null)`,
    ),
    check("safety_flags_note_length", sql`${t.acknowledgementNote} is null or length(${t.acknowledgementNote}) between 3 and 2000`),
    check("safety_flags_acknowledged_after_raised", sql`${t.acknowledgedAt} is null or ${t.acknowledgedAt} >= ${t.raisedAt}`),
    check("safety_flags_question_key", sql`length(${t.questionKey}) between 1 and 48`),
  ],
);

/**
 * The email outbox for a flag: one row per member told, written with the
 * flag; the `safety-notify` job sends each once (the email key is the row's).
 */
export const safetyFlagNotifications = pgTable(
  "safety_flag_notifications",
  {
    practiceId: uuid("practice_id").notNull(),
    flagId: uuid("flag_id").notNull(),
    memberId: uuid("member_id").notNull(),
    createdAt: timestamp("created_at", tz).notNull(),
    attempts: integer("attempts").notNull().default(0),
    sentAt: timestamp("sent_at", tz),
  },
  (t) => [
    primaryKey({ name: "safety_flag_notifications_pkey", columns: [t.flagId, t.memberId] }),
    foreignKey({ name: "safety_flag_notifications_flag_fkey", columns: [t.practiceId, t.flagId], foreignColumns: [safetyFlags.practiceId, safetyFlags.id] }).onDelete("cascade"),
    foreignKey({ name: "safety_flag_notifications_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }).onDelete("cascade"),
    index("safety_flag_notifications_member_id_idx").on(t.memberId),
    index("safety_flag_notifications_unsent_idx").on(t.createdAt).where(sql`${t.sentAt} is null`),
  ],
);

export type SafetyFlag = typeof safetyFlags.$inferSelect;
