import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { clients, practices } from "./practice";
import { tz } from "./columns";
import type { PlanContent } from "@/lib/plans/content";

/**
 * A treatment plan (decision 0051) for one client or for a couple. The
 * people on it are fixed when it is written: `clientId` is the client whose
 * record it was opened from, `partnerClientId` the partner on a couple's
 * plan. Not a couple id, so that unlinking a couple neither deletes a signed
 * clinical record nor changes who may see it.
 */
export const treatmentPlans = pgTable(
  "treatment_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    partnerClientId: uuid("partner_client_id"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("treatment_plans_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "treatment_plans_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "treatment_plans_partner_fkey", columns: [t.practiceId, t.partnerClientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("treatment_plans_client_id_idx").on(t.clientId),
    index("treatment_plans_partner_client_id_idx").on(t.partnerClientId),
    index("treatment_plans_created_by_user_id_idx").on(t.createdByUserId),
    check("treatment_plans_two_people", sql`${t.partnerClientId} is null or ${t.partnerClientId} <> ${t.clientId}`),
  ],
);

/** A draft is edited; published is what the client signs; a newer publication supersedes it. */
export const planVersionStatus = pgEnum("plan_version_status", ["draft", "published", "superseded"]);

/**
 * One version of a plan. Once published it never changes (trigger in 0035):
 * only the step published → superseded is allowed, and a published or
 * superseded version is never deleted. At most one draft and one published
 * version per plan.
 */
export const planVersions = pgTable(
  "plan_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    planId: uuid("plan_id").notNull(),
    number: integer("number").notNull(),
    status: planVersionStatus("status").notNull().default("draft"),
    content: jsonb("content").$type<PlanContent>().notNull(),
    /** A calendar day in the practice's zone; the review reminder reads it. */
    reviewDate: date("review_date", { mode: "string" }).notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
    publishedAt: timestamp("published_at", tz),
    publishedByUserId: uuid("published_by_user_id").references(() => users.id, { onDelete: "set null" }),
    supersededAt: timestamp("superseded_at", tz),
  },
  (t) => [
    unique("plan_versions_plan_id_number_key").on(t.planId, t.number),
    unique("plan_versions_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "plan_versions_plan_fkey", columns: [t.practiceId, t.planId], foreignColumns: [treatmentPlans.practiceId, treatmentPlans.id] }).onDelete("cascade"),
    uniqueIndex("plan_versions_one_draft").on(t.planId).where(sql`${t.status} = 'draft'`),
    uniqueIndex("plan_versions_one_published").on(t.planId).where(sql`${t.status} = 'published'`),
    index("plan_versions_review_date_idx").on(t.practiceId, t.reviewDate).where(sql`${t.status} = 'published'`),
    index("plan_versions_created_by_user_id_idx").on(t.createdByUserId),
    index("plan_versions_published_by_user_id_idx").on(t.publishedByUserId),
    check("plan_versions_number", sql`${t.number} >= 1`),
    check("plan_versions_published", sql`(${t.status} = 'draft') = (${t.publishedAt} is null)`),
    check("plan_versions_superseded", sql`(${t.status} = 'superseded') = (${t.supersededAt} is not null)`),
    check("plan_versions_content_size", sql`pg_column_size(${t.content}) <= 200000`),
  ],
);

/**
 * A client's signature on a published version: typed name, time, IP and
 * browser, as documents record them. One per client and version; for a
 * couple's plan each partner signs. Immutable; the trigger in 0035 accepts
 * only a published version and only a person on the plan.
 */
export const planSignatures = pgTable(
  "plan_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    versionId: uuid("version_id").notNull(),
    clientId: uuid("client_id").notNull(),
    signatureName: text("signature_name").notNull(),
    signedAt: timestamp("signed_at", tz).notNull(),
    signatureIp: text("signature_ip").notNull(),
    userAgent: text("user_agent").notNull(),
  },
  (t) => [
    unique("plan_signatures_version_id_client_id_key").on(t.versionId, t.clientId),
    foreignKey({ name: "plan_signatures_version_fkey", columns: [t.practiceId, t.versionId], foreignColumns: [planVersions.practiceId, planVersions.id] }).onDelete("cascade"),
    foreignKey({ name: "plan_signatures_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("plan_signatures_client_id_idx").on(t.clientId),
    check("plan_signatures_name", sql`char_length(${t.signatureName}) between 2 and 200`),
    check("plan_signatures_ip", sql`char_length(${t.signatureIp}) between 1 and 100`),
    check("plan_signatures_user_agent", sql`char_length(${t.userAgent}) <= 500`),
  ],
);

export type TreatmentPlan = typeof treatmentPlans.$inferSelect;
export type PlanVersion = typeof planVersions.$inferSelect;
export type PlanVersionStatus = (typeof planVersionStatus.enumValues)[number];
export type PlanSignature = typeof planSignatures.$inferSelect;
