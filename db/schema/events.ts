import { sql } from "drizzle-orm";
import { bigint, boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { packages } from "./billing";
import { clients, members, practices } from "./practice";
import { currencyIn, tz } from "./columns";

/**
 * Group events and webinars (decision 0055): one event with one or more dates,
 * sold by the seat. The seat count is the database's: `seats_taken` is kept by
 * a trigger on event_registrations (migration 0041) in the same statement that
 * takes or frees a seat, and `group_events_seats_within_capacity` refuses the
 * statement that would pass the capacity, so the last seat cannot be sold twice
 * however many buyers race for it.
 */
export const groupEventFormat = pgEnum("group_event_format", ["online", "in_person"]);
export const groupEventStatus = pgEnum("group_event_status", ["scheduled", "cancelled"]);
/** held: a seat kept while its buyer pays or answers an offer; live = held or confirmed. */
export const eventRegistrationStatus = pgEnum("event_registration_status", ["held", "confirmed", "cancelled", "expired", "refunded"]);
export const eventWaitlistStatus = pgEnum("event_waitlist_status", ["waiting", "offered", "accepted", "expired", "left"]);

export const groupEvents = pgTable(
  "group_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    format: groupEventFormat("format").notNull(),
    /** An address for in-person events; required with that format. */
    location: text("location"),
    /** The online join link: sent to each confirmed attendee in their own email, never shown on the public page. */
    joinUrl: text("join_url"),
    capacity: integer("capacity").notNull(),
    /** Kept by the trigger in migration 0041: seats of held and confirmed registrations. */
    seatsTaken: integer("seats_taken").notNull().default(0),
    /** Per seat, minor units; null: free. */
    priceCents: integer("price_cents"),
    currency: text("currency").notNull().default("USD"),
    /**
     * A package whose credits pay for seats, one credit a seat (decision 0060):
     * with a price, a signed-in holder may use a credit instead of paying; without
     * one, only holders can sign up. Null: no credits taken.
     */
    creditPackageId: uuid("credit_package_id"),
    /** No sign-up after this instant. */
    signupCutoff: timestamp("signup_cutoff", tz).notNull(),
    /** An attendee may cancel (and be refunded) until this many hours before the first date. */
    cancellationHours: integer("cancellation_hours").notNull().default(24),
    cancellationPolicy: text("cancellation_policy").notNull().default(""),
    /** A recording or materials link, sent to attendees after the event. */
    materialsUrl: text("materials_url"),
    status: groupEventStatus("status").notNull().default("scheduled"),
    /** The calendar SEQUENCE of its dates: raised when an edit moves them or changes the place, so calendars take the change. */
    sequence: integer("sequence").notNull().default(0),
    cancelledAt: timestamp("cancelled_at", tz),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("group_events_practice_id_id_key").on(t.practiceId, t.id),
    index("group_events_practice_id_idx").on(t.practiceId),
    foreignKey({ name: "group_events_credit_package_fkey", columns: [t.practiceId, t.creditPackageId], foreignColumns: [packages.practiceId, packages.id] }),
    index("group_events_credit_package_id_idx").on(t.creditPackageId),
    check("group_events_title", sql`length(${t.title}) between 1 and 200`),
    check("group_events_capacity", sql`${t.capacity} between 1 and 1000`),
    check("group_events_seats_within_capacity", sql`${t.seatsTaken} between 0 and ${t.capacity}`),
    check("group_events_price", sql`${t.priceCents} is null or ${t.priceCents} >= 50`),
    check("group_events_currency", currencyIn(t.currency)),
    check("group_events_cancellation_hours", sql`${t.cancellationHours} between 0 and 720`),
    check("group_events_location", sql`${t.format} = 'online' or ${t.location} is not null`),
    check("group_events_cancelled", sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
  ],
);

/** One date of an event (a series of classes is one event with several). */
export const eventSessions = pgTable(
  "event_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    eventId: uuid("event_id").notNull(),
    startsAt: timestamp("starts_at", tz).notNull(),
    endsAt: timestamp("ends_at", tz).notNull(),
  },
  (t) => [
    unique("event_sessions_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "event_sessions_event_fkey", columns: [t.practiceId, t.eventId], foreignColumns: [groupEvents.practiceId, groupEvents.id] }).onDelete("cascade"),
    index("event_sessions_event_id_idx").on(t.eventId, t.startsAt),
    check("event_sessions_order", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const eventHosts = pgTable(
  "event_hosts",
  {
    practiceId: uuid("practice_id").notNull(),
    eventId: uuid("event_id").notNull(),
    memberId: uuid("member_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "event_hosts_pkey", columns: [t.eventId, t.memberId] }),
    foreignKey({ name: "event_hosts_event_fkey", columns: [t.practiceId, t.eventId], foreignColumns: [groupEvents.practiceId, groupEvents.id] }).onDelete("cascade"),
    foreignKey({ name: "event_hosts_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }).onDelete("cascade"),
    index("event_hosts_member_id_idx").on(t.memberId),
  ],
);

/**
 * A booking of one seat, or two for a couple (one booking, each partner their
 * own client record and their own emails). `seats` never changes; the trigger
 * moves `group_events.seats_taken` when the status enters or leaves held/confirmed.
 */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    eventId: uuid("event_id").notNull(),
    clientId: uuid("client_id").notNull(),
    partnerClientId: uuid("partner_client_id"),
    seats: integer("seats").notNull(),
    status: eventRegistrationStatus("status").notNull(),
    holdExpiresAt: timestamp("hold_expires_at", tz),
    cancelledAt: timestamp("cancelled_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("event_registrations_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "event_registrations_event_fkey", columns: [t.practiceId, t.eventId], foreignColumns: [groupEvents.practiceId, groupEvents.id] }).onDelete("cascade"),
    foreignKey({ name: "event_registrations_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "event_registrations_partner_fkey", columns: [t.practiceId, t.partnerClientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("event_registrations_event_id_idx").on(t.eventId, t.status),
    index("event_registrations_client_id_idx").on(t.clientId),
    index("event_registrations_partner_client_id_idx").on(t.partnerClientId),
    check("event_registrations_seats", sql`${t.seats} in (1, 2) and (${t.seats} = 2) = (${t.partnerClientId} is not null)`),
    check("event_registrations_hold", sql`${t.status} <> 'held' or ${t.holdExpiresAt} is not null`),
  ],
);

/** Waiting for a seat, in `position` order; an offer is a held registration. */
export const eventWaitlist = pgTable(
  "event_waitlist",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    eventId: uuid("event_id").notNull(),
    /** Increasing across the table: the order of joining. */
    position: bigint("position", { mode: "number" }).generatedAlwaysAsIdentity(),
    clientId: uuid("client_id").notNull(),
    partnerClientId: uuid("partner_client_id"),
    seats: integer("seats").notNull(),
    status: eventWaitlistStatus("status").notNull().default("waiting"),
    registrationId: uuid("registration_id"),
    offeredAt: timestamp("offered_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("event_waitlist_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "event_waitlist_event_fkey", columns: [t.practiceId, t.eventId], foreignColumns: [groupEvents.practiceId, groupEvents.id] }).onDelete("cascade"),
    foreignKey({ name: "event_waitlist_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "event_waitlist_partner_fkey", columns: [t.practiceId, t.partnerClientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "event_waitlist_registration_fkey", columns: [t.practiceId, t.registrationId], foreignColumns: [eventRegistrations.practiceId, eventRegistrations.id] }).onDelete("set null"),
    index("event_waitlist_event_id_idx").on(t.eventId, t.status, t.position),
    index("event_waitlist_client_id_idx").on(t.clientId),
    index("event_waitlist_partner_client_id_idx").on(t.partnerClientId),
    index("event_waitlist_registration_id_idx").on(t.registrationId),
    check("event_waitlist_seats", sql`${t.seats} in (1, 2) and (${t.seats} = 2) = (${t.partnerClientId} is not null)`),
    check("event_waitlist_offer", sql`${t.status} not in ('offered', 'accepted') or (${t.registrationId} is not null and ${t.offeredAt} is not null)`),
  ],
);

/** A host's mark after a date: whether a registration (both partners of a couple together) attended. */
export const eventAttendance = pgTable(
  "event_attendance",
  {
    practiceId: uuid("practice_id").notNull(),
    registrationId: uuid("registration_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    attended: boolean("attended").notNull(),
    markedByMemberId: uuid("marked_by_member_id"),
    markedAt: timestamp("marked_at", tz).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "event_attendance_pkey", columns: [t.registrationId, t.sessionId] }),
    foreignKey({ name: "event_attendance_registration_fkey", columns: [t.practiceId, t.registrationId], foreignColumns: [eventRegistrations.practiceId, eventRegistrations.id] }).onDelete("cascade"),
    foreignKey({ name: "event_attendance_session_fkey", columns: [t.practiceId, t.sessionId], foreignColumns: [eventSessions.practiceId, eventSessions.id] }).onDelete("cascade"),
    foreignKey({ name: "event_attendance_member_fkey", columns: [t.practiceId, t.markedByMemberId], foreignColumns: [members.practiceId, members.id] }).onDelete("set null"),
    index("event_attendance_session_id_idx").on(t.sessionId),
    index("event_attendance_marked_by_member_id_idx").on(t.markedByMemberId),
  ],
);

/**
 * Event emails to send, written in the transaction that calls for them (a
 * confirmation inside the webhook's), sent after commit or by the `events`
 * job; one row per key, so never twice. One row per recipient: attendees
 * never share a message.
 */
export const eventNotices = pgTable(
  "event_notices",
  {
    key: text("key").primaryKey(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id"),
    clientId: uuid("client_id").notNull(),
    kind: text("kind").notNull(),
    data: jsonb("data").$type<Record<string, string | number | null>>().notNull().default({}),
    sentAt: timestamp("sent_at", tz),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "event_notices_registration_fkey", columns: [t.practiceId, t.registrationId], foreignColumns: [eventRegistrations.practiceId, eventRegistrations.id] }).onDelete("cascade"),
    foreignKey({ name: "event_notices_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("event_notices_practice_id_idx").on(t.practiceId),
    index("event_notices_registration_id_idx").on(t.registrationId),
    index("event_notices_client_id_idx").on(t.clientId),
    index("event_notices_unsent_idx").on(t.createdAt).where(sql`${t.sentAt} is null`),
  ],
);

export type GroupEvent = typeof groupEvents.$inferSelect;
export type EventSession = typeof eventSessions.$inferSelect;
export type EventRegistration = typeof eventRegistrations.$inferSelect;
export type EventRegistrationStatus = (typeof eventRegistrationStatus.enumValues)[number];
export type EventWaitlistEntry = typeof eventWaitlist.$inferSelect;
