import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { practices } from "./practice";
import { tz } from "./columns";

/** PostgreSQL bytea read and written as a Node Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});

/**
 * The index of a practice's stored files (lib/storage/, decision 0045): one
 * row per object, whatever driver holds its bytes (local disk or an
 * S3-compatible bucket), so listing, export and tenancy stay in SQL. Keys are
 * per practice, so one practice can never read another's object by guessing a
 * key. `bytes` is set only on rows written by the former PostgreSQL backend
 * (decision 0040), which are still read from it. 50 MB at most per object:
 * the database refuses a larger size whatever the caller checked.
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
    /** Hex SHA-256 of the bytes: a blob read back from disk or S3 that does not match is treated as missing. */
    sha256: text("sha256"),
    bytes: bytea("bytes"),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "stored_objects_pkey", columns: [t.practiceId, t.key] }),
    index("stored_objects_practice_id_idx").on(t.practiceId),
    // Path segments that start with a letter or digit: no "..", no "/" at either end, no "//".
    check("stored_objects_key_format", sql`${t.key} ~ '^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$' and length(${t.key}) <= 200`),
    check("stored_objects_size", sql`${t.byteSize} between 1 and 52428800 and (${t.bytes} is null or octet_length(${t.bytes}) = ${t.byteSize})`),
    // A row whose bytes live outside the database must carry the digest that proves them.
    check("stored_objects_sha256", sql`(${t.sha256} is null or ${t.sha256} ~ '^[0-9a-f]{64}$') and (${t.bytes} is not null or ${t.sha256} is not null)`),
    check("stored_objects_content_type", sql`${t.contentType} ~ '^[a-z]+/[a-z0-9.+-]+$'`),
  ],
);
