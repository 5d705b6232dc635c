import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { practices } from "./practice";



export const auditActorKind = pgEnum("audit_actor_kind", ["member", "client", "system"]);

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE.
 * `detail` holds ids and field names, never clinical content.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "restrict" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorKind: auditActorKind("actor_kind").notNull(),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_practice_id_at_idx").on(t.practiceId, t.at),
    index("audit_events_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_events_actor_user_id_idx").on(t.actorUserId),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
