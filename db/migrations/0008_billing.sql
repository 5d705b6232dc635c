CREATE TYPE "public"."booking_payment_mode" AS ENUM('none', 'full', 'deposit');--> statement-breakpoint
CREATE TYPE "public"."fee_kind" AS ENUM('late_cancel', 'no_show');--> statement-breakpoint
CREATE TYPE "public"."fee_status" AS ENUM('open', 'paid', 'waived');--> statement-breakpoint
CREATE TYPE "public"."payment_kind" AS ENUM('session', 'deposit', 'fee', 'package');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('pending', 'succeeded', 'failed', 'expired', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."refund_status" AS ENUM('pending', 'succeeded', 'failed', 'cancelled');--> statement-breakpoint
CREATE TABLE "appointment_diagnoses" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"icd10_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "billing_notifications" (
	"key" text PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_uses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"purchase_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"returned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" "fee_kind" NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"status" "fee_status" DEFAULT 'open' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fees_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "fees_appointment_id_client_id_kind_key" UNIQUE("appointment_id","client_id","kind"),
	CONSTRAINT "fees_amount" CHECK ("fees"."amount_cents" > 0),
	CONSTRAINT "fees_currency" CHECK ("fees"."currency" in ('USD', 'GBP', 'EUR', 'AUD', 'CAD', 'NZD'))
);
--> statement-breakpoint
CREATE TABLE "member_billing" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"license_number" text,
	"npi" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_billing_npi" CHECK ("member_billing"."npi" is null or "member_billing"."npi" ~ '^\d{10}$')
);
--> statement-breakpoint
CREATE TABLE "package_purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"package_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"couple_id" uuid,
	"credits" integer NOT NULL,
	"activated_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "package_purchases_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "package_purchases_credits" CHECK ("package_purchases"."credits" >= 1),
	CONSTRAINT "package_purchases_active" CHECK (("package_purchases"."activated_at" is null) = ("package_purchases"."expires_at" is null))
);
--> statement-breakpoint
CREATE TABLE "packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"name" text NOT NULL,
	"session_count" integer NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"valid_months" integer NOT NULL,
	"service_ids" uuid[] NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "packages_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "packages_sessions" CHECK ("packages"."session_count" between 1 and 50),
	CONSTRAINT "packages_price" CHECK ("packages"."price_cents" >= 50),
	CONSTRAINT "packages_valid" CHECK ("packages"."valid_months" between 1 and 36),
	CONSTRAINT "packages_currency" CHECK ("packages"."currency" in ('USD', 'GBP', 'EUR', 'AUD', 'CAD', 'NZD')),
	CONSTRAINT "packages_services" CHECK (cardinality("packages"."service_ids") >= 1)
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"kind" "payment_kind" NOT NULL,
	"status" "payment_status" DEFAULT 'pending' NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"refunded_cents" integer DEFAULT 0 NOT NULL,
	"client_id" uuid NOT NULL,
	"couple_id" uuid,
	"appointment_id" uuid,
	"fee_id" uuid,
	"purchase_id" uuid,
	"split_part" integer,
	"description" text NOT NULL,
	"stripe_account_id" text,
	"stripe_checkout_session_id" text,
	"stripe_payment_intent_id" text,
	"checkout_url" text,
	"checkout_expires_at" timestamp with time zone,
	"save_card" boolean DEFAULT false NOT NULL,
	"failure_message" text,
	"paid_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_stripe_checkout_session_id_key" UNIQUE("stripe_checkout_session_id"),
	CONSTRAINT "payments_stripe_payment_intent_id_key" UNIQUE("stripe_payment_intent_id"),
	CONSTRAINT "payments_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "payments_amount" CHECK ("payments"."amount_cents" >= 50),
	CONSTRAINT "payments_refunded" CHECK ("payments"."refunded_cents" between 0 and "payments"."amount_cents"),
	CONSTRAINT "payments_refund_paid" CHECK ("payments"."refunded_cents" = 0 or "payments"."status" = 'succeeded'),
	CONSTRAINT "payments_currency" CHECK ("payments"."currency" in ('USD', 'GBP', 'EUR', 'AUD', 'CAD', 'NZD')),
	CONSTRAINT "payments_split" CHECK ("payments"."split_part" is null or "payments"."split_part" in (1, 2)),
	CONSTRAINT "payments_subject" CHECK (("payments"."kind" in ('session', 'deposit') and "payments"."appointment_id" is not null) or ("payments"."kind" = 'fee' and "payments"."fee_id" is not null) or ("payments"."kind" = 'package' and "payments"."purchase_id" is not null)),
	CONSTRAINT "payments_paid_at" CHECK (("payments"."status" = 'succeeded') = ("payments"."paid_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "practice_billing" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"stripe_account_id" text,
	"charges_enabled" boolean DEFAULT false NOT NULL,
	"details_submitted" boolean DEFAULT false NOT NULL,
	"tax_id" text,
	"npi" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_billing_stripe_account_id_key" UNIQUE("stripe_account_id"),
	CONSTRAINT "practice_billing_npi" CHECK ("practice_billing"."npi" is null or "practice_billing"."npi" ~ '^\d{10}$')
);
--> statement-breakpoint
CREATE TABLE "refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"status" "refund_status" DEFAULT 'pending' NOT NULL,
	"reason" text NOT NULL,
	"stripe_refund_id" text,
	"failure_message" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "refunds_stripe_refund_id_key" UNIQUE("stripe_refund_id"),
	CONSTRAINT "refunds_amount" CHECK ("refunds"."amount_cents" > 0),
	CONSTRAINT "refunds_reason" CHECK (length("refunds"."reason") between 1 and 500)
);
--> statement-breakpoint
CREATE TABLE "service_billing" (
	"service_id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"payment_mode" "booking_payment_mode" DEFAULT 'none' NOT NULL,
	"deposit_cents" integer,
	"cpt_code" text,
	"cpt_units" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_billing_deposit" CHECK (("service_billing"."payment_mode" = 'deposit') = ("service_billing"."deposit_cents" is not null) and ("service_billing"."deposit_cents" is null or "service_billing"."deposit_cents" > 0)),
	CONSTRAINT "service_billing_cpt" CHECK ("service_billing"."cpt_code" is null or "service_billing"."cpt_code" ~ '^[0-9]{4}[0-9A-Z]$'),
	CONSTRAINT "service_billing_units" CHECK ("service_billing"."cpt_units" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "stripe_customers" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"stripe_customer_id" text NOT NULL,
	"payment_method_id" text,
	"card_brand" text,
	"card_last4" text,
	"consent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stripe_customers_stripe_customer_id_key" UNIQUE("stripe_customer_id"),
	CONSTRAINT "stripe_customers_card" CHECK (("stripe_customers"."payment_method_id" is null) = ("stripe_customers"."consent_at" is null))
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"account" text,
	"object_id" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appointment_diagnoses" ADD CONSTRAINT "appointment_diagnoses_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_notifications" ADD CONSTRAINT "billing_notifications_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_uses" ADD CONSTRAINT "credit_uses_purchase_fkey" FOREIGN KEY ("practice_id","purchase_id") REFERENCES "public"."package_purchases"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_uses" ADD CONSTRAINT "credit_uses_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fees" ADD CONSTRAINT "fees_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fees" ADD CONSTRAINT "fees_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fees" ADD CONSTRAINT "fees_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_billing" ADD CONSTRAINT "member_billing_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD CONSTRAINT "package_purchases_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD CONSTRAINT "package_purchases_package_fkey" FOREIGN KEY ("practice_id","package_id") REFERENCES "public"."packages"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "package_purchases" ADD CONSTRAINT "package_purchases_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "packages" ADD CONSTRAINT "packages_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_fee_fkey" FOREIGN KEY ("practice_id","fee_id") REFERENCES "public"."fees"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_purchase_fkey" FOREIGN KEY ("practice_id","purchase_id") REFERENCES "public"."package_purchases"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_billing" ADD CONSTRAINT "practice_billing_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_payment_fkey" FOREIGN KEY ("practice_id","payment_id") REFERENCES "public"."payments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_billing" ADD CONSTRAINT "service_billing_service_fkey" FOREIGN KEY ("practice_id","service_id") REFERENCES "public"."services"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD CONSTRAINT "stripe_customers_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_diagnoses_practice_id_idx" ON "appointment_diagnoses" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "billing_notifications_unsent_idx" ON "billing_notifications" USING btree ("created_at") WHERE "billing_notifications"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "credit_uses_purchase_id_idx" ON "credit_uses" USING btree ("purchase_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_uses_appointment_id_live_key" ON "credit_uses" USING btree ("appointment_id") WHERE "credit_uses"."returned_at" is null;--> statement-breakpoint
CREATE INDEX "fees_client_id_idx" ON "fees" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "fees_practice_id_status_idx" ON "fees" USING btree ("practice_id","status");--> statement-breakpoint
CREATE INDEX "member_billing_practice_id_idx" ON "member_billing" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "package_purchases_package_id_idx" ON "package_purchases" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "package_purchases_client_id_idx" ON "package_purchases" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "package_purchases_couple_id_idx" ON "package_purchases" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "packages_practice_id_idx" ON "packages" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "payments_practice_id_created_at_idx" ON "payments" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_client_id_idx" ON "payments" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "payments_couple_id_idx" ON "payments" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "payments_appointment_id_idx" ON "payments" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "payments_fee_id_idx" ON "payments" USING btree ("fee_id");--> statement-breakpoint
CREATE INDEX "payments_purchase_id_idx" ON "payments" USING btree ("purchase_id");--> statement-breakpoint
CREATE INDEX "payments_pending_created_at_idx" ON "payments" USING btree ("created_at") WHERE "payments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "refunds_payment_id_idx" ON "refunds" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "refunds_practice_id_created_at_idx" ON "refunds" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "service_billing_practice_id_idx" ON "service_billing" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "stripe_customers_practice_id_idx" ON "stripe_customers" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "stripe_events_received_at_idx" ON "stripe_events" USING btree ("received_at");