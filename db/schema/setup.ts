import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { members, practices } from "./practice";
import { tz } from "./columns";

/**
 * The guided setup's steps (lib/setup/steps.ts has their order and words).
 * Relative import would be nicer, but drizzle-kit reads this file alone, so
 * the list is written here and lib/setup checks it matches.
 */
export const setupStep = pgEnum("setup_step", ["details", "service", "hours", "payments", "forms", "team", "publish"]);

/**
 * What a practice said about a setup step: "skipped" (for now; the step can be
 * resumed), or "done" for the steps whose completion is a decision rather than
 * data (no online payments, forms reviewed, working alone). Steps with data
 * (a bookable service, weekly hours, published) are read from that data
 * (lib/setup/checklist.ts); a row never makes an unfinished one look done.
 */
export const setupStepStatus = pgEnum("setup_step_status", ["done", "skipped"]);

export const practiceSetupSteps = pgTable(
  "practice_setup_steps",
  {
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    step: setupStep("step").notNull(),
    status: setupStepStatus("status").notNull(),
    /** For a "done" decision: which one (e.g. "no_online_payments", "solo"). */
    choice: text("choice"),
    /** Who said so; null once that member is gone, or for the seed. */
    memberId: uuid("member_id").references(() => members.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "practice_setup_steps_pkey", columns: [t.practiceId, t.step] }),
    index("practice_setup_steps_member_id_idx").on(t.memberId),
    check("practice_setup_steps_choice", sql`${t.choice} is null or ${t.choice} ~ '^[a-z_]{1,40}$'`),
    // A skipped step made no decision.
    check("practice_setup_steps_skipped_no_choice", sql`${t.status} = 'done' or ${t.choice} is null`),
  ],
);

export type PracticeSetupStep = typeof practiceSetupSteps.$inferSelect;
export type SetupStepId = (typeof setupStep.enumValues)[number];
