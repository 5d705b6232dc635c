import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { tz } from "./columns";

/** People who can sign in. Auth.js owns the shape of these four tables. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name"),
    // Stored lower-cased so one address is one person.
    email: text("email").notNull().unique("users_email_key"),
    emailVerified: timestamp("email_verified", tz),
    image: text("image"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [check("users_email_lower", sql`${t.email} = lower(${t.email})`)],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [
    primaryKey({ name: "accounts_pkey", columns: [t.provider, t.providerAccountId] }),
    index("accounts_user_id_idx").on(t.userId),
  ],
);

/**
 * Database sessions. `createdAt` and `lastSeenAt` are ours: they carry the
 * idle and absolute limits (staff 30 min idle / 12 h; clients 12 h idle).
 */
export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", tz).notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", tz).notNull().defaultNow(),
    /** When this session passed a second factor (TOTP, passkey, recovery code); null: the magic link only. */
    secondFactorAt: timestamp("second_factor_at", tz),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", tz).notNull(),
  },
  (t) => [primaryKey({ name: "verification_tokens_pkey", columns: [t.identifier, t.token] })],
);

/** Counters for rate-limiter-flexible's Drizzle store (sign-in emails). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", tz),
});

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
