import { sql, type AnyColumn } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads the schema on its own.
import { NOTIFICATION_KINDS } from "../../lib/notifications/kinds";
import { payments } from "./billing";
import { appointments } from "./booking";
import { clients, members } from "./practice";
import { tz } from "./columns";

const kindIn = (column: AnyColumn) => sql`${column} in ${sql.raw(`(${NOTIFICATION_KINDS.map((k) => `'${k}'`).join(", ")})`)}`;

/**
 * A notice to one member that something happened (decision 0037): written
 * in the transaction of the change it is about, already resolved against the
 * member's preferences. `in_app` rows show under the bell; `email` rows are
 * also the staff email outbox (the `staff-notify` job sends each once under
 * the key `staff-notice:<id>`). Holds ids only: what a notice says is read
 * from its subject when it is shown or sent, so nothing clinical is copied
 * here. `key` is the producer's (the appointment event, the response, the
 * payment): a repeat of the same event tells nobody twice.
 */
export const staffNotifications = pgTable(
  "staff_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    memberId: uuid("member_id").notNull(),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    appointmentId: uuid("appointment_id"),
    clientId: uuid("client_id"),
    paymentId: uuid("payment_id"),
    flagId: uuid("flag_id"),
    responseId: uuid("response_id"),
    inApp: boolean("in_app").notNull(),
    email: boolean("email").notNull(),
    emailAttempts: integer("email_attempts").notNull().default(0),
    emailSentAt: timestamp("email_sent_at", tz),
    createdAt: timestamp("created_at", tz).notNull(),
    readAt: timestamp("read_at", tz),
  },
  (t) => [
    unique("staff_notifications_member_id_key_key").on(t.memberId, t.key),
    foreignKey({ name: "staff_notifications_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }).onDelete("cascade"),
    foreignKey({ name: "staff_notifications_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }).onDelete("cascade"),
    foreignKey({ name: "staff_notifications_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "staff_notifications_payment_fkey", columns: [t.practiceId, t.paymentId], foreignColumns: [payments.practiceId, payments.id] }).onDelete("cascade"),
    // The bell's count: one index-only range per member.
    index("staff_notifications_member_unread_idx").on(t.memberId, t.createdAt).where(sql`${t.inApp} and ${t.readAt} is null`),
    index("staff_notifications_member_id_idx").on(t.memberId, t.createdAt),
    index("staff_notifications_appointment_id_idx").on(t.appointmentId),
    index("staff_notifications_client_id_idx").on(t.clientId),
    index("staff_notifications_payment_id_idx").on(t.paymentId),
    index("staff_notifications_email_unsent_idx").on(t.createdAt).where(sql`${t.email} and ${t.emailSentAt} is null`),
    check("staff_notifications_kind", kindIn(t.kind)),
    // A row nobody would ever see or receive is not written.
    check("staff_notifications_some_channel", sql`${t.inApp} or ${t.email}`),
    check("staff_notifications_read_in_app", sql`${t.readAt} is null or ${t.inApp}`),
  ],
);

/**
 * A member's choice per kind (no row: lib/notifications/kinds.ts defaults).
 * A safety flag's in-app notice cannot be turned off: the check says so
 * where no code path can forget it.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    practiceId: uuid("practice_id").notNull(),
    memberId: uuid("member_id").notNull(),
    kind: text("kind").notNull(),
    email: boolean("email").notNull(),
    inApp: boolean("in_app").notNull(),
    updatedAt: timestamp("updated_at", tz).notNull(),
  },
  (t) => [
    primaryKey({ name: "notification_preferences_pkey", columns: [t.memberId, t.kind] }),
    foreignKey({ name: "notification_preferences_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }).onDelete("cascade"),
    index("notification_preferences_practice_id_idx").on(t.practiceId),
    check("notification_preferences_kind", kindIn(t.kind)),
    check("notification_preferences_flags_in_app", sql`${t.kind} <> 'safety_flag' or ${t.inApp}`),
  ],
);

export type StaffNotification = typeof staffNotifications.$inferSelect;
