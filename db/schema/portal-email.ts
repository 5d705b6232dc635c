import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { tz } from "./columns";
import { clients, practices } from "./practice";

/**
 * A change of a portal client's email address that waits for the new
 * address to confirm it (a portal login changes hands only by consent).
 * The link's token is signed (lib/tokens) and names this
 * row; the row makes it single-use. At most one open change per client.
 */
export const clientEmailChanges = pgTable(
  "client_email_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    newEmail: text("new_email").notNull(),
    requestedByUserId: uuid("requested_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", tz).notNull(),
    confirmedAt: timestamp("confirmed_at", tz),
    cancelledAt: timestamp("cancelled_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "client_email_changes_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    uniqueIndex("client_email_changes_open_key").on(t.clientId).where(sql`${t.confirmedAt} is null and ${t.cancelledAt} is null`),
    index("client_email_changes_practice_id_client_id_idx").on(t.practiceId, t.clientId),
    index("client_email_changes_requested_by_user_id_idx").on(t.requestedByUserId),
    check("client_email_changes_new_email_lower", sql`${t.newEmail} = lower(${t.newEmail})`),
    check("client_email_changes_one_outcome", sql`${t.confirmedAt} is null or ${t.cancelledAt} is null`),
  ],
);

export type ClientEmailChange = typeof clientEmailChanges.$inferSelect;
