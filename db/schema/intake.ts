import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { FormDefinition } from "@/lib/intake/form-definition";
import type { Answers } from "@/lib/intake/answers";
import type { MeasureScore } from "@/lib/intake/measures/types";
import { users } from "./auth";
import { appointments, services } from "./booking";
import { clients, practices } from "./practice";
import { tz } from "./columns";

/** What a form is for; a measure is scored and charted. */
export const formKind = pgEnum("form_kind", ["intake", "consent", "policy", "measure"]);
/** sent → started (a draft exists) → completed (submitted). */
export const formAssignmentStatus = pgEnum("form_assignment_status", ["sent", "started", "completed"]);
export const formResponseStatus = pgEnum("form_response_status", ["draft", "submitted"]);
export const formAssignmentSource = pgEnum("form_assignment_source", ["manual", "booking"]);

/** A practice's form, e.g. "Couples intake"; its questions live in versions. */
export const formTemplates = pgTable(
  "form_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    /** Stable name within the practice, e.g. `couples-intake`, `phq-9`. */
    slug: text("slug").notNull(),
    kind: formKind("kind").notNull(),
    title: text("title").notNull(),
    /** For measures: which scoring applies (lib/intake/measures/types.ts MEASURES). */
    measure: text("measure"),
    archivedAt: timestamp("archived_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("form_templates_practice_id_id_key").on(t.practiceId, t.id),
    unique("form_templates_practice_id_slug_key").on(t.practiceId, t.slug),
    check("form_templates_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("form_templates_measure", sql`(${t.kind} = 'measure') = (${t.measure} is not null) and (${t.measure} is null or ${t.measure} in ('phq9', 'gad7', 'csi4', 'pain', 'pfdi20', 'pfiq7', 'csi16', 'csi32'))`),
    check("form_templates_title", sql`length(${t.title}) between 1 and 200`),
  ],
);

/**
 * One published definition of a template. Immutable (a trigger in the
 * intake_invariants migration refuses UPDATE): editing a form publishes a
 * new version, and every response points at the version it answered.
 */
export const formVersions = pgTable(
  "form_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    templateId: uuid("template_id").notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<FormDefinition>().notNull(),
    publishedAt: timestamp("published_at", tz).notNull().defaultNow(),
    publishedByUserId: uuid("published_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("form_versions_practice_id_id_key").on(t.practiceId, t.id),
    unique("form_versions_template_id_version_key").on(t.templateId, t.version),
    // Lets assignments and responses name (template, version) together.
    unique("form_versions_template_id_id_key").on(t.templateId, t.id),
    foreignKey({ name: "form_versions_template_fkey", columns: [t.practiceId, t.templateId], foreignColumns: [formTemplates.practiceId, formTemplates.id] }).onDelete(
      "cascade",
    ),
    check("form_versions_version", sql`${t.version} >= 1`),
  ],
);

/** A form sent to one client (optionally for an appointment). */
export const formAssignments = pgTable(
  "form_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    clientId: uuid("client_id").notNull(),
    templateId: uuid("template_id").notNull(),
    /** The version the client answers: the current one when sent, moved to the newest while untouched. */
    versionId: uuid("version_id").notNull(),
    appointmentId: uuid("appointment_id"),
    source: formAssignmentSource("source").notNull(),
    status: formAssignmentStatus("status").notNull().default("sent"),
    dueAt: timestamp("due_at", tz),
    assignedByUserId: uuid("assigned_by_user_id").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at", tz).notNull().defaultNow(),
    startedAt: timestamp("started_at", tz),
    completedAt: timestamp("completed_at", tz),
  },
  (t) => [
    unique("form_assignments_practice_id_id_key").on(t.practiceId, t.id),
    // Lets a response name its assignment's client and template together.
    unique("form_assignments_id_client_id_template_id_key").on(t.id, t.clientId, t.templateId),
    foreignKey({ name: "form_assignments_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "form_assignments_template_fkey", columns: [t.practiceId, t.templateId], foreignColumns: [formTemplates.practiceId, formTemplates.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ name: "form_assignments_version_fkey", columns: [t.templateId, t.versionId], foreignColumns: [formVersions.templateId, formVersions.id] }),
    foreignKey({ name: "form_assignments_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }),
    index("form_assignments_client_id_idx").on(t.clientId, t.sentAt),
    index("form_assignments_template_id_idx").on(t.templateId),
    index("form_assignments_version_id_idx").on(t.versionId),
    index("form_assignments_appointment_id_idx").on(t.appointmentId),
    // A booking assigns each required form once per attendee and appointment.
    uniqueIndex("form_assignments_booking_key").on(t.appointmentId, t.clientId, t.templateId).where(sql`${t.source} = 'booking'`),
    check("form_assignments_appointment_source", sql`${t.source} <> 'booking' or ${t.appointmentId} is not null`),
    check(
      "form_assignments_status_times",
      sql`(${t.status} = 'sent' or ${t.startedAt} is not null) and ((${t.status} = 'completed') = (${t.completedAt} is not null))`,
    ),
  ],
);

/**
 * A client's answers to one assignment, tied to the version they answered.
 * A draft is saved as they go; submitting validates, scores and signs.
 */
export const formResponses = pgTable(
  "form_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    assignmentId: uuid("assignment_id").notNull(),
    clientId: uuid("client_id").notNull(),
    templateId: uuid("template_id").notNull(),
    versionId: uuid("version_id").notNull(),
    status: formResponseStatus("status").notNull().default("draft"),
    answers: jsonb("answers").$type<Answers>().notNull(),
    /** Measures only: the server-computed score. */
    scores: jsonb("scores").$type<MeasureScore>(),
    signatureName: text("signature_name"),
    signedAt: timestamp("signed_at", tz),
    signatureIp: text("signature_ip"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", tz),
  },
  (t) => [
    unique("form_responses_assignment_id_key").on(t.assignmentId),
    // Lets a safety flag name its response's practice and client together.
    unique("form_responses_practice_id_client_id_id_key").on(t.practiceId, t.clientId, t.id),
    foreignKey({ name: "form_responses_assignment_fkey", columns: [t.practiceId, t.assignmentId], foreignColumns: [formAssignments.practiceId, formAssignments.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ name: "form_responses_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    // The response belongs to its assignment's client and template, never another's.
    foreignKey({
      name: "form_responses_assignment_client_fkey",
      columns: [t.assignmentId, t.clientId, t.templateId],
      foreignColumns: [formAssignments.id, formAssignments.clientId, formAssignments.templateId],
    }).onDelete("cascade"),
    foreignKey({ name: "form_responses_version_fkey", columns: [t.templateId, t.versionId], foreignColumns: [formVersions.templateId, formVersions.id] }),
    index("form_responses_client_id_idx").on(t.clientId, t.submittedAt),
    index("form_responses_version_id_idx").on(t.versionId),
    check("form_responses_submitted", sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
    check(
      "form_responses_signature",
      sql`(${t.signatureName} is null and ${t.signedAt} is null and ${t.signatureIp} is null) or (${t.signatureName} is not null and ${t.signedAt} is not null and ${t.signatureIp} is not null)`,
    ),
    check("form_responses_signature_length", sql`${t.signatureName} is null or length(${t.signatureName}) between 2 and 200`),
    check("form_responses_answers_size", sql`pg_column_size(${t.answers}) <= 200000`),
  ],
);

/** The forms a service requires: each attendee of a booking gets them. */
export const serviceForms = pgTable(
  "service_forms",
  {
    practiceId: uuid("practice_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    templateId: uuid("template_id").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ name: "service_forms_pkey", columns: [t.serviceId, t.templateId] }),
    foreignKey({ name: "service_forms_service_fkey", columns: [t.practiceId, t.serviceId], foreignColumns: [services.practiceId, services.id] }).onDelete("cascade"),
    foreignKey({ name: "service_forms_template_fkey", columns: [t.practiceId, t.templateId], foreignColumns: [formTemplates.practiceId, formTemplates.id] }).onDelete(
      "cascade",
    ),
    index("service_forms_template_id_idx").on(t.templateId),
  ],
);

export type FormTemplate = typeof formTemplates.$inferSelect;
export type FormKind = (typeof formKind.enumValues)[number];
export type FormVersion = typeof formVersions.$inferSelect;
export type FormAssignment = typeof formAssignments.$inferSelect;
export type FormAssignmentStatus = (typeof formAssignmentStatus.enumValues)[number];
export type FormResponse = typeof formResponses.$inferSelect;
export type ServiceForm = typeof serviceForms.$inferSelect;
