import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appointments } from "./booking";
import { tz } from "./columns";
import { practices } from "./practice";

/**
 * Which IP placed each public hold, so one address can keep only a few times
 * held at once (lib/booking/booking-limits.ts). A row means nothing once its
 * hold is no longer `held`; the sweep job (limits-sweep) deletes those.
 */
export const holdClaims = pgTable(
  "hold_claims",
  {
    appointmentId: uuid("appointment_id")
      .primaryKey()
      .references(() => appointments.id, { onDelete: "cascade" }),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    ip: text("ip").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [index("hold_claims_ip_idx").on(t.ip), index("hold_claims_practice_id_idx").on(t.practiceId)],
);
