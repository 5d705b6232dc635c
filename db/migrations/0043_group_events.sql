CREATE TYPE "public"."event_registration_status" AS ENUM('held', 'confirmed', 'cancelled', 'expired', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."event_waitlist_status" AS ENUM('waiting', 'offered', 'accepted', 'expired', 'left');--> statement-breakpoint
CREATE TYPE "public"."group_event_format" AS ENUM('online', 'in_person');--> statement-breakpoint
CREATE TYPE "public"."group_event_status" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
ALTER TYPE "public"."payment_kind" ADD VALUE 'event_seat';--> statement-breakpoint
CREATE TABLE "event_attendance" (
	"practice_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"attended" boolean NOT NULL,
	"marked_by_member_id" uuid,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_attendance_pkey" PRIMARY KEY("registration_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "event_hosts" (
	"practice_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "event_hosts_pkey" PRIMARY KEY("event_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "event_notices" (
	"key" text PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"registration_id" uuid,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"partner_client_id" uuid,
	"seats" integer NOT NULL,
	"status" "event_registration_status" NOT NULL,
	"hold_expires_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "event_registrations_seats" CHECK ("event_registrations"."seats" in (1, 2) and ("event_registrations"."seats" = 2) = ("event_registrations"."partner_client_id" is not null)),
	CONSTRAINT "event_registrations_hold" CHECK ("event_registrations"."status" <> 'held' or "event_registrations"."hold_expires_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "event_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_sessions_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "event_sessions_order" CHECK ("event_sessions"."ends_at" > "event_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "event_waitlist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"position" bigint GENERATED ALWAYS AS IDENTITY (sequence name "event_waitlist_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"client_id" uuid NOT NULL,
	"partner_client_id" uuid,
	"seats" integer NOT NULL,
	"status" "event_waitlist_status" DEFAULT 'waiting' NOT NULL,
	"registration_id" uuid,
	"offered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_waitlist_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "event_waitlist_seats" CHECK ("event_waitlist"."seats" in (1, 2) and ("event_waitlist"."seats" = 2) = ("event_waitlist"."partner_client_id" is not null)),
	CONSTRAINT "event_waitlist_offer" CHECK ("event_waitlist"."status" not in ('offered', 'accepted') or ("event_waitlist"."registration_id" is not null and "event_waitlist"."offered_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "group_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"format" "group_event_format" NOT NULL,
	"location" text,
	"join_url" text,
	"capacity" integer NOT NULL,
	"seats_taken" integer DEFAULT 0 NOT NULL,
	"price_cents" integer,
	"currency" text DEFAULT 'USD' NOT NULL,
	"signup_cutoff" timestamp with time zone NOT NULL,
	"cancellation_hours" integer DEFAULT 24 NOT NULL,
	"cancellation_policy" text DEFAULT '' NOT NULL,
	"materials_url" text,
	"status" "group_event_status" DEFAULT 'scheduled' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "group_events_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "group_events_title" CHECK (length("group_events"."title") between 1 and 200),
	CONSTRAINT "group_events_capacity" CHECK ("group_events"."capacity" between 1 and 1000),
	CONSTRAINT "group_events_seats_within_capacity" CHECK ("group_events"."seats_taken" between 0 and "group_events"."capacity"),
	CONSTRAINT "group_events_price" CHECK ("group_events"."price_cents" is null or "group_events"."price_cents" >= 50),
	CONSTRAINT "group_events_currency" CHECK ("group_events"."currency" in ('USD', 'GBP', 'EUR', 'AUD')),
	CONSTRAINT "group_events_cancellation_hours" CHECK ("group_events"."cancellation_hours" between 0 and 720),
	CONSTRAINT "group_events_location" CHECK ("group_events"."format" = 'online' or "group_events"."location" is not null),
	CONSTRAINT "group_events_cancelled" CHECK (("group_events"."status" = 'cancelled') = ("group_events"."cancelled_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_subject";--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "event_registration_id" uuid;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_registration_fkey" FOREIGN KEY ("practice_id","registration_id") REFERENCES "public"."event_registrations"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_session_fkey" FOREIGN KEY ("practice_id","session_id") REFERENCES "public"."event_sessions"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_attendance" ADD CONSTRAINT "event_attendance_member_fkey" FOREIGN KEY ("practice_id","marked_by_member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_hosts" ADD CONSTRAINT "event_hosts_event_fkey" FOREIGN KEY ("practice_id","event_id") REFERENCES "public"."group_events"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_hosts" ADD CONSTRAINT "event_hosts_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_notices" ADD CONSTRAINT "event_notices_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_notices" ADD CONSTRAINT "event_notices_registration_fkey" FOREIGN KEY ("practice_id","registration_id") REFERENCES "public"."event_registrations"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_notices" ADD CONSTRAINT "event_notices_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_fkey" FOREIGN KEY ("practice_id","event_id") REFERENCES "public"."group_events"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_partner_fkey" FOREIGN KEY ("practice_id","partner_client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_event_fkey" FOREIGN KEY ("practice_id","event_id") REFERENCES "public"."group_events"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_waitlist" ADD CONSTRAINT "event_waitlist_event_fkey" FOREIGN KEY ("practice_id","event_id") REFERENCES "public"."group_events"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_waitlist" ADD CONSTRAINT "event_waitlist_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_waitlist" ADD CONSTRAINT "event_waitlist_partner_fkey" FOREIGN KEY ("practice_id","partner_client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_waitlist" ADD CONSTRAINT "event_waitlist_registration_fkey" FOREIGN KEY ("practice_id","registration_id") REFERENCES "public"."event_registrations"("practice_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_events" ADD CONSTRAINT "group_events_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_events" ADD CONSTRAINT "group_events_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_attendance_session_id_idx" ON "event_attendance" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "event_attendance_marked_by_member_id_idx" ON "event_attendance" USING btree ("marked_by_member_id");--> statement-breakpoint
CREATE INDEX "event_hosts_member_id_idx" ON "event_hosts" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "event_notices_practice_id_idx" ON "event_notices" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "event_notices_registration_id_idx" ON "event_notices" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "event_notices_client_id_idx" ON "event_notices" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "event_notices_unsent_idx" ON "event_notices" USING btree ("created_at") WHERE "event_notices"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "event_registrations_event_id_idx" ON "event_registrations" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "event_registrations_client_id_idx" ON "event_registrations" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "event_registrations_partner_client_id_idx" ON "event_registrations" USING btree ("partner_client_id");--> statement-breakpoint
CREATE INDEX "event_sessions_event_id_idx" ON "event_sessions" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "event_waitlist_event_id_idx" ON "event_waitlist" USING btree ("event_id","status","position");--> statement-breakpoint
CREATE INDEX "event_waitlist_client_id_idx" ON "event_waitlist" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "event_waitlist_partner_client_id_idx" ON "event_waitlist" USING btree ("partner_client_id");--> statement-breakpoint
CREATE INDEX "event_waitlist_registration_id_idx" ON "event_waitlist" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "group_events_practice_id_idx" ON "group_events" USING btree ("practice_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_event_registration_fkey" FOREIGN KEY ("practice_id","event_registration_id") REFERENCES "public"."event_registrations"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_event_registration_id_idx" ON "payments" USING btree ("event_registration_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_subject" CHECK (("payments"."kind" in ('session', 'deposit') and "payments"."appointment_id" is not null) or ("payments"."kind" = 'fee' and "payments"."fee_id" is not null) or ("payments"."kind" = 'package' and "payments"."purchase_id" is not null) or ("payments"."kind"::text = 'product' and "payments"."product_order_id" is not null) or ("payments"."kind"::text = 'event_seat' and "payments"."event_registration_id" is not null));--> statement-breakpoint
-- hand-written below

-- The seat count (decision 0055). Every statement that takes or frees seats
-- (a registration inserted live, or its status moving in or out of
-- held/confirmed) moves group_events.seats_taken in the same statement. The
-- UPDATE locks the event row, so concurrent buyers queue on it, and
-- group_events_seats_within_capacity refuses the one that would pass the
-- capacity: the last seat cannot be sold twice. A cancelled event takes no
-- new seats (group_events_open).
CREATE FUNCTION event_registrations_count_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was integer := 0;
  now_live integer := 0;
  delta integer;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.seats <> OLD.seats OR NEW.event_id <> OLD.event_id THEN
      RAISE EXCEPTION 'a registration keeps its event and seats' USING ERRCODE = '23514', CONSTRAINT = 'event_registrations_fixed';
    END IF;
    IF OLD.status IN ('held', 'confirmed') THEN was := OLD.seats; END IF;
  END IF;
  IF NEW.status IN ('held', 'confirmed') THEN now_live := NEW.seats; END IF;
  delta := now_live - was;
  IF delta > 0 THEN
    UPDATE group_events SET seats_taken = seats_taken + delta WHERE id = NEW.event_id AND status = 'scheduled';
    IF NOT FOUND THEN
      RAISE EXCEPTION 'event % is not taking sign-ups', NEW.event_id USING ERRCODE = '23514', CONSTRAINT = 'group_events_open';
    END IF;
  ELSIF delta < 0 THEN
    UPDATE group_events SET seats_taken = seats_taken + delta WHERE id = NEW.event_id;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER event_registrations_count_seats AFTER INSERT OR UPDATE ON event_registrations
  FOR EACH ROW EXECUTE FUNCTION event_registrations_count_seats();--> statement-breakpoint
-- A live registration deleted (a client erased) gives its seats back.
CREATE FUNCTION event_registrations_release_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status IN ('held', 'confirmed') AND EXISTS (SELECT 1 FROM group_events WHERE id = OLD.event_id) THEN
    UPDATE group_events SET seats_taken = seats_taken - OLD.seats WHERE id = OLD.event_id;
  END IF;
  RETURN OLD;
END $$;--> statement-breakpoint
CREATE TRIGGER event_registrations_release_on_delete AFTER DELETE ON event_registrations
  FOR EACH ROW EXECUTE FUNCTION event_registrations_release_on_delete();
