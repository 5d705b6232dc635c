import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { clients, couples, locations, members, practices } from "./practice";
import { currencyIn, tz } from "./columns";
import { appointmentSeries } from "./series";

export const serviceFormat = pgEnum("service_format", ["in_person", "online", "phone"]);
export const serviceAttendance = pgEnum("service_attendance", ["individual", "couple", "either"]);
export const overrideKind = pgEnum("availability_override_kind", ["unavailable", "available"]);
/**
 * held → pending_payment → confirmed → completed | no_show; cancelled and
 * late_cancelled end it; expired is a hold nobody confirmed in time.
 * The allowed moves live in lib/booking/lifecycle/transitions.ts.
 */
export const appointmentStatus = pgEnum("appointment_status", [
  "held",
  "pending_payment",
  "confirmed",
  "completed",
  "cancelled",
  "late_cancelled",
  "no_show",
  "expired",
]);

export const services = pgTable(
  "services",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    durationMinutes: integer("duration_minutes").notNull(),
    /** Minor units of `currency`; 0 is free. */
    priceCents: integer("price_cents").notNull().default(0),
    currency: text("currency").notNull().default("USD"),
    format: serviceFormat("format").notNull(),
    attendance: serviceAttendance("attendance").notNull(),
    bufferBeforeMinutes: integer("buffer_before_minutes").notNull().default(0),
    bufferAfterMinutes: integer("buffer_after_minutes").notNull().default(0),
    minNoticeMinutes: integer("min_notice_minutes").notNull().default(1440),
    horizonDays: integer("horizon_days").notNull().default(60),
    /** Minutes between offered start times; null: the service's own duration (decision 0041). */
    slotStepMinutes: integer("slot_step_minutes"),
    cancellationWindowHours: integer("cancellation_window_hours").notNull().default(24),
    lateCancelFeeCents: integer("late_cancel_fee_cents").notNull().default(0),
    noShowFeeCents: integer("no_show_fee_cents").notNull().default(0),
    archivedAt: timestamp("archived_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("services_practice_id_id_key").on(t.practiceId, t.id),
    index("services_practice_id_idx").on(t.practiceId),
    check("services_duration", sql`${t.durationMinutes} between 5 and 480`),
    check("services_price", sql`${t.priceCents} >= 0`),
    check("services_currency", currencyIn(t.currency)),
    check("services_buffers", sql`${t.bufferBeforeMinutes} between 0 and 240 and ${t.bufferAfterMinutes} between 0 and 240`),
    check("services_notice", sql`${t.minNoticeMinutes} between 0 and 43200`),
    check("services_horizon", sql`${t.horizonDays} between 1 and 365`),
    check("services_step", sql`${t.slotStepMinutes} is null or ${t.slotStepMinutes} between 5 and 240`),
    check("services_cancellation", sql`${t.cancellationWindowHours} between 0 and 720`),
    check("services_fees", sql`${t.lateCancelFeeCents} >= 0 and ${t.noShowFeeCents} >= 0`),
  ],
);

/** Which clinicians offer a service. */
export const serviceClinicians = pgTable(
  "service_clinicians",
  {
    practiceId: uuid("practice_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    memberId: uuid("member_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "service_clinicians_pkey", columns: [t.serviceId, t.memberId] }),
    foreignKey({ name: "service_clinicians_service_fkey", columns: [t.practiceId, t.serviceId], foreignColumns: [services.practiceId, services.id] }).onDelete("cascade"),
    foreignKey({ name: "service_clinicians_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }).onDelete("cascade"),
    index("service_clinicians_member_id_idx").on(t.memberId),
  ],
);

/**
 * A clinician's weekly hours: ISO weekday (1 = Monday … 7 = Sunday), minutes
 * from local midnight, in the clinician's time zone, at a location (null:
 * online or phone).
 */
export const availabilityRules = pgTable(
  "availability_rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    memberId: uuid("member_id").notNull(),
    locationId: uuid("location_id"),
    weekday: smallint("weekday").notNull(),
    startMinute: integer("start_minute").notNull(),
    endMinute: integer("end_minute").notNull(),
    timeZone: text("time_zone").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "availability_rules_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }).onDelete("cascade"),
    foreignKey({ name: "availability_rules_location_fkey", columns: [t.practiceId, t.locationId], foreignColumns: [locations.practiceId, locations.id] }).onDelete("cascade"),
    index("availability_rules_member_id_idx").on(t.memberId),
    index("availability_rules_location_id_idx").on(t.locationId),
    check("availability_rules_weekday", sql`${t.weekday} between 1 and 7`),
    check("availability_rules_minutes", sql`${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute}`),
  ],
);

/** One date's exception: a day (or part) off, or extra hours. */
export const availabilityOverrides = pgTable(
  "availability_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    memberId: uuid("member_id").notNull(),
    locationId: uuid("location_id"),
    /** Local date, YYYY-MM-DD, in `timeZone`. */
    date: text("date").notNull(),
    kind: overrideKind("kind").notNull(),
    /** Null start and end with `unavailable`: the whole day. */
    startMinute: integer("start_minute"),
    endMinute: integer("end_minute"),
    timeZone: text("time_zone").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "availability_overrides_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }).onDelete("cascade"),
    foreignKey({ name: "availability_overrides_location_fkey", columns: [t.practiceId, t.locationId], foreignColumns: [locations.practiceId, locations.id] }).onDelete("cascade"),
    index("availability_overrides_member_id_date_idx").on(t.memberId, t.date),
    index("availability_overrides_location_id_idx").on(t.locationId),
    check("availability_overrides_date", sql`${t.date} ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
    check(
      "availability_overrides_minutes",
      sql`(${t.startMinute} is null and ${t.endMinute} is null and ${t.kind} = 'unavailable') or (${t.startMinute} >= 0 and ${t.endMinute} <= 1440 and ${t.startMinute} < ${t.endMinute})`,
    ),
  ],
);

/** Practice-wide closures (holidays, a building closed). */
export const closures = pgTable(
  "closures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", tz).notNull(),
    endsAt: timestamp("ends_at", tz).notNull(),
    reason: text("reason"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [index("closures_practice_id_starts_at_idx").on(t.practiceId, t.startsAt), check("closures_range", sql`${t.startsAt} < ${t.endsAt}`)],
);

/**
 * A session with one clinician. `blockedFrom`/`blockedTo` are the times with
 * the service's buffers; the exclusion constraint in migration 0003 refuses
 * two live appointments whose blocked ranges overlap for one clinician.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    memberId: uuid("member_id").notNull(),
    locationId: uuid("location_id"),
    coupleId: uuid("couple_id"),
    format: serviceFormat("format").notNull(),
    startsAt: timestamp("starts_at", tz).notNull(),
    endsAt: timestamp("ends_at", tz).notNull(),
    blockedFrom: timestamp("blocked_from", tz).notNull(),
    blockedTo: timestamp("blocked_to", tz).notNull(),
    status: appointmentStatus("status").notNull(),
    holdExpiresAt: timestamp("hold_expires_at", tz),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    /** iCalendar SEQUENCE: bumped on every change sent to attendees. */
    sequence: integer("sequence").notNull().default(0),
    bookedByStaff: boolean("booked_by_staff").notNull().default(false),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    cancelledAt: timestamp("cancelled_at", tz),
    /**
     * The join link of an online session, chosen when it is booked or
     * rescheduled (lib/video/join-link.ts) and kept, so both partners and
     * every email carry the same one. Null for other formats, or when the
     * clinician has no room and the practice no pattern.
     */
    videoUrl: text("video_url"),
    /**
     * Why staff booked this outside the clinician's availability (a walk-in,
     * an extra evening): set only by a staff override, never by the public
     * booking page. Null: the time was one the rules offered.
     */
    overrideReason: text("override_reason"),
    /** The recurring series this is an occurrence of (db/schema/series.ts), and its 0-based place in the rule. */
    seriesId: uuid("series_id"),
    seriesIndex: smallint("series_index"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("appointments_practice_id_id_key").on(t.practiceId, t.id),
    // Same practice by construction; migration 0039 re-creates it as ON DELETE SET NULL (series_id).
    foreignKey({ name: "appointments_series_fkey", columns: [t.practiceId, t.seriesId], foreignColumns: [appointmentSeries.practiceId, appointmentSeries.id] }),
    // One appointment per place in a series; also the index behind the series foreign key.
    uniqueIndex("appointments_series_occurrence_key").on(t.seriesId, t.seriesIndex).where(sql`${t.seriesId} is not null`),
    check("appointments_series_index", sql`${t.seriesId} is null or ${t.seriesIndex} between 0 and 51`),
    foreignKey({ name: "appointments_service_fkey", columns: [t.practiceId, t.serviceId], foreignColumns: [services.practiceId, services.id] }),
    foreignKey({ name: "appointments_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }),
    foreignKey({ name: "appointments_location_fkey", columns: [t.practiceId, t.locationId], foreignColumns: [locations.practiceId, locations.id] }),
    foreignKey({ name: "appointments_couple_fkey", columns: [t.coupleId], foreignColumns: [couples.id] }).onDelete("set null"),
    index("appointments_practice_id_starts_at_idx").on(t.practiceId, t.startsAt),
    index("appointments_member_id_starts_at_idx").on(t.memberId, t.startsAt),
    index("appointments_service_id_idx").on(t.serviceId),
    index("appointments_location_id_idx").on(t.locationId),
    index("appointments_couple_id_idx").on(t.coupleId),
    index("appointments_hold_expires_at_idx").on(t.holdExpiresAt).where(sql`${t.status} = 'held'`),
    check("appointments_times", sql`${t.startsAt} < ${t.endsAt} and ${t.blockedFrom} <= ${t.startsAt} and ${t.blockedTo} >= ${t.endsAt}`),
    check("appointments_hold", sql`${t.status} <> 'held' or ${t.holdExpiresAt} is not null`),
    check("appointments_currency", currencyIn(t.currency)),
    // An override is a staff booking with a reason someone can read later.
    check("appointments_override_reason", sql`${t.overrideReason} is null or (${t.bookedByStaff} and length(btrim(${t.overrideReason})) between 1 and 500)`),
    check("appointments_video_url", sql`${t.videoUrl} is null or (${t.format} = 'online' and ${t.videoUrl} ~ '^https://')`),
  ],
);

export const appointmentAttendees = pgTable(
  "appointment_attendees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    clientId: uuid("client_id").notNull(),
    /**
     * When this attendee proved their address for this booking: signed in
     * when they booked, or the link in their confirmation. A public couple
     * booking links the couple only once both attendees have it.
     */
    provenAt: timestamp("proven_at", tz),
    /**
     * The IANA zone this attendee read times in when booking (the booking
     * page's zone): their emails, pay page and manage page use it, with the
     * clinic's time noted (decision 0039). Null: the practice's zone.
     */
    timeZone: text("time_zone"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("appointment_attendees_appointment_id_client_id_key").on(t.appointmentId, t.clientId),
    foreignKey({ name: "appointment_attendees_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }).onDelete("cascade"),
    foreignKey({ name: "appointment_attendees_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("appointment_attendees_client_id_idx").on(t.clientId),
    check("appointment_attendees_time_zone", sql`char_length(${t.timeZone}) between 1 and 64`),
  ],
);

/**
 * The appointment outbox: one row per state change, written by
 * lib/booking/lifecycle in the same transaction as the change, so a crash
 * after commit loses no email, form or refund, and a rolled-back change
 * sends nothing. One job (lib/jobs/appointment-events.ts) runs each row's
 * effects in a fixed order; `effectsDone` records which succeeded, so a
 * retry runs only the rest. `key` makes a repeated change a no-op.
 */
export const appointmentEvents = pgTable(
  "appointment_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** `<kind>:<appointmentId>:<sequence>`: the same change never queues twice. */
    key: text("key").notNull(),
    practiceId: uuid("practice_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    kind: text("kind").notNull(),
    /** Ids, times and flags only (never clinical content or addresses). */
    data: jsonb("data").$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    effectsDone: text("effects_done").array().notNull().default(sql`'{}'::text[]`),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Due from then: a claim leases the row forward, a failure backs it off. */
    nextAttemptAt: timestamp("next_attempt_at", tz).notNull().defaultNow(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    /** Every effect ran (or the change has none). */
    doneAt: timestamp("done_at", tz),
  },
  (t) => [
    unique("appointment_events_key_key").on(t.key),
    foreignKey({ name: "appointment_events_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }).onDelete("cascade"),
    index("appointment_events_appointment_id_idx").on(t.appointmentId),
    index("appointment_events_practice_id_idx").on(t.practiceId),
    index("appointment_events_due_idx").on(t.nextAttemptAt).where(sql`${t.doneAt} is null`),
    check("appointment_events_kind", sql`${t.kind} in ('held', 'awaiting_payment', 'confirmed', 'rescheduled', 'cancelled', 'late_cancelled', 'completed', 'no_show', 'expired')`),
    check("appointment_events_attempts", sql`${t.attempts} >= 0`),
  ],
);

export type Service = typeof services.$inferSelect;
export type ServiceFormat = (typeof serviceFormat.enumValues)[number];
export type ServiceAttendance = (typeof serviceAttendance.enumValues)[number];
export type AvailabilityRule = typeof availabilityRules.$inferSelect;
export type AvailabilityOverride = typeof availabilityOverrides.$inferSelect;
export type Closure = typeof closures.$inferSelect;
export type Appointment = typeof appointments.$inferSelect;
export type AppointmentStatus = (typeof appointmentStatus.enumValues)[number];
export type AppointmentAttendee = typeof appointmentAttendees.$inferSelect;
export type AppointmentEvent = typeof appointmentEvents.$inferSelect;
