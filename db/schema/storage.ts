import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { practices } from "./practice";
import { tz } from "./columns";

/** PostgreSQL bytea read and written as a Node Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});

/**
 * The bytes of a practice's stored files (lib/storage/, decision 0040): the
 * PostgreSQL backend of the one storage interface, used while no
 * S3-compatible store is configured. Keys are per practice, so one practice
 * can never read another's object by guessing a key. 1 MB at most per object:
 * the database refuses anything larger whatever the caller checked.
 */
export const storedObjects = pgTable(
  "stored_objects",
  {
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "stored_objects_pkey", columns: [t.practiceId, t.key] }),
    index("stored_objects_practice_id_idx").on(t.practiceId),
    check("stored_objects_key_format", sql`${t.key} ~ '^[a-z0-9][a-z0-9/._-]{0,199}$'`),
    check("stored_objects_size", sql`${t.byteSize} = octet_length(${t.bytes}) and ${t.byteSize} between 1 and 1048576`),
    check("stored_objects_content_type", sql`${t.contentType} ~ '^[a-z]+/[a-z0-9.+-]+$'`),
  ],
);
