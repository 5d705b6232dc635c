import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { appointments } from "./booking";
import { clients, practices } from "./practice";
import { tz } from "./columns";
import type { GfeSnapshot } from "../../lib/gfe/snapshot";

/** Why an estimate was owed: a self-pay client scheduled a service, or asked for one. */
export const gfeReason = pgEnum("gfe_reason", ["scheduled", "requested"]);

/**
 * A Good Faith Estimate (45 CFR 149.610, decision 0053). Issued with its
 * snapshot and then immutable (trigger in 0037): only `delivered_at` may be
 * set, once, and a merge of an unverified booking's record may move it to the
 * proven record. A re-issue is a new row whose `supersedes_id` names the
 * previous one; `version` counts along that chain from 1.
 */
export const goodFaithEstimates = pgTable(
  "good_faith_estimates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    version: integer("version").notNull().default(1),
    supersedesId: uuid("supersedes_id"),
    reason: gfeReason("reason").notNull(),
    /** The booking that triggered it (reason scheduled); kept null if that appointment is deleted. */
    appointmentId: uuid("appointment_id"),
    /** The primary service's date in the practice's calendar; null for a request with nothing booked. */
    scheduledFor: date("scheduled_for", { mode: "string" }),
    /** When it must reach the client by the rule (lib/gfe/deadline.ts). */
    dueBy: timestamp("due_by", tz).notNull(),
    /** False when the service is under 3 business days away: the rule asks none, we issue one anyway. */
    required: boolean("required").notNull().default(true),
    issuedAt: timestamp("issued_at", tz).notNull(),
    issuedByUserId: uuid("issued_by_user_id").references(() => users.id, { onDelete: "set null" }),
    deliveredAt: timestamp("delivered_at", tz),
    /** Delivery tries, so a failing address is not retried for ever. */
    attempts: integer("attempts").notNull().default(0),
    snapshot: jsonb("snapshot").$type<GfeSnapshot>().notNull(),
    /** The snapshot's total (minor units), so the billing dashboard compares without reading jsonb. */
    totalCents: integer("total_cents").notNull(),
  },
  (t) => [
    unique("good_faith_estimates_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "good_faith_estimates_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "good_faith_estimates_appointment_fkey", columns: [t.appointmentId], foreignColumns: [appointments.id] }).onDelete("set null"),
    foreignKey({ name: "good_faith_estimates_supersedes_fkey", columns: [t.practiceId, t.supersedesId], foreignColumns: [t.practiceId, t.id] }),
    index("good_faith_estimates_client_id_idx").on(t.clientId),
    index("good_faith_estimates_appointment_id_idx").on(t.appointmentId),
    index("good_faith_estimates_issued_by_user_id_idx").on(t.issuedByUserId),
    // One re-issue per estimate: versions form a chain, never a fork.
    uniqueIndex("good_faith_estimates_supersedes_id_key").on(t.supersedesId),
    // A booking owes each self-pay attendee one estimate; a second run of the outbox effect finds it.
    uniqueIndex("good_faith_estimates_scheduled_once").on(t.appointmentId, t.clientId).where(sql`${t.reason} = 'scheduled' and ${t.version} = 1`),
    index("good_faith_estimates_undelivered_idx").on(t.dueBy).where(sql`${t.deliveredAt} is null`),
    check("good_faith_estimates_version", sql`${t.version} >= 1 and (${t.version} = 1) = (${t.supersedesId} is null)`),
    check("good_faith_estimates_total", sql`${t.totalCents} >= 0`),
    check("good_faith_estimates_delivered", sql`${t.deliveredAt} is null or ${t.deliveredAt} >= ${t.issuedAt}`),
    check("good_faith_estimates_snapshot_size", sql`pg_column_size(${t.snapshot}) <= 100000`),
  ],
);

export type GoodFaithEstimate = typeof goodFaithEstimates.$inferSelect;
