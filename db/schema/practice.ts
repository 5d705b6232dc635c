import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { currencyIn, localeIn, tz } from "./columns";

export const practiceKind = pgEnum("practice_kind", ["couples_therapy", "coaching", "pelvic_pt"]);
export const memberRole = pgEnum("member_role", ["owner", "admin", "clinician", "front_desk"]);
export const clientStatus = pgEnum("client_status", ["active", "archived"]);

export const practices = pgTable(
  "practices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    slug: text("slug").notNull().unique("practices_slug_key"),
    kind: practiceKind("kind").notNull(),
    timeZone: text("time_zone").notNull(),
    email: text("email"),
    phone: text("phone"),
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    city: text("city"),
    region: text("region"),
    postalCode: text("postal_code"),
    country: text("country").notNull().default("US"),
    /** What the practice charges in: new services start with it (lib/money's CURRENCIES). */
    currency: text("currency").notNull().default("USD"),
    /** How dates and times read to staff and in the practice's emails and PDFs (lib/dates/locales.ts, decision 0044). */
    locale: text("locale").notNull().default("en-US"),
    /** Owners can require every member to use a second factor in this practice's workspace. */
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    /**
     * A video provider's room address with `{appointment}` where each online
     * appointment's own unguessable token goes (decision 0033); null: every
     * online session uses its clinician's standing room (`members.video_url`).
     */
    videoUrlPattern: text("video_url_pattern"),
    /**
     * When the public booking page went live; null: not published, and the
     * booking page and /api/book answer not found (decision 0027). Practices
     * that existed before the column were published by its migration.
     */
    publishedAt: timestamp("published_at", tz),
    /** Hours after a session's end before its unsigned note is flagged overdue (decision 0052). */
    noteSignHours: integer("note_sign_hours").notNull().default(72),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    check("practices_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("practices_currency", currencyIn(t.currency)),
    check("practices_locale", localeIn(t.locale)),
    check("practices_note_sign_hours", sql`${t.noteSignHours} between 1 and 720`),
    check("practices_video_url_pattern", sql`${t.videoUrlPattern} is null or (${t.videoUrlPattern} ~ '^https://' and position('{appointment}' in ${t.videoUrlPattern}) > 0)`),
  ],
);

export const locations = pgTable(
  "locations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    addressLine1: text("address_line1").notNull(),
    addressLine2: text("address_line2"),
    city: text("city").notNull(),
    region: text("region"),
    postalCode: text("postal_code"),
    timeZone: text("time_zone").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [index("locations_practice_id_idx").on(t.practiceId), unique("locations_practice_id_id_key").on(t.practiceId, t.id)],
);

/**
 * A user's role in a practice. An invitation is a member row whose
 * `joinedAt` is still null; it becomes active on first sign-in.
 */
export const members = pgTable(
  "members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: memberRole("role").notNull(),
    displayName: text("display_name").notNull(),
    /** e.g. "LMFT", "PT, DPT": shown to clients and on superbills later. */
    credentials: text("credentials"),
    /** Where the clinician's weekly hours are kept; null: the practice's zone. */
    timeZone: text("time_zone"),
    /** The clinician's standing video room for online sessions. */
    videoUrl: text("video_url"),
    /** Their signed notes wait for a supervisor's co-signature (decision 0052). */
    supervised: boolean("supervised").notNull().default(false),
    /**
     * The one member who co-signs this supervised clinician's notes (decision
     * 0058); null: any member who may co-sign. Same practice, never oneself,
     * cleared if that member leaves (the FK is hand-written in 0041).
     */
    supervisorMemberId: uuid("supervisor_member_id"),
    invitedAt: timestamp("invited_at", tz).notNull().defaultNow(),
    joinedAt: timestamp("joined_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("members_practice_id_user_id_key").on(t.practiceId, t.userId),
    unique("members_practice_id_id_key").on(t.practiceId, t.id),
    index("members_user_id_idx").on(t.userId),
    index("members_supervisor_member_id_idx").on(t.supervisorMemberId),
    check("members_supervisor_not_self", sql`${t.supervisorMemberId} is null or ${t.supervisorMemberId} <> ${t.id}`),
  ],
);

/** A person the practice serves. `userId` links portal access. */
export const clients = pgTable(
  "clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    preferredName: text("preferred_name"),
    pronouns: text("pronouns"),
    email: text("email"),
    phone: text("phone"),
    dateOfBirth: text("date_of_birth"),
    /** Postal address, printed on superbills (an insurer asks for it). Never logged. */
    addressLine1: text("address_line1"),
    addressLine2: text("address_line2"),
    city: text("city"),
    region: text("region"),
    postalCode: text("postal_code"),
    /** ISO 3166-1 alpha-2. */
    country: text("country"),
    /**
     * Free text carried over from another system by a CSV import (decision 0029):
     * may hold clinical remarks, so it is shown only to roles with clinical reach.
     */
    notes: text("notes"),
    status: clientStatus("status").notNull().default("active"),
    /**
     * Set when a public booking made this record from a typed address that
     * nobody has proven yet; null once its owner proved it (the link in their
     * confirmation) or when staff entered the client. See decision 0012.
     */
    unverifiedSince: timestamp("unverified_since", tz),
    /**
     * The answer to "Will you use insurance for these sessions?" (US practices,
     * decision 0053): true = self-pay (no insurance, or choosing not to use it),
     * which makes a booking owe a Good Faith Estimate; null = never asked.
     */
    selfPay: boolean("self_pay"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("clients_practice_id_id_key").on(t.practiceId, t.id),
    // An unproven booking may carry any address, even one a client already
    // has: it never takes that client's place (decision 0012).
    uniqueIndex("clients_practice_id_email_key").on(t.practiceId, t.email).where(sql`${t.unverifiedSince} is null`),
    uniqueIndex("clients_practice_id_user_id_key").on(t.practiceId, t.userId),
    index("clients_user_id_idx").on(t.userId),
    index("clients_practice_id_name_idx").on(t.practiceId, t.lastName, t.firstName),
    check("clients_email_lower", sql`${t.email} = lower(${t.email})`),
    check("clients_notes_length", sql`char_length(${t.notes}) <= 5000`),
    check("clients_date_of_birth_format", sql`${t.dateOfBirth} ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
    check("clients_country_format", sql`${t.country} ~ '^[A-Z]{2}$'`),
    check(
      "clients_address_lengths",
      sql`coalesce(char_length(${t.addressLine1}), 0) <= 200 and coalesce(char_length(${t.addressLine2}), 0) <= 200 and coalesce(char_length(${t.city}), 0) <= 100 and coalesce(char_length(${t.region}), 0) <= 100 and coalesce(char_length(${t.postalCode}), 0) <= 20`,
    ),
    // A typed address never opens a portal: portal access waits for the proof.
    check("clients_unverified_no_portal", sql`${t.unverifiedSince} is null or ${t.userId} is null`),
  ],
);

/**
 * Two clients of the same practice, treated as one unit. The composite
 * foreign keys make a cross-practice couple impossible; the ordering check
 * makes (a, b) and (b, a) the same pair for the unique key.
 */
export const couples = pgTable(
  "couples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientAId: uuid("client_a_id").notNull(),
    clientBId: uuid("client_b_id").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      name: "couples_client_a_fkey",
      columns: [t.practiceId, t.clientAId],
      foreignColumns: [clients.practiceId, clients.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "couples_client_b_fkey",
      columns: [t.practiceId, t.clientBId],
      foreignColumns: [clients.practiceId, clients.id],
    }).onDelete("cascade"),
    check("couples_ordered_pair", sql`${t.clientAId} < ${t.clientBId}`),
    // A client belongs to at most one couple: each id may appear once per column,
    // and the trigger in 0001 forbids it appearing in the other column.
    uniqueIndex("couples_client_a_id_key").on(t.clientAId),
    uniqueIndex("couples_client_b_id_key").on(t.clientBId),
    index("couples_practice_id_idx").on(t.practiceId),
  ],
);

export type Practice = typeof practices.$inferSelect;
export type Location = typeof locations.$inferSelect;
export type Member = typeof members.$inferSelect;
export type MemberRole = (typeof memberRole.enumValues)[number];
export type PracticeKind = (typeof practiceKind.enumValues)[number];
export type Client = typeof clients.$inferSelect;
export type Couple = typeof couples.$inferSelect;
