import { sql } from "drizzle-orm";
import { bigint, check, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { sessions, users } from "./auth";
import { tz } from "./columns";

/**
 * A staff member's authenticator app (TOTP). One per user: a second factor
 * belongs to the person, not to one practice. A row with `confirmedAt` null
 * is an enrolment in progress (QR shown, first code not yet entered).
 */
export const totpCredentials = pgTable(
  "totp_credentials",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The base32 secret, AES-256-GCM encrypted with a key derived from AUTH_SECRET. */
    secretEncrypted: text("secret_encrypted").notNull(),
    /** The last 30-second step accepted: a code is never accepted twice (replay). */
    lastTimeStep: bigint("last_time_step", { mode: "number" }),
    confirmedAt: timestamp("confirmed_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
);

/** Passkeys (WebAuthn credentials) registered by a staff member. */
export const webauthnCredentials = pgTable(
  "webauthn_credentials",
  {
    /** The credential id, base64url, as the authenticator reports it. */
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: text("transports").array().notNull().default(sql`'{}'::text[]`),
    name: text("name").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", tz),
  },
  (t) => [index("webauthn_credentials_user_id_idx").on(t.userId), check("webauthn_credentials_name_length", sql`char_length(${t.name}) between 1 and 60`)],
);

/** Single-use recovery codes, stored as keyed hashes (HMAC-SHA256), never as text. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [unique("recovery_codes_user_id_code_hash_key").on(t.userId, t.codeHash), index("recovery_codes_user_id_idx").on(t.userId)],
);

/**
 * A WebAuthn challenge issued to one session, used at most once and only
 * before it expires. Deleting the session deletes its challenges.
 */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionToken: text("session_token")
      .notNull()
      .references(() => sessions.sessionToken, { onDelete: "cascade" }),
    purpose: text("purpose").notNull(),
    challenge: text("challenge").notNull(),
    expiresAt: timestamp("expires_at", tz).notNull(),
  },
  (t) => [
    unique("webauthn_challenges_session_token_purpose_key").on(t.sessionToken, t.purpose),
    check("webauthn_challenges_purpose", sql`${t.purpose} in ('registration', 'authentication')`),
  ],
);

export type TotpCredential = typeof totpCredentials.$inferSelect;
export type WebauthnCredential = typeof webauthnCredentials.$inferSelect;
