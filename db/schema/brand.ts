import { sql } from "drizzle-orm";
import { check, foreignKey, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { practices } from "./practice";
import { storedObjects } from "./storage";
import { tz } from "./columns";

/**
 * How a practice shows itself to its clients (decision 0040): the name on its
 * booking page, portal and emails, its colour (always dark enough for white
 * text, lib/brand/colour.ts) and its logo (a stored object, lib/storage/).
 * No row: the practice's own name and the default colour, no logo.
 */
export const practiceBrands = pgTable(
  "practice_brands",
  {
    practiceId: uuid("practice_id")
      .primaryKey()
      .references(() => practices.id, { onDelete: "cascade" }),
    /** Null: the practice's name. */
    displayName: text("display_name"),
    /** #rrggbb, lower case; null: the default colour. */
    colour: text("colour"),
    /** The logo's key in stored_objects (same practice); null: no logo. */
    logoKey: text("logo_key"),
    /** Changes with every new logo, so its address (and caches) change too. */
    logoVersion: timestamp("logo_version", tz),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    // The logo is one of this practice's own objects.
    foreignKey({ name: "practice_brands_logo_fkey", columns: [t.practiceId, t.logoKey], foreignColumns: [storedObjects.practiceId, storedObjects.key] }),
    check("practice_brands_display_name", sql`${t.displayName} is null or char_length(btrim(${t.displayName})) between 1 and 80`),
    check("practice_brands_colour", sql`${t.colour} is null or ${t.colour} ~ '^#[0-9a-f]{6}$'`),
    check("practice_brands_logo", sql`(${t.logoKey} is null) = (${t.logoVersion} is null)`),
  ],
);
