import { sql, type AnyColumn } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { appointments, services } from "./booking";
import { clients, couples, members, practices } from "./practice";
import { productOrders } from "./products";
import { currencyIn, tz } from "./columns";
import { eventRegistrations } from "./events";

/** What a service asks for at booking: nothing online, the full price, or a deposit. */
export const bookingPaymentMode = pgEnum("booking_payment_mode", ["none", "full", "deposit"]);
/** session: the full price at booking; deposit: part of it; fee: late-cancel or no-show; package: a package bought; product: a workbook; event_seat: a group event's seats. */
export const paymentKind = pgEnum("payment_kind", ["session", "deposit", "fee", "package", "product", "event_seat"]);
export const paymentStatus = pgEnum("payment_status", ["pending", "succeeded", "failed", "expired", "cancelled"]);
export const refundStatus = pgEnum("refund_status", ["pending", "succeeded", "failed", "cancelled"]);
/** How money arrived: through Stripe (checkout or the card on file), or taken at the desk and recorded by a member. */
export const paymentMethod = pgEnum("payment_method", ["stripe", "cash", "cheque", "card_terminal", "other"]);
export const feeKind = pgEnum("fee_kind", ["late_cancel", "no_show"]);
export const feeStatus = pgEnum("fee_status", ["open", "paid", "waived"]);

/**
 * A practice's billing details: its connected Stripe account (Connect) and
 * what a superbill prints (tax id, NPI).
 */
export const practiceBilling = pgTable(
  "practice_billing",
  {
    practiceId: uuid("practice_id")
      .primaryKey()
      .references(() => practices.id, { onDelete: "cascade" }),
    stripeAccountId: text("stripe_account_id").unique("practice_billing_stripe_account_id_key"),
    chargesEnabled: boolean("charges_enabled").notNull().default(false),
    detailsSubmitted: boolean("details_submitted").notNull().default(false),
    taxId: text("tax_id"),
    npi: text("npi"),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [check("practice_billing_npi", sql`${t.npi} is null or ${t.npi} ~ '^\\d{10}$'`)],
);

/**
 * Per service: what is paid at booking, and whether booking asks for what a
 * superbill needs (date of birth, postal address). Its CPT lines are in
 * service_cpt_lines.
 */
export const serviceBilling = pgTable(
  "service_billing",
  {
    serviceId: uuid("service_id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    paymentMode: bookingPaymentMode("payment_mode").notNull().default("none"),
    /** Minor units; required with the deposit mode, below the price. */
    depositCents: integer("deposit_cents"),
    /**
     * Booking asks the client for date of birth and address (decision 0043).
     * Off until the practice saves the service's billing, where the form
     * starts it on for therapy and pelvic PT (coaching rarely bills insurance).
     */
    asksSuperbillDetails: boolean("asks_superbill_details").notNull().default(false),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "service_billing_service_fkey", columns: [t.practiceId, t.serviceId], foreignColumns: [services.practiceId, services.id] }).onDelete("cascade"),
    index("service_billing_practice_id_idx").on(t.practiceId),
    check("service_billing_deposit", sql`(${t.paymentMode} = 'deposit') = (${t.depositCents} is not null) and (${t.depositCents} is null or ${t.depositCents} > 0)`),
  ],
);

/**
 * The database's copy of the CPT line rules (lib/billing/cpt-lines.ts): a code
 * of 5 digits or 4 digits and a letter, 1–8 units, at most 4 two-character modifiers.
 */
const cptChecks = (name: string, t: { code: AnyColumn; units: AnyColumn; modifiers: AnyColumn; position: AnyColumn }) => [
  check(`${name}_code`, sql`${t.code} ~ '^[0-9]{4}[0-9A-Z]$'`),
  check(`${name}_units`, sql`${t.units} between 1 and 8`),
  check(`${name}_modifiers`, sql`cardinality(${t.modifiers}) <= 4 and array_to_string(${t.modifiers}, ',') ~ '^([0-9A-Z]{2}(,[0-9A-Z]{2})*)?$'`),
  check(`${name}_position`, sql`${t.position} between 0 and 11`),
];

/** A service's default CPT lines for a visit (a PT visit bills several codes, each with units). */
export const serviceCptLines = pgTable(
  "service_cpt_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    position: integer("position").notNull(),
    code: text("code").notNull(),
    units: integer("units").notNull().default(1),
    modifiers: text("modifiers").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    foreignKey({ name: "service_cpt_lines_service_fkey", columns: [t.practiceId, t.serviceId], foreignColumns: [services.practiceId, services.id] }).onDelete("cascade"),
    index("service_cpt_lines_practice_id_idx").on(t.practiceId),
    unique("service_cpt_lines_service_position_key").on(t.serviceId, t.position),
    ...cptChecks("service_cpt_lines", t),
  ],
);

/** One visit's CPT lines, set by its clinician after the visit; when present they replace the service's. */
export const appointmentCptLines = pgTable(
  "appointment_cpt_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    position: integer("position").notNull(),
    code: text("code").notNull(),
    units: integer("units").notNull().default(1),
    modifiers: text("modifiers").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    foreignKey({ name: "appointment_cpt_lines_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }).onDelete("cascade"),
    index("appointment_cpt_lines_practice_id_idx").on(t.practiceId),
    unique("appointment_cpt_lines_appointment_position_key").on(t.appointmentId, t.position),
    ...cptChecks("appointment_cpt_lines", t),
  ],
);

/** A clinician's license and NPI, printed on superbills. */
export const memberBilling = pgTable(
  "member_billing",
  {
    memberId: uuid("member_id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    licenseNumber: text("license_number"),
    npi: text("npi"),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "member_billing_member_fkey", columns: [t.practiceId, t.memberId], foreignColumns: [members.practiceId, members.id] }).onDelete("cascade"),
    index("member_billing_practice_id_idx").on(t.practiceId),
    check("member_billing_npi", sql`${t.npi} is null or ${t.npi} ~ '^\\d{10}$'`),
  ],
);

/** The ICD-10 codes a clinician records for a session (superbills). */
export const appointmentDiagnoses = pgTable(
  "appointment_diagnoses",
  {
    appointmentId: uuid("appointment_id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    icd10Codes: text("icd10_codes").array().notNull().default(sql`'{}'::text[]`),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "appointment_diagnoses_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }).onDelete("cascade"),
    index("appointment_diagnoses_practice_id_idx").on(t.practiceId),
  ],
);

/** A client's Stripe customer and the card they agreed to keep on file. */
export const stripeCustomers = pgTable(
  "stripe_customers",
  {
    clientId: uuid("client_id").primaryKey(),
    practiceId: uuid("practice_id").notNull(),
    stripeCustomerId: text("stripe_customer_id").notNull().unique("stripe_customers_stripe_customer_id_key"),
    paymentMethodId: text("payment_method_id"),
    cardBrand: text("card_brand"),
    cardLast4: text("card_last4"),
    /** When the client agreed (on the payment page) to keep the card for fees. */
    consentAt: timestamp("consent_at", tz),
    /**
     * The consent also covers sessions, packages and balances charged at the
     * desk (the wording since decision 0038); a card kept under the older,
     * fees-only wording is charged for fees only.
     */
    consentCoversVisits: boolean("consent_covers_visits").notNull().default(false),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "stripe_customers_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }).onDelete("cascade"),
    index("stripe_customers_practice_id_idx").on(t.practiceId),
    check("stripe_customers_card", sql`(${t.paymentMethodId} is null) = (${t.consentAt} is null)`),
  ],
);

/** A fee the service's policy charges (late cancel, no-show): at most one of each per appointment and client. */
export const fees = pgTable(
  "fees",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    clientId: uuid("client_id").notNull(),
    kind: feeKind("kind").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    status: feeStatus("status").notNull().default("open"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("fees_practice_id_id_key").on(t.practiceId, t.id),
    unique("fees_appointment_id_client_id_kind_key").on(t.appointmentId, t.clientId, t.kind),
    foreignKey({ name: "fees_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }),
    foreignKey({ name: "fees_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    index("fees_client_id_idx").on(t.clientId),
    index("fees_practice_id_status_idx").on(t.practiceId, t.status),
    check("fees_amount", sql`${t.amountCents} > 0`),
    check("fees_currency", currencyIn(t.currency)),
  ],
);

/** A package a practice sells: N sessions of listed services, valid some months. */
export const packages = pgTable(
  "packages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    sessionCount: integer("session_count").notNull(),
    priceCents: integer("price_cents").notNull(),
    currency: text("currency").notNull(),
    validMonths: integer("valid_months").notNull(),
    /** Services a credit can be used for (same practice). */
    serviceIds: uuid("service_ids").array().notNull(),
    archivedAt: timestamp("archived_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("packages_practice_id_id_key").on(t.practiceId, t.id),
    index("packages_practice_id_idx").on(t.practiceId),
    check("packages_sessions", sql`${t.sessionCount} between 1 and 50`),
    check("packages_price", sql`${t.priceCents} >= 50`),
    check("packages_valid", sql`${t.validMonths} between 1 and 36`),
    check("packages_currency", currencyIn(t.currency)),
    check("packages_services", sql`cardinality(${t.serviceIds}) >= 1`),
  ],
);

/** A package bought by a client, or by a couple (both partners use its credits). */
export const packagePurchases = pgTable(
  "package_purchases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    packageId: uuid("package_id").notNull(),
    clientId: uuid("client_id").notNull(),
    coupleId: uuid("couple_id").references(() => couples.id, { onDelete: "set null" }),
    credits: integer("credits").notNull(),
    /** Null until paid; the credits are usable while active and before expiry. */
    activatedAt: timestamp("activated_at", tz),
    expiresAt: timestamp("expires_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("package_purchases_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "package_purchases_package_fkey", columns: [t.practiceId, t.packageId], foreignColumns: [packages.practiceId, packages.id] }),
    foreignKey({ name: "package_purchases_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    index("package_purchases_package_id_idx").on(t.packageId),
    index("package_purchases_client_id_idx").on(t.clientId),
    index("package_purchases_couple_id_idx").on(t.coupleId),
    check("package_purchases_credits", sql`${t.credits} >= 1`),
    check("package_purchases_active", sql`(${t.activatedAt} is null) = (${t.expiresAt} is null)`),
  ],
);

/**
 * One credit used for one appointment, or for one seat of a group event's
 * registration (decision 0060: a couple's two seats are two credits);
 * returned (not deleted) when cancelled within the policy.
 */
export const creditUses = pgTable(
  "credit_uses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    purchaseId: uuid("purchase_id").notNull(),
    appointmentId: uuid("appointment_id"),
    eventRegistrationId: uuid("event_registration_id"),
    /** Which seat of the registration (1 or 2); null for an appointment. */
    seat: smallint("seat"),
    returnedAt: timestamp("returned_at", tz),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "credit_uses_purchase_fkey", columns: [t.practiceId, t.purchaseId], foreignColumns: [packagePurchases.practiceId, packagePurchases.id] }),
    foreignKey({ name: "credit_uses_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }).onDelete("cascade"),
    foreignKey({ name: "credit_uses_event_registration_fkey", columns: [t.practiceId, t.eventRegistrationId], foreignColumns: [eventRegistrations.practiceId, eventRegistrations.id] }).onDelete("cascade"),
    index("credit_uses_purchase_id_idx").on(t.purchaseId),
    index("credit_uses_event_registration_id_idx").on(t.eventRegistrationId),
    // One live credit per appointment, and per seat of a registration.
    uniqueIndex("credit_uses_appointment_id_live_key").on(t.appointmentId).where(sql`${t.returnedAt} is null`),
    uniqueIndex("credit_uses_event_seat_live_key").on(t.eventRegistrationId, t.seat).where(sql`${t.returnedAt} is null`),
    check(
      "credit_uses_subject",
      sql`(${t.appointmentId} is not null and ${t.eventRegistrationId} is null and ${t.seat} is null) or (${t.appointmentId} is null and ${t.eventRegistrationId} is not null and ${t.seat} in (1, 2))`,
    ),
  ],
);

/**
 * Money asked for through Stripe. Amounts are integer minor units of
 * `currency`. `refundedCents` is the sum of the payment's refunds that
 * succeeded or are pending, kept by the refund code and never above the amount.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    kind: paymentKind("kind").notNull(),
    status: paymentStatus("status").notNull().default("pending"),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    refundedCents: integer("refunded_cents").notNull().default(0),
    /** Who pays (the Stripe customer's client). */
    clientId: uuid("client_id").notNull(),
    coupleId: uuid("couple_id").references(() => couples.id, { onDelete: "set null" }),
    appointmentId: uuid("appointment_id"),
    feeId: uuid("fee_id"),
    purchaseId: uuid("purchase_id"),
    /** A workbook's order (kind product, decision 0056). */
    productOrderId: uuid("product_order_id"),
    /** The group event registration (kind event_seat) these seats are for. */
    eventRegistrationId: uuid("event_registration_id"),
    /** A couple's split: 1 and 2 of 2; null when one person pays the whole. */
    splitPart: integer("split_part"),
    description: text("description").notNull(),
    stripeAccountId: text("stripe_account_id"),
    stripeCheckoutSessionId: text("stripe_checkout_session_id").unique("payments_stripe_checkout_session_id_key"),
    stripePaymentIntentId: text("stripe_payment_intent_id").unique("payments_stripe_payment_intent_id_key"),
    checkoutUrl: text("checkout_url"),
    checkoutExpiresAt: timestamp("checkout_expires_at", tz),
    /** stripe: asked of Stripe; anything else: taken at the desk (paid at once, no Stripe object). */
    method: paymentMethod("method").notNull().default("stripe"),
    /** The desk's reference for an offline payment: a cheque number, a terminal receipt. */
    reference: text("reference"),
    /** The desk form's one-time key: a resubmitted form finds its first payment instead of paying twice. */
    requestKey: uuid("request_key").unique("payments_request_key_key"),
    /** Set when the client agreed to keep the card on file for policy fees. */
    saveCard: boolean("save_card").notNull().default(false),
    failureMessage: text("failure_message"),
    paidAt: timestamp("paid_at", tz),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    unique("payments_practice_id_id_key").on(t.practiceId, t.id),
    foreignKey({ name: "payments_client_fkey", columns: [t.practiceId, t.clientId], foreignColumns: [clients.practiceId, clients.id] }),
    foreignKey({ name: "payments_appointment_fkey", columns: [t.practiceId, t.appointmentId], foreignColumns: [appointments.practiceId, appointments.id] }),
    foreignKey({ name: "payments_fee_fkey", columns: [t.practiceId, t.feeId], foreignColumns: [fees.practiceId, fees.id] }),
    foreignKey({ name: "payments_purchase_fkey", columns: [t.practiceId, t.purchaseId], foreignColumns: [packagePurchases.practiceId, packagePurchases.id] }),
    index("payments_practice_id_created_at_idx").on(t.practiceId, t.createdAt),
    index("payments_client_id_idx").on(t.clientId),
    index("payments_couple_id_idx").on(t.coupleId),
    index("payments_appointment_id_idx").on(t.appointmentId),
    index("payments_fee_id_idx").on(t.feeId),
    index("payments_purchase_id_idx").on(t.purchaseId),
    foreignKey({ name: "payments_product_order_fkey", columns: [t.practiceId, t.productOrderId], foreignColumns: [productOrders.practiceId, productOrders.id] }),
    index("payments_product_order_id_idx").on(t.productOrderId),
    foreignKey({ name: "payments_event_registration_fkey", columns: [t.practiceId, t.eventRegistrationId], foreignColumns: [eventRegistrations.practiceId, eventRegistrations.id] }),
    index("payments_event_registration_id_idx").on(t.eventRegistrationId),
    index("payments_pending_created_at_idx").on(t.createdAt).where(sql`${t.status} = 'pending'`),
    check("payments_amount", sql`${t.amountCents} >= 50`),
    check("payments_refunded", sql`${t.refundedCents} between 0 and ${t.amountCents}`),
    check("payments_refund_paid", sql`${t.refundedCents} = 0 or ${t.status} = 'succeeded'`),
    check("payments_currency", currencyIn(t.currency)),
    check("payments_split", sql`${t.splitPart} is null or ${t.splitPart} in (1, 2)`),
    // ::text: the migration that adds the enum value also writes this check, and a new enum value cannot be cast to in that transaction.
    check(
      "payments_subject",
      sql`(${t.kind} in ('session', 'deposit') and ${t.appointmentId} is not null) or (${t.kind} = 'fee' and ${t.feeId} is not null) or (${t.kind} = 'package' and ${t.purchaseId} is not null) or (${t.kind}::text = 'product' and ${t.productOrderId} is not null) or (${t.kind}::text = 'event_seat' and ${t.eventRegistrationId} is not null)`,
    ),
    check("payments_reference", sql`${t.reference} is null or length(${t.reference}) between 1 and 80`),
    check(
      "payments_offline",
      sql`${t.method} = 'stripe' or (${t.status} = 'succeeded' and ${t.stripeCheckoutSessionId} is null and ${t.stripePaymentIntentId} is null)`,
    ),
    check("payments_paid_at", sql`(${t.status} = 'succeeded') = (${t.paidAt} is not null)`),
  ],
);

export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: uuid("practice_id").notNull(),
    paymentId: uuid("payment_id").notNull(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    status: refundStatus("status").notNull().default("pending"),
    reason: text("reason").notNull(),
    stripeRefundId: text("stripe_refund_id").unique("refunds_stripe_refund_id_key"),
    failureMessage: text("failure_message"),
    /** Null: the system (an automatic refund by policy, a paid expired hold). */
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", tz).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: "refunds_payment_fkey", columns: [t.practiceId, t.paymentId], foreignColumns: [payments.practiceId, payments.id] }),
    index("refunds_payment_id_idx").on(t.paymentId),
    index("refunds_practice_id_created_at_idx").on(t.practiceId, t.createdAt),
    check("refunds_amount", sql`${t.amountCents} > 0`),
    check("refunds_reason", sql`length(${t.reason}) between 1 and 500`),
    check("refunds_currency", currencyIn(t.currency)),
  ],
);

/** Every Stripe event we accepted, once: a repeat delivery finds its id here and does nothing. */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    account: text("account"),
    /** The object the event was about (re-read from Stripe when handled). */
    objectId: text("object_id").notNull(),
    receivedAt: timestamp("received_at", tz).notNull().defaultNow(),
  },
  (t) => [index("stripe_events_received_at_idx").on(t.receivedAt)],
);

/**
 * Billing emails to send, written in the same transaction as the change that
 * calls for them and sent by a job (one row per key: never twice).
 */
export const billingNotifications = pgTable(
  "billing_notifications",
  {
    key: text("key").primaryKey(),
    practiceId: uuid("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    data: jsonb("data").$type<Record<string, string | number | null>>().notNull(),
    sentAt: timestamp("sent_at", tz),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", tz).notNull().defaultNow(),
  },
  (t) => [index("billing_notifications_unsent_idx").on(t.createdAt).where(sql`${t.sentAt} is null`)],
);

export type PracticeBilling = typeof practiceBilling.$inferSelect;
export type ServiceBilling = typeof serviceBilling.$inferSelect;
export type BookingPaymentMode = (typeof bookingPaymentMode.enumValues)[number];
export type Payment = typeof payments.$inferSelect;
export type PaymentKind = (typeof paymentKind.enumValues)[number];
export type PaymentStatus = (typeof paymentStatus.enumValues)[number];
export type Refund = typeof refunds.$inferSelect;
export type Fee = typeof fees.$inferSelect;
export type Package = typeof packages.$inferSelect;
export type PackagePurchase = typeof packagePurchases.$inferSelect;
export type StripeCustomer = typeof stripeCustomers.$inferSelect;
