import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { appointments } from "./booking";
import { clients, practices } from "./practice";
import { tz } from "./columns";
import type { NoteContent, NoteTemplateDefinition } from "@/lib/notes/content";

/** Progress notes are the clinical record; psychotherapy notes are the author's private process notes (decision 0052). */
export const noteKind = pgEnum("note_kind", ["progress", "psychotherapy"]);
export const noteStatus = pgEnum("note_status", ["draft", "signed"]);

/** A practice's note template, e.g. "SOAP note"; its fields live in versions, as intake forms do. */
export const noteTemplates = pgTable(
  "note_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    /** Stable within the practice, e.g. `soap`, `pelvic-pt-evaluation`. */
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    archivedAt: timestamp("archived_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("note_templates_practice_id_id_key").on(t.practiceId, t.id),
    unique("note_templates_practice_id_slug_key").on(t.practiceId, t.slug),
    check("note_templates_slug_format", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("note_templates_title", sql`length(${t.title}) between 1 and 200`),
  ],
);

/**
 * One published definition of a note template. Immutable (trigger in 0038):
 * editing a template publishes the next version, and every note keeps the
 * version it was written on.
 */
export const noteTemplateVersions = pgTable(
  "note_template_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    templateId: uuid("template_id").notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<NoteTemplateDefinition>().notNull(),
    publishedAt: timestamp("published_at", tz).notNull().defaultNow(),
    publishedByUserId: uuid("published_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    unique("note_template_versions_practice_id_id_key").on(t.practiceId, t.id),
    unique("note_template_versions_template_id_version_key").on(t.templateId, t.version),
    foreignKey({ name: "note_template_versions_template_fkey", columns: [t.practiceId, t.templateId], foreignColumns: [noteTemplates.practiceId, noteTemplates.id] }).onDelete("cascade"),
    index("note_template_versions_published_by_user_id_idx").on(t.publishedByUserId),
    check("note_template_versions_version", sql`${t.version} >= 1`),
  ],
);

/**
 * A session note. Belongs to a client (and, for a couple's session, the
 * partner too: one joint note), usually to an appointment; a phone call or an
 * email has none. Draft → signed; once signed the database refuses any change
 * but the one co-signature and any delete (triggers in 0038). Authorship is a
 * user (set null if the person's account is ever deleted), so removing a
 * member from the team keeps their signed notes intact.
 */
export const sessionNotes = pgTable(
  "session_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    clientId: uuid("client_id").notNull(),
    partnerClientId: uuid("partner_client_id"),
    appointmentId: uuid("appointment_id"),
    kind: noteKind("kind").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    templateVersionId: uuid("template_version_id").notNull(),
    content: jsonb("content").$type<NoteContent>().notNull(),
    diagnosisCodes: text("diagnosis_codes").array().notNull().default(sql`'{}'::text[]`),
    status: noteStatus("status").notNull().default("draft"),
    signedByUserId: uuid("signed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    signedAt: timestamp("signed_at", tz),
    /** Fixed at signing: the author was marked supervised, so a supervisor co-signs. */
    cosignRequired: boolean("cosign_required").notNull().default(false),
    cosignedByUserId: uuid("cosigned_by_user_id").references(() => users.id, { onDelete: "set null" }),
    cosignedAt: timestamp("cosigned_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("session_notes_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "session_notes_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "session_notes_partner_fkey", columns: [t.practiceId, t.partnerClientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "session_notes_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }),
    foreignKey({ name: "session_notes_template_version_fkey", columns: [t.practiceId, t.templateVersionId], foreignColumns: [noteTemplateVersions.practiceId, noteTemplateVersions.id] }),
    index("session_notes_client_id_idx").on(t.clientId),
    index("session_notes_partner_client_id_idx").on(t.partnerClientId),
    index("session_notes_appointment_id_idx").on(t.appointmentId),
    index("session_notes_template_version_id_idx").on(t.templateVersionId),
    index("session_notes_author_user_id_idx").on(t.authorUserId),
    index("session_notes_signed_by_user_id_idx").on(t.signedByUserId),
    index("session_notes_cosigned_by_user_id_idx").on(t.cosignedByUserId),
    // One record note per appointment (a couple's session has one joint note); each clinician may keep their own process notes.
    uniqueIndex("session_notes_one_progress_per_appointment").on(t.appointmentId).where(sql`${t.kind} = 'progress' and ${t.appointmentId} is not null`),
    uniqueIndex("session_notes_one_process_per_author").on(t.appointmentId, t.authorUserId).where(sql`${t.kind} = 'psychotherapy' and ${t.appointmentId} is not null`),
    check("session_notes_two_people", sql`${t.partnerClientId} is null or ${t.partnerClientId} <> ${t.clientId}`),
    check("session_notes_signed", sql`(${t.status} = 'signed') = (${t.signedAt} is not null)`),
    check("session_notes_cosigned", sql`${t.cosignedAt} is null or (${t.cosignRequired} and ${t.status} = 'signed')`),
    check("session_notes_cosigned_by", sql`${t.cosignedByUserId} is null or ${t.cosignedAt} is not null`),
    // Process notes never carry a diagnosis: they never feed a superbill.
    check("session_notes_process_no_codes", sql`${t.kind} = 'progress' or cardinality(${t.diagnosisCodes}) = 0`),
    check("session_notes_codes", sql`cardinality(${t.diagnosisCodes}) <= 12`),
    check("session_notes_content_size", sql`pg_column_size(${t.content}) <= 200000`),
  ],
);

/** A correction to a signed note: who, when, why. Insert-only (trigger in 0038), shown in order. */
export const noteAddenda = pgTable(
  "note_addenda",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    noteId: uuid("note_id").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "note_addenda_note_fkey", columns: [t.practiceId, t.noteId], foreignColumns: [sessionNotes.practiceId, sessionNotes.id] }).onDelete("cascade"),
    index("note_addenda_note_id_idx").on(t.noteId, t.createdAt),
    index("note_addenda_author_user_id_idx").on(t.authorUserId),
    check("note_addenda_reason", sql`char_length(${t.reason}) between 1 and 500`),
    check("note_addenda_body", sql`char_length(${t.body}) between 1 and 20000`),
  ],
);

export type NoteTemplate = typeof noteTemplates.$inferSelect;
export type NoteTemplateVersion = typeof noteTemplateVersions.$inferSelect;
export type SessionNote = typeof sessionNotes.$inferSelect;
export type NoteAddendum = typeof noteAddenda.$inferSelect;
export type NoteStatus = (typeof noteStatus.enumValues)[number];
