import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { clients, members, practices } from "./practice";
import { storedObjects } from "./storage";
import { currencyIn, tz } from "./columns";

/**
 * Digital products (issue 14, decision 0056): a practice sells a PDF such as a
 * workbook. The bytes live in storage (lib/storage, disk or S3); the row names
 * the stored object through a foreign key, so a product can never point at a
 * file that is not indexed. 50 MB at most, as stored_objects says too.
 */
export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    /** The PDF's key in storage (stored_objects, same practice). */
    storageKey: text("storage_key").notNull(),
    filename: text("filename").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** Inactive: no longer listed or sold; what was bought stays downloadable. */
    active: boolean("active").notNull().default(true),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("products_practice_id_id_key").on(t.practiceId, t.id),
    unique("products_practice_id_storage_key_key").on(t.practiceId, t.storageKey),
    // Restrict: the file goes only after the product points elsewhere (a new upload) or is gone.
    foreignKey({ name: "products_stored_object_fkey", columns: [t.practiceId, t.storageKey], foreignColumns: [storedObjects.practiceId, storedObjects.key] }),
    index("products_practice_id_idx").on(t.practiceId, t.createdAt),
    index("products_created_by_user_id_idx").on(t.createdByUserId),
    check("products_title", sql`char_length(${t.title}) between 1 and 200`),
    check("products_description", sql`char_length(${t.description}) <= 4000`),
    // Stripe's smallest charge, as payments_amount; at most 10,000.00.
    check("products_price", sql`${t.priceCents} between 50 and 1000000`),
    check("products_currency", currencyIn(t.currency)),
    check("products_filename", sql`char_length(${t.filename}) between 1 and 255`),
    check("products_byte_size", sql`${t.byteSize} between 1 and 52428800`),
  ],
);

/** pending: checkout open; paid; refunded (access revoked); gifted by staff (nothing paid); abandoned: the checkout expired unpaid, or never opened. */
export const productOrderStatus = pgEnum("product_order_status", ["pending", "paid", "refunded", "gifted", "abandoned"]);

/**
 * One purchase or gift of one product. The buyer's name and email are kept as
 * typed (the receipt's and the link's address); the client is the buyer's
 * record in the practice: their own when signed in, an unverified one made for
 * the purchase otherwise (as a public booking does), the gift's recipient for
 * a gift. A payment (kind product) points here.
 */
export const productOrders = pgTable(
  "product_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    productId: uuid("product_id").notNull(),
    clientId: uuid("client_id").notNull(),
    buyerEmail: text("buyer_email").notNull(),
    buyerName: text("buyer_name").notNull(),
    status: productOrderStatus("status").notNull().default("pending"),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    giftedByMemberId: uuid("gifted_by_member_id"),
    paidAt: timestamp("paid_at", tz),
    refundedAt: timestamp("refunded_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("product_orders_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "product_orders_product_fkey", columns: [t.practiceId, t.productId], foreignColumns: [products.practiceId, products.id] }),
    foreignKey({ name: "product_orders_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    foreignKey({ name: "product_orders_gifted_by_fkey", columns: [t.giftedByMemberId], foreignColumns: [members.id] }).onDelete("set null"),
    index("product_orders_product_id_idx").on(t.productId),
    index("product_orders_client_id_idx").on(t.clientId),
    index("product_orders_gifted_by_member_id_idx").on(t.giftedByMemberId),
    index("product_orders_practice_id_created_at_idx").on(t.practiceId, t.createdAt),
    check("product_orders_buyer_email", sql`char_length(${t.buyerEmail}) between 3 and 320 and ${t.buyerEmail} like '%@%'`),
    check("product_orders_buyer_name", sql`char_length(${t.buyerName}) between 1 and 200`),
    check("product_orders_currency", currencyIn(t.currency)),
    // A gift costs nothing; a sale at least Stripe's minimum.
    check("product_orders_amount", sql`(${t.status} = 'gifted' and ${t.amountCents} = 0) or (${t.status} <> 'gifted' and ${t.amountCents} >= 50)`),
    check("product_orders_paid_at", sql`(${t.status} in ('paid', 'refunded')) = (${t.paidAt} is not null)`),
    check("product_orders_refunded_at", sql`(${t.status} = 'refunded') = (${t.refundedAt} is not null)`),
    check("product_orders_gifted_by", sql`${t.giftedByMemberId} is null or ${t.status} = 'gifted'`),
  ],
);

/**
 * The right to download an order's file: one per order. Its link is a derived
 * token (lib/tokens/derived-token.ts) naming this row, so the table holds no
 * secret, and the link can be emailed by a job after the payment commits. It
 * expires, is limited in uses (counted down in one UPDATE, never below 0) and
 * is revoked by a refund. A portal client downloads from their portal without
 * the link (not counted: it is their own record).
 */
export const productGrants = pgTable(
  "product_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    orderId: uuid("order_id").notNull(),
    expiresAt: timestamp("expires_at", tz).notNull(),
    usesLeft: integer("uses_left").notNull(),
    revokedAt: timestamp("revoked_at", tz),
    /** When the link's email went (the job's claim is `emailAttempts`). */
    emailedAt: timestamp("emailed_at", tz),
    emailAttempts: integer("email_attempts").notNull().default(0),
    /** How many times staff sent the link again (each resend renews it and is its own email, decision 0056 addendum). */
    resends: integer("resends").notNull().default(0),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("product_grants_order_id_key").on(t.orderId),
    foreignKey({ name: "product_grants_order_fkey", columns: [t.practiceId, t.orderId], foreignColumns: [productOrders.practiceId, productOrders.id] }).onDelete("cascade"),
    index("product_grants_practice_id_idx").on(t.practiceId),
    check("product_grants_uses_left", sql`${t.usesLeft} >= 0`),
    check("product_grants_resends", sql`${t.resends} between 0 and 20`),
    check("product_grants_expires_at", sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

export type Product = typeof products.$inferSelect;
export type ProductOrder = typeof productOrders.$inferSelect;
export type ProductOrderStatus = (typeof productOrderStatus.enumValues)[number];
export type ProductGrant = typeof productGrants.$inferSelect;
