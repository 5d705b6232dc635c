import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { clients, couples, practices } from "./practice";
import { tz } from "./columns";

/** A document to read (a handout) or to read and sign (a release of information). */
export const documentKind = pgEnum("document_kind", ["view", "sign"]);

/**
 * A practice's library of PDFs (decision 0047). The bytes live in storage
 * (lib/storage) under `storageKey`; the row holds what a list needs.
 */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    kind: documentKind("kind").notNull(),
    storageKey: text("storage_key").notNull(),
    filename: text("filename").notNull(),
    byteSize: integer("byte_size").notNull(),
    uploadedByUserId: uuid("uploaded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("documents_practice_id_id_key").on(t.practiceId, t.id),
    unique("documents_practice_id_storage_key_key").on(t.practiceId, t.storageKey),
    index("documents_practice_id_idx").on(t.practiceId, t.createdAt),
    index("documents_uploaded_by_user_id_idx").on(t.uploadedByUserId),
    check("documents_title", sql`char_length(${t.title}) between 1 and 200`),
    check("documents_filename", sql`char_length(${t.filename}) between 1 and 255`),
    // 20 MB: the upload rule (lib/documents/upload-schema.ts) says the same to the user first.
    check("documents_byte_size", sql`${t.byteSize} between 1 and 20971520`),
  ],
);

/**
 * A document given to one client or to one couple. A couple share asks each
 * partner for their own signature. Revoking hides it from the portal; the
 * signatures already given stay with the record.
 */
export const documentShares = pgTable(
  "document_shares",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    documentId: uuid("document_id").notNull(),
    clientId: uuid("client_id"),
    coupleId: uuid("couple_id"),
    sharedByUserId: uuid("shared_by_user_id").references(() => users.id, { onDelete: "set null" }),
    sharedAt: timestamp("shared_at", tz).notNull().defaultNow(),
    message: text("message"),
    revokedAt: timestamp("revoked_at", tz),
  },
  (t) => [
    unique("document_shares_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "document_shares_document_fkey", columns: [t.practiceId, t.documentId], foreignColumns: [documents.practiceId, documents.id] }).onDelete("cascade"),
    foreignKey({ name: "document_shares_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    // The couple's practice is checked by the trigger in migration 0031 (couples has no (practice, id) key).
    foreignKey({ name: "document_shares_couple_fkey", columns: [t.coupleId], foreignColumns: [couples.id] }).onDelete("cascade"),
    index("document_shares_document_id_idx").on(t.documentId),
    index("document_shares_client_id_idx").on(t.clientId),
    index("document_shares_couple_id_idx").on(t.coupleId),
    index("document_shares_shared_by_user_id_idx").on(t.sharedByUserId),
    check("document_shares_one_recipient", sql`(${t.clientId} is null) <> (${t.coupleId} is null)`),
    check("document_shares_message", sql`char_length(${t.message}) <= 1000`),
  ],
);

/**
 * One client's signature on one share: the typed name, time, IP and browser,
 * as intake signatures record them, and the signed copy (the PDF with a
 * signature page) in storage. One per client and share, so a second
 * signature is refused by the database; immutable (trigger in 0031).
 */
export const documentSignatures = pgTable(
  "document_signatures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    shareId: uuid("share_id").notNull(),
    clientId: uuid("client_id").notNull(),
    signatureName: text("signature_name").notNull(),
    signedAt: timestamp("signed_at", tz).notNull(),
    signatureIp: text("signature_ip").notNull(),
    userAgent: text("user_agent").notNull(),
    signedStorageKey: text("signed_storage_key").notNull(),
    signedByteSize: integer("signed_byte_size").notNull(),
  },
  (t) => [
    unique("document_signatures_share_id_client_id_key").on(t.shareId, t.clientId),
    unique("document_signatures_practice_id_signed_storage_key_key").on(t.practiceId, t.signedStorageKey),
    foreignKey({ name: "document_signatures_share_fkey", columns: [t.practiceId, t.shareId], foreignColumns: [documentShares.practiceId, documentShares.id] }).onDelete("cascade"),
    foreignKey({ name: "document_signatures_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("document_signatures_client_id_idx").on(t.clientId),
    check("document_signatures_name", sql`char_length(${t.signatureName}) between 2 and 200`),
    check("document_signatures_ip", sql`char_length(${t.signatureIp}) between 1 and 100`),
    check("document_signatures_user_agent", sql`char_length(${t.userAgent}) <= 500`),
    check("document_signatures_signed_size", sql`${t.signedByteSize} >= 1`),
  ],
);

export type Document = typeof documents.$inferSelect;
export type DocumentKind = (typeof documentKind.enumValues)[number];
export type DocumentShare = typeof documentShares.$inferSelect;
export type DocumentSignature = typeof documentSignatures.$inferSelect;
