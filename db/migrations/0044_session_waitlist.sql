CREATE TYPE "public"."waitlist_created_by" AS ENUM('self', 'staff');--> statement-breakpoint
CREATE TYPE "public"."waitlist_entry_status" AS ENUM('waiting', 'offered', 'booked', 'left', 'expired');--> statement-breakpoint
CREATE TYPE "public"."waitlist_mode" AS ENUM('first_in_line', 'all_at_once');--> statement-breakpoint
CREATE TYPE "public"."waitlist_offer_status" AS ENUM('offered', 'accepted', 'expired', 'declined', 'lost');--> statement-breakpoint
CREATE TYPE "public"."waitlist_opening_source" AS ENUM('cancelled', 'rescheduled', 'expired', 'availability');--> statement-breakpoint
CREATE TABLE "waitlist_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"member_id" uuid,
	"client_id" uuid NOT NULL,
	"partner_client_id" uuid,
	"couple_id" uuid,
	"days_of_week" smallint[] DEFAULT '{}'::smallint[] NOT NULL,
	"times_of_day" text[] DEFAULT '{}'::text[] NOT NULL,
	"range_start_minute" smallint,
	"range_end_minute" smallint,
	"created_by" "waitlist_created_by" NOT NULL,
	"created_by_user_id" uuid,
	"status" "waitlist_entry_status" DEFAULT 'waiting' NOT NULL,
	"expires_at" timestamp with time zone,
	"booked_appointment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_entries_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "waitlist_entries_days" CHECK ("waitlist_entries"."days_of_week" <@ '{1,2,3,4,5,6,7}'::smallint[]),
	CONSTRAINT "waitlist_entries_times" CHECK ("waitlist_entries"."times_of_day" <@ '{morning,afternoon,evening}'::text[]),
	CONSTRAINT "waitlist_entries_range" CHECK (("waitlist_entries"."range_start_minute" is null and "waitlist_entries"."range_end_minute" is null) or ("waitlist_entries"."range_start_minute" >= 0 and "waitlist_entries"."range_end_minute" <= 1440 and "waitlist_entries"."range_start_minute" < "waitlist_entries"."range_end_minute" and cardinality("waitlist_entries"."times_of_day") = 0)),
	CONSTRAINT "waitlist_entries_partner" CHECK (("waitlist_entries"."partner_client_id" is null) = ("waitlist_entries"."couple_id" is null) and ("waitlist_entries"."partner_client_id" is null or "waitlist_entries"."partner_client_id" <> "waitlist_entries"."client_id")),
	CONSTRAINT "waitlist_entries_booked" CHECK (("waitlist_entries"."status" = 'booked') = ("waitlist_entries"."booked_appointment_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "waitlist_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" "waitlist_offer_status" DEFAULT 'offered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "waitlist_offers_entry_time_key" UNIQUE("entry_id","member_id","starts_at"),
	CONSTRAINT "waitlist_offers_resolved" CHECK (("waitlist_offers"."status" = 'offered') = ("waitlist_offers"."resolved_at" is null))
);
--> statement-breakpoint
CREATE TABLE "waitlist_openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"source" "waitlist_opening_source" NOT NULL,
	"source_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "waitlist_openings_source_key_key" UNIQUE("source_key"),
	CONSTRAINT "waitlist_openings_range" CHECK ("waitlist_openings"."starts_at" < "waitlist_openings"."ends_at")
);
--> statement-breakpoint
CREATE TABLE "waitlist_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"mode" "waitlist_mode" DEFAULT 'first_in_line' NOT NULL,
	"hold_minutes" integer DEFAULT 120 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "waitlist_settings_hold_minutes" CHECK ("waitlist_settings"."hold_minutes" between 15 and 2880)
);
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_practice_fkey" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_service_fkey" FOREIGN KEY ("practice_id","service_id") REFERENCES "public"."services"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_partner_fkey" FOREIGN KEY ("practice_id","partner_client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_couple_fkey" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_booked_fkey" FOREIGN KEY ("practice_id","booked_appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_entry_fkey" FOREIGN KEY ("practice_id","entry_id") REFERENCES "public"."waitlist_entries"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_openings" ADD CONSTRAINT "waitlist_openings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_openings" ADD CONSTRAINT "waitlist_openings_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waitlist_settings" ADD CONSTRAINT "waitlist_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "waitlist_entries_practice_id_status_idx" ON "waitlist_entries" USING btree ("practice_id","status","created_at");--> statement-breakpoint
CREATE INDEX "waitlist_entries_service_id_idx" ON "waitlist_entries" USING btree ("practice_id","service_id");--> statement-breakpoint
CREATE INDEX "waitlist_entries_member_id_idx" ON "waitlist_entries" USING btree ("practice_id","member_id");--> statement-breakpoint
CREATE INDEX "waitlist_entries_client_id_idx" ON "waitlist_entries" USING btree ("practice_id","client_id");--> statement-breakpoint
CREATE INDEX "waitlist_entries_partner_client_id_idx" ON "waitlist_entries" USING btree ("practice_id","partner_client_id");--> statement-breakpoint
CREATE INDEX "waitlist_entries_couple_id_idx" ON "waitlist_entries" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "waitlist_entries_created_by_user_id_idx" ON "waitlist_entries" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "waitlist_entries_booked_appointment_id_idx" ON "waitlist_entries" USING btree ("practice_id","booked_appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_entries_live_key" ON "waitlist_entries" USING btree ("service_id","client_id") WHERE "waitlist_entries"."status" in ('waiting', 'offered');--> statement-breakpoint
CREATE INDEX "waitlist_offers_practice_id_idx" ON "waitlist_offers" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "waitlist_offers_appointment_id_idx" ON "waitlist_offers" USING btree ("practice_id","appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_one_accepted_key" ON "waitlist_offers" USING btree ("appointment_id") WHERE "waitlist_offers"."status" = 'accepted';--> statement-breakpoint
CREATE UNIQUE INDEX "waitlist_offers_one_open_key" ON "waitlist_offers" USING btree ("entry_id") WHERE "waitlist_offers"."status" = 'offered';--> statement-breakpoint
CREATE INDEX "waitlist_openings_practice_id_idx" ON "waitlist_openings" USING btree ("practice_id","member_id");--> statement-breakpoint
CREATE INDEX "waitlist_openings_due_idx" ON "waitlist_openings" USING btree ("created_at") WHERE "waitlist_openings"."processed_at" is null;--> statement-breakpoint
-- hand-written below

-- A couple entry names the couple's own two clients (either order), so an offer books both partners and nobody else.
CREATE FUNCTION waitlist_entries_couple_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.couple_id IS NULL THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM couples c
    WHERE c.id = NEW.couple_id AND c.practice_id = NEW.practice_id
      AND least(NEW.client_id, NEW.partner_client_id) = c.client_a_id
      AND greatest(NEW.client_id, NEW.partner_client_id) = c.client_b_id
  ) THEN
    RAISE EXCEPTION 'a couple entry must name the couple''s two clients'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'waitlist_entries_couple_scope';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER waitlist_entries_couple_scope BEFORE INSERT OR UPDATE OF couple_id, client_id, partner_client_id ON waitlist_entries
  FOR EACH ROW EXECUTE FUNCTION waitlist_entries_couple_scope();
