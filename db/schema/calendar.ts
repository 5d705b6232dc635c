import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { clients, members, practices } from "./practice";
import { tz } from "./columns";

/**
 * What a clinician's calendar feed calls a session: just "Session", or the
 * clients' initials too. Never a name, a service or anything clinical: the
 * feed lands in Google or Apple calendars the practice does not control.
 */
export const feedSummary = pgEnum("feed_summary", ["session", "initials"]);

/** A practice's calendar-feed settings; no row: the defaults ("Session"). */
export const calendarSettings = pgTable("calendar_settings", {
  practiceId: uuid("practice_id")
    .primaryKey()
    .references(() => practices.id, { onDelete: "cascade" }),
  feedSummary: feedSummary("feed_summary").notNull().default("session"),
  updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
});

/**
 * A private iCalendar subscription: a clinician's sessions (member_id) or a
 * client's own (client_id), never both. The URL's token is derived from the
 * row's id with a key from AUTH_SECRET (lib/calendar/feed-token.ts), so the
 * table holds no secret and the owner can see their link again; revoking
 * sets revoked_at and the link answers 410 from then on. One live feed per
 * owner: making a new link revokes the old one in the same transaction.
 */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    memberId: uuid("member_id"),
    clientId: uuid("client_id"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", tz),
  },
  (t) => [
    foreignKey({ name: "calendar_feeds_practice_fkey", columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({ name: "calendar_feeds_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }).onDelete("cascade"),
    foreignKey({ name: "calendar_feeds_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("calendar_feeds_practice_id_idx").on(t.practiceId),
    uniqueIndex("calendar_feeds_live_member_key").on(t.memberId).where(sql`${t.revokedAt} is null and ${t.memberId} is not null`),
    uniqueIndex("calendar_feeds_live_client_key").on(t.clientId).where(sql`${t.revokedAt} is null and ${t.clientId} is not null`),
    index("calendar_feeds_member_id_idx").on(t.memberId),
    index("calendar_feeds_client_id_idx").on(t.clientId),
    check("calendar_feeds_one_owner", sql`(${t.memberId} is null) <> (${t.clientId} is null)`),
  ],
);

export type FeedSummary = (typeof feedSummary.enumValues)[number];
