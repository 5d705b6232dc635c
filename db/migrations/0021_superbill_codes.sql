CREATE TABLE "appointment_cpt_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"units" integer DEFAULT 1 NOT NULL,
	"modifiers" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "appointment_cpt_lines_appointment_position_key" UNIQUE("appointment_id","position"),
	CONSTRAINT "appointment_cpt_lines_code" CHECK ("appointment_cpt_lines"."code" ~ '^[0-9]{4}[0-9A-Z]$'),
	CONSTRAINT "appointment_cpt_lines_units" CHECK ("appointment_cpt_lines"."units" between 1 and 8),
	CONSTRAINT "appointment_cpt_lines_modifiers" CHECK (cardinality("appointment_cpt_lines"."modifiers") <= 4 and array_to_string("appointment_cpt_lines"."modifiers", ',') ~ '^([0-9A-Z]{2}(,[0-9A-Z]{2})*)?$'),
	CONSTRAINT "appointment_cpt_lines_position" CHECK ("appointment_cpt_lines"."position" between 0 and 11)
);
--> statement-breakpoint
CREATE TABLE "service_cpt_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"code" text NOT NULL,
	"units" integer DEFAULT 1 NOT NULL,
	"modifiers" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "service_cpt_lines_service_position_key" UNIQUE("service_id","position"),
	CONSTRAINT "service_cpt_lines_code" CHECK ("service_cpt_lines"."code" ~ '^[0-9]{4}[0-9A-Z]$'),
	CONSTRAINT "service_cpt_lines_units" CHECK ("service_cpt_lines"."units" between 1 and 8),
	CONSTRAINT "service_cpt_lines_modifiers" CHECK (cardinality("service_cpt_lines"."modifiers") <= 4 and array_to_string("service_cpt_lines"."modifiers", ',') ~ '^([0-9A-Z]{2}(,[0-9A-Z]{2})*)?$'),
	CONSTRAINT "service_cpt_lines_position" CHECK ("service_cpt_lines"."position" between 0 and 11)
);
--> statement-breakpoint
ALTER TABLE "service_billing" DROP CONSTRAINT "service_billing_cpt";--> statement-breakpoint
ALTER TABLE "service_billing" DROP CONSTRAINT "service_billing_units";--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "address_line1" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "address_line2" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "postal_code" text;--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "service_billing" ADD COLUMN "asks_superbill_details" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_cpt_lines" ADD CONSTRAINT "appointment_cpt_lines_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_cpt_lines" ADD CONSTRAINT "service_cpt_lines_service_fkey" FOREIGN KEY ("practice_id","service_id") REFERENCES "public"."services"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_cpt_lines_practice_id_idx" ON "appointment_cpt_lines" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "service_cpt_lines_practice_id_idx" ON "service_cpt_lines" USING btree ("practice_id");--> statement-breakpoint
-- Each service's single CPT code becomes its first CPT line (units above the new limit of 8 are capped).
INSERT INTO "service_cpt_lines" ("practice_id", "service_id", "position", "code", "units")
SELECT "practice_id", "service_id", 0, "cpt_code", least("cpt_units", 8) FROM "service_billing" WHERE "cpt_code" IS NOT NULL;--> statement-breakpoint
-- Therapy and pelvic PT services that bill a CPT code ask at booking from now on; coaches rarely bill insurance.
UPDATE "service_billing" SET "asks_superbill_details" = true FROM "practices"
WHERE "practices"."id" = "service_billing"."practice_id" AND "practices"."kind" <> 'coaching' AND "service_billing"."cpt_code" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "service_billing" DROP COLUMN "cpt_code";--> statement-breakpoint
ALTER TABLE "service_billing" DROP COLUMN "cpt_units";--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_country_format" CHECK ("clients"."country" ~ '^[A-Z]{2}$');--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_address_lengths" CHECK (coalesce(char_length("clients"."address_line1"), 0) <= 200 and coalesce(char_length("clients"."address_line2"), 0) <= 200 and coalesce(char_length("clients"."city"), 0) <= 100 and coalesce(char_length("clients"."region"), 0) <= 100 and coalesce(char_length("clients"."postal_code"), 0) <= 20);