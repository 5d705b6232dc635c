import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgEnum, pgTable, smallint, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { appointments, services } from "./booking";
import { clients, couples, members, practices } from "./practice";
import { tz } from "./columns";

/**
 * The session waitlist (issue 14, decision 0057). A waitlist entry is a
 * client or a couple waiting for a service (optionally one clinician, some
 * days of the week, some times of day). When a matching time frees up, the
 * waitlist job (lib/waitlist/offer-job.ts) makes an offer: a `held`
 * appointment created through lib/booking/lifecycle (so the exclusion
 * constraint refuses a double booking like for any hold) and an offer row
 * per entry pointing at it. Accepting confirms the hold through the
 * lifecycle; the partial unique index on accepted offers decides a race
 * between several people offered the same hold.
 */

/** first_in_line: one entry at a time, held for hold_minutes; all_at_once: everyone matching, first to confirm wins. */
export const waitlistMode = pgEnum("waitlist_mode", ["first_in_line", "all_at_once"]);
export const waitlistCreatedBy = pgEnum("waitlist_created_by", ["self", "staff"]);
/** waiting → offered → booked; an offer that lapses or is lost puts the entry back to waiting; left (they or staff took it off); expired (its own end date passed). */
export const waitlistEntryStatus = pgEnum("waitlist_entry_status", ["waiting", "offered", "booked", "left", "expired"]);
export const waitlistOfferStatus = pgEnum("waitlist_offer_status", ["offered", "accepted", "expired", "declined", "lost"]);
/** What freed the time an opening names. */
export const waitlistOpeningSource = pgEnum("waitlist_opening_source", ["cancelled", "rescheduled", "expired", "availability"]);

/** Also lib/waitlist/match.ts's TIMES_OF_DAY. */
export const WAITLIST_TIMES_OF_DAY = ["morning", "afternoon", "evening"] as const;

/** The practice's waitlist setting; no row means first_in_line with a 120-minute hold. */
export const waitlistSettings = pgTable(
  "waitlist_settings",
  {
    practiceId: uuid("practice_id")
      .primaryKey()
      .references(() => practices.id, { onDelete: "cascade" }),
    mode: waitlistMode("mode").notNull().default("first_in_line"),
    holdMinutes: integer("hold_minutes").notNull().default(120),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [check("waitlist_settings_hold_minutes", sql`${t.holdMinutes} between 15 and 2880`)],
);

export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    /** Null: any clinician who offers the service. */
    memberId: uuid("member_id"),
    /** The client, or for a couple one partner (the other is partner_client_id), as appointments model attendees. */
    clientId: uuid("client_id").notNull(),
    partnerClientId: uuid("partner_client_id"),
    coupleId: uuid("couple_id"),
    /** ISO weekdays 1 (Monday) … 7 in the practice's zone; empty: any day. */
    daysOfWeek: smallint("days_of_week").array().notNull().default(sql`'{}'::smallint[]`),
    /** Any of morning / afternoon / evening (lib/waitlist/match.ts); empty with no range: any time. */
    timesOfDay: text("times_of_day").array().notNull().default(sql`'{}'::text[]`),
    /** Or a local time range the session must start in, minutes from midnight [start, end). */
    rangeStartMinute: smallint("range_start_minute"),
    rangeEndMinute: smallint("range_end_minute"),
    createdBy: waitlistCreatedBy("created_by").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    status: waitlistEntryStatus("status").notNull().default("waiting"),
    /** Stop offering after this (optional). */
    expiresAt: timestamp("expires_at", tz),
    /** The appointment the entry ended in (status booked). */
    bookedAppointmentId: uuid("booked_appointment_id"),
    /** The order in line: created_at, then id. */
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("waitlist_entries_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "waitlist_entries_practice_fkey", columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({ name: "waitlist_entries_service_fkey", columns: [t.practiceId, t.serviceId], foreignColumns: [services.practiceId, services.id] }).onDelete("cascade"),
    foreignKey({ name: "waitlist_entries_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }),
    foreignKey({ name: "waitlist_entries_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "waitlist_entries_partner_fkey", columns: [t.practiceId, t.partnerClientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "waitlist_entries_couple_fkey", columns: [t.coupleId], foreignColumns: [couples.id] }).onDelete("cascade"),
    foreignKey({ name: "waitlist_entries_booked_fkey", columns: [t.practiceId, t.bookedAppointmentId], foreignColumns: [appointments.practiceId, appointments.id] }),
    index("waitlist_entries_practice_id_status_idx").on(t.practiceId, t.status, t.createdAt),
    index("waitlist_entries_service_id_idx").on(t.practiceId, t.serviceId),
    index("waitlist_entries_member_id_idx").on(t.practiceId, t.memberId),
    index("waitlist_entries_client_id_idx").on(t.practiceId, t.clientId),
    index("waitlist_entries_partner_client_id_idx").on(t.practiceId, t.partnerClientId),
    index("waitlist_entries_couple_id_idx").on(t.coupleId),
    index("waitlist_entries_created_by_user_id_idx").on(t.createdByUserId),
    index("waitlist_entries_booked_appointment_id_idx").on(t.practiceId, t.bookedAppointmentId),
    // One live place per client and service: joining twice is refused by the database too.
    uniqueIndex("waitlist_entries_live_key").on(t.serviceId, t.clientId).where(sql`${t.status} in ('waiting', 'offered')`),
    check("waitlist_entries_days", sql`${t.daysOfWeek} <@ '{1,2,3,4,5,6,7}'::smallint[]`),
    check("waitlist_entries_times", sql`${t.timesOfDay} <@ '{morning,afternoon,evening}'::text[]`),
    check(
      "waitlist_entries_range",
      sql`(${t.rangeStartMinute} is null and ${t.rangeEndMinute} is null) or (${t.rangeStartMinute} >= 0 and ${t.rangeEndMinute} <= 1440 and ${t.rangeStartMinute} < ${t.rangeEndMinute} and cardinality(${t.timesOfDay}) = 0)`,
    ),
    check("waitlist_entries_partner", sql`(${t.partnerClientId} is null) = (${t.coupleId} is null) and (${t.partnerClientId} is null or ${t.partnerClientId} <> ${t.clientId})`),
    check("waitlist_entries_booked", sql`(${t.status} = 'booked') = (${t.bookedAppointmentId} is not null)`),
  ],
);

export const waitlistOffers = pgTable(
  "waitlist_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    entryId: uuid("entry_id").notNull(),
    /** The held appointment (all_at_once: several offers share one hold). */
    appointmentId: uuid("appointment_id").notNull(),
    /** The offered time, kept for the staff page and so one entry is never offered the same time twice. */
    memberId: uuid("member_id").notNull(),
    startsAt: timestamp("starts_at", tz).notNull(),
    expiresAt: timestamp("expires_at", tz).notNull(),
    status: waitlistOfferStatus("status").notNull().default("offered"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", tz),
  },
  (t) => [
    foreignKey({ name: "waitlist_offers_entry_fkey", columns: [t.practiceId, t.entryId], foreignColumns: [waitlistEntries.practiceId, waitlistEntries.id] }).onDelete("cascade"),
    foreignKey({ name: "waitlist_offers_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }).onDelete("cascade"),
    index("waitlist_offers_practice_id_idx").on(t.practiceId, t.createdAt),
    index("waitlist_offers_appointment_id_idx").on(t.practiceId, t.appointmentId),
    unique("waitlist_offers_entry_time_key").on(t.entryId, t.memberId, t.startsAt),
    // The race an all_at_once offer runs is decided here: one accepted offer per hold.
    uniqueIndex("waitlist_offers_one_accepted_key").on(t.appointmentId).where(sql`${t.status} = 'accepted'`),
    // An entry has at most one open offer.
    uniqueIndex("waitlist_offers_one_open_key").on(t.entryId).where(sql`${t.status} = 'offered'`),
    check("waitlist_offers_resolved", sql`(${t.status} = 'offered') = (${t.resolvedAt} is null)`),
  ],
);

/**
 * Times that freed up, waiting for the waitlist job: one per outbox row of a
 * cancellation, reschedule or expired hold (source_key `event:<id>`), and one
 * per availability change (written with the change). The job reads them after
 * commit, never inside the request that freed the time.
 */
export const waitlistOpenings = pgTable(
  "waitlist_openings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    memberId: uuid("member_id").notNull(),
    startsAt: timestamp("starts_at", tz).notNull(),
    endsAt: timestamp("ends_at", tz).notNull(),
    source: waitlistOpeningSource("source").notNull(),
    sourceKey: text("source_key").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    processedAt: timestamp("processed_at", tz),
  },
  (t) => [
    unique("waitlist_openings_source_key_key").on(t.sourceKey),
    foreignKey({ name: "waitlist_openings_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }).onDelete("cascade"),
    index("waitlist_openings_practice_id_idx").on(t.practiceId, t.memberId),
    index("waitlist_openings_due_idx").on(t.createdAt).where(sql`${t.processedAt} is null`),
    check("waitlist_openings_range", sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export type WaitlistEntry = typeof waitlistEntries.$inferSelect;
export type WaitlistOffer = typeof waitlistOffers.$inferSelect;
export type WaitlistModeValue = (typeof waitlistMode.enumValues)[number];
export type WaitlistEntryStatus = (typeof waitlistEntryStatus.enumValues)[number];
export type WaitlistOfferStatus = (typeof waitlistOfferStatus.enumValues)[number];
