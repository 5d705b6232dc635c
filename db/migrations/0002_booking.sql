CREATE TYPE "public"."appointment_status" AS ENUM('held', 'pending_payment', 'confirmed', 'completed', 'cancelled', 'late_cancelled', 'no_show', 'expired');--> statement-breakpoint
CREATE TYPE "public"."availability_override_kind" AS ENUM('unavailable', 'available');--> statement-breakpoint
CREATE TYPE "public"."service_attendance" AS ENUM('individual', 'couple', 'either');--> statement-breakpoint
CREATE TYPE "public"."service_format" AS ENUM('in_person', 'online', 'phone');--> statement-breakpoint
CREATE TABLE "appointment_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_attendees_appointment_id_client_id_key" UNIQUE("appointment_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"location_id" uuid,
	"couple_id" uuid,
	"format" "service_format" NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"blocked_from" timestamp with time zone NOT NULL,
	"blocked_to" timestamp with time zone NOT NULL,
	"status" "appointment_status" NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"booked_by_staff" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "appointments_times" CHECK ("appointments"."starts_at" < "appointments"."ends_at" and "appointments"."blocked_from" <= "appointments"."starts_at" and "appointments"."blocked_to" >= "appointments"."ends_at"),
	CONSTRAINT "appointments_hold" CHECK ("appointments"."status" <> 'held' or "appointments"."hold_expires_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "availability_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"location_id" uuid,
	"date" text NOT NULL,
	"kind" "availability_override_kind" NOT NULL,
	"start_minute" integer,
	"end_minute" integer,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_overrides_date" CHECK ("availability_overrides"."date" ~ '^\d{4}-\d{2}-\d{2}$'),
	CONSTRAINT "availability_overrides_minutes" CHECK (("availability_overrides"."start_minute" is null and "availability_overrides"."end_minute" is null and "availability_overrides"."kind" = 'unavailable') or ("availability_overrides"."start_minute" >= 0 and "availability_overrides"."end_minute" <= 1440 and "availability_overrides"."start_minute" < "availability_overrides"."end_minute"))
);
--> statement-breakpoint
CREATE TABLE "availability_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"location_id" uuid,
	"weekday" smallint NOT NULL,
	"start_minute" integer NOT NULL,
	"end_minute" integer NOT NULL,
	"time_zone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_rules_weekday" CHECK ("availability_rules"."weekday" between 1 and 7),
	CONSTRAINT "availability_rules_minutes" CHECK ("availability_rules"."start_minute" >= 0 and "availability_rules"."end_minute" <= 1440 and "availability_rules"."start_minute" < "availability_rules"."end_minute")
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closures_range" CHECK ("closures"."starts_at" < "closures"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "service_clinicians" (
	"practice_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "service_clinicians_pkey" PRIMARY KEY("service_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"duration_minutes" integer NOT NULL,
	"price_cents" integer DEFAULT 0 NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"format" "service_format" NOT NULL,
	"attendance" "service_attendance" NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"min_notice_minutes" integer DEFAULT 1440 NOT NULL,
	"horizon_days" integer DEFAULT 60 NOT NULL,
	"slot_step_minutes" integer DEFAULT 15 NOT NULL,
	"cancellation_window_hours" integer DEFAULT 24 NOT NULL,
	"late_cancel_fee_cents" integer DEFAULT 0 NOT NULL,
	"no_show_fee_cents" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "services_duration" CHECK ("services"."duration_minutes" between 5 and 480),
	CONSTRAINT "services_price" CHECK ("services"."price_cents" >= 0),
	CONSTRAINT "services_currency" CHECK ("services"."currency" in ('USD', 'GBP', 'EUR', 'AUD', 'CAD', 'NZD')),
	CONSTRAINT "services_buffers" CHECK ("services"."buffer_before_minutes" between 0 and 240 and "services"."buffer_after_minutes" between 0 and 240),
	CONSTRAINT "services_notice" CHECK ("services"."min_notice_minutes" between 0 and 43200),
	CONSTRAINT "services_horizon" CHECK ("services"."horizon_days" between 1 and 365),
	CONSTRAINT "services_step" CHECK ("services"."slot_step_minutes" between 5 and 240),
	CONSTRAINT "services_cancellation" CHECK ("services"."cancellation_window_hours" between 0 and 720),
	CONSTRAINT "services_fees" CHECK ("services"."late_cancel_fee_cents" >= 0 and "services"."no_show_fee_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "video_url" text;--> statement-breakpoint
ALTER TABLE "email_messages" ADD COLUMN "attachments" jsonb;--> statement-breakpoint
ALTER TABLE "appointment_attendees" ADD CONSTRAINT "appointment_attendees_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_attendees" ADD CONSTRAINT "appointment_attendees_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_service_fkey" FOREIGN KEY ("practice_id","service_id") REFERENCES "public"."services"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_location_fkey" FOREIGN KEY ("practice_id","location_id") REFERENCES "public"."locations"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_couple_fkey" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_overrides" ADD CONSTRAINT "availability_overrides_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_overrides" ADD CONSTRAINT "availability_overrides_location_fkey" FOREIGN KEY ("practice_id","location_id") REFERENCES "public"."locations"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "availability_rules" ADD CONSTRAINT "availability_rules_location_fkey" FOREIGN KEY ("practice_id","location_id") REFERENCES "public"."locations"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_clinicians" ADD CONSTRAINT "service_clinicians_service_fkey" FOREIGN KEY ("practice_id","service_id") REFERENCES "public"."services"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_clinicians" ADD CONSTRAINT "service_clinicians_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_attendees_client_id_idx" ON "appointment_attendees" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "appointments_practice_id_starts_at_idx" ON "appointments" USING btree ("practice_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_member_id_starts_at_idx" ON "appointments" USING btree ("member_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_service_id_idx" ON "appointments" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "appointments_location_id_idx" ON "appointments" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "appointments_couple_id_idx" ON "appointments" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "appointments_hold_expires_at_idx" ON "appointments" USING btree ("hold_expires_at") WHERE "appointments"."status" = 'held';--> statement-breakpoint
CREATE INDEX "availability_overrides_member_id_date_idx" ON "availability_overrides" USING btree ("member_id","date");--> statement-breakpoint
CREATE INDEX "availability_overrides_location_id_idx" ON "availability_overrides" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "availability_rules_member_id_idx" ON "availability_rules" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "availability_rules_location_id_idx" ON "availability_rules" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "closures_practice_id_starts_at_idx" ON "closures" USING btree ("practice_id","starts_at");--> statement-breakpoint
CREATE INDEX "service_clinicians_member_id_idx" ON "service_clinicians" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "services_practice_id_idx" ON "services" USING btree ("practice_id");