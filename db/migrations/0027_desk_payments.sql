CREATE TYPE "public"."payment_method" AS ENUM('stripe', 'cash', 'cheque', 'card_terminal', 'other');--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "method" "payment_method" DEFAULT 'stripe' NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "reference" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "request_key" uuid;--> statement-breakpoint
ALTER TABLE "stripe_customers" ADD COLUMN "consent_covers_visits" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_request_key_key" UNIQUE("request_key");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_reference" CHECK ("payments"."reference" is null or length("payments"."reference") between 1 and 80);--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_offline" CHECK ("payments"."method" = 'stripe' or ("payments"."status" = 'succeeded' and "payments"."stripe_checkout_session_id" is null and "payments"."stripe_payment_intent_id" is null));