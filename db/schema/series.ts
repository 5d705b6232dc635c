import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, pgEnum, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { services } from "./booking";
import { clients, couples, members, practices } from "./practice";
import { tz } from "./columns";

/** Also lib/series/occurrences.ts's FREQUENCIES. */
export const seriesFrequency = pgEnum("series_frequency", ["weekly", "biweekly", "monthly"]);

/**
 * A recurring session series (decision 0054): the rule staff booked and for
 * whom. Its occurrences are ordinary appointments (appointments.series_id,
 * series_index), created, moved and cancelled through lib/booking/lifecycle
 * like any other, so the exclusion constraint checks each one. The rule is
 * kept as the local date, wall time and zone it was booked in (never UTC
 * instants), so "9:00 every Tuesday" reads the same after a DST change.
 * `ended_at`: "cancel this and all later" ended it; nothing is added to an
 * ended series.
 */
export const appointmentSeries = pgTable(
  "appointment_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    memberId: uuid("member_id").notNull(),
    /** The client, or for a couple session one partner (the other is partner_client_id). */
    clientId: uuid("client_id").notNull(),
    partnerClientId: uuid("partner_client_id"),
    coupleId: uuid("couple_id"),
    frequency: seriesFrequency("frequency").notNull(),
    firstDate: date("first_date", { mode: "string" }).notNull(),
    /** Local wall time HH:MM in time_zone. */
    localTime: text("local_time").notNull(),
    timeZone: text("time_zone").notNull(),
    /** Exactly one of occurrence_count / until_date: how the rule ends. */
    occurrenceCount: smallint("occurrence_count"),
    untilDate: date("until_date", { mode: "string" }),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    endedAt: timestamp("ended_at", tz),
  },
  (t) => [
    unique("appointment_series_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "appointment_series_practice_fkey", columns: [t.practiceId], foreignColumns: [practices.id] }).onDelete("cascade"),
    foreignKey({ name: "appointment_series_service_fkey", columns: [t.practiceId, t.serviceId], foreignColumns: [services.practiceId, services.id] }),
    foreignKey({ name: "appointment_series_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }),
    foreignKey({ name: "appointment_series_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "appointment_series_partner_fkey", columns: [t.practiceId, t.partnerClientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "appointment_series_couple_fkey", columns: [t.coupleId], foreignColumns: [couples.id] }).onDelete("set null"),
    index("appointment_series_practice_id_idx").on(t.practiceId),
    index("appointment_series_service_id_idx").on(t.practiceId, t.serviceId),
    index("appointment_series_member_id_idx").on(t.practiceId, t.memberId),
    index("appointment_series_client_id_idx").on(t.practiceId, t.clientId),
    index("appointment_series_partner_client_id_idx").on(t.practiceId, t.partnerClientId),
    index("appointment_series_couple_id_idx").on(t.coupleId),
    index("appointment_series_created_by_user_id_idx").on(t.createdByUserId),
    check("appointment_series_end", sql`(${t.occurrenceCount} is null) <> (${t.untilDate} is null)`),
    check("appointment_series_count", sql`${t.occurrenceCount} is null or ${t.occurrenceCount} between 1 and 52`),
    check("appointment_series_until", sql`${t.untilDate} is null or ${t.untilDate} between ${t.firstDate} and ${t.firstDate} + 731`),
    check("appointment_series_local_time", sql`${t.localTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check("appointment_series_time_zone", sql`char_length(${t.timeZone}) between 1 and 64`),
    check("appointment_series_partner", sql`${t.partnerClientId} is null or ${t.partnerClientId} <> ${t.clientId}`),
  ],
);

export type AppointmentSeries = typeof appointmentSeries.$inferSelect;
export type SeriesFrequencyValue = (typeof seriesFrequency.enumValues)[number];
