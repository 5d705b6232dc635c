CREATE TYPE "public"."series_frequency" AS ENUM('weekly', 'biweekly', 'monthly');--> statement-breakpoint
CREATE TABLE "appointment_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"partner_client_id" uuid,
	"couple_id" uuid,
	"frequency" "series_frequency" NOT NULL,
	"first_date" date NOT NULL,
	"local_time" text NOT NULL,
	"time_zone" text NOT NULL,
	"occurrence_count" smallint,
	"until_date" date,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "appointment_series_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "appointment_series_end" CHECK (("appointment_series"."occurrence_count" is null) <> ("appointment_series"."until_date" is null)),
	CONSTRAINT "appointment_series_count" CHECK ("appointment_series"."occurrence_count" is null or "appointment_series"."occurrence_count" between 1 and 52),
	CONSTRAINT "appointment_series_until" CHECK ("appointment_series"."until_date" is null or "appointment_series"."until_date" between "appointment_series"."first_date" and "appointment_series"."first_date" + 731),
	CONSTRAINT "appointment_series_local_time" CHECK ("appointment_series"."local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "appointment_series_time_zone" CHECK (char_length("appointment_series"."time_zone") between 1 and 64),
	CONSTRAINT "appointment_series_partner" CHECK ("appointment_series"."partner_client_id" is null or "appointment_series"."partner_client_id" <> "appointment_series"."client_id")
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "series_id" uuid;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "series_index" smallint;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_practice_fkey" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_service_fkey" FOREIGN KEY ("practice_id","service_id") REFERENCES "public"."services"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_partner_fkey" FOREIGN KEY ("practice_id","partner_client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_couple_fkey" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_series_practice_id_idx" ON "appointment_series" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "appointment_series_service_id_idx" ON "appointment_series" USING btree ("practice_id","service_id");--> statement-breakpoint
CREATE INDEX "appointment_series_member_id_idx" ON "appointment_series" USING btree ("practice_id","member_id");--> statement-breakpoint
CREATE INDEX "appointment_series_client_id_idx" ON "appointment_series" USING btree ("practice_id","client_id");--> statement-breakpoint
CREATE INDEX "appointment_series_partner_client_id_idx" ON "appointment_series" USING btree ("practice_id","partner_client_id");--> statement-breakpoint
CREATE INDEX "appointment_series_couple_id_idx" ON "appointment_series" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "appointment_series_created_by_user_id_idx" ON "appointment_series" USING btree ("created_by_user_id");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_series_fkey" FOREIGN KEY ("practice_id","series_id") REFERENCES "public"."appointment_series"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_series_occurrence_key" ON "appointments" USING btree ("series_id","series_index") WHERE "appointments"."series_id" is not null;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_series_index" CHECK ("appointments"."series_id" is null or "appointments"."series_index" between 0 and 51);--> statement-breakpoint
-- hand-written below

-- Deleting a series (only ever with its practice or client) leaves its appointments as single sessions:
-- SET NULL on series_id alone, since practice_id is part of the key and must stay.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_series_fkey";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_series_fkey" FOREIGN KEY ("practice_id","series_id") REFERENCES "public"."appointment_series"("practice_id","id") ON DELETE SET NULL ("series_id") ON UPDATE no action;--> statement-breakpoint

-- An occurrence is with the series' clinician and service, and an ended series takes no new occurrence.
CREATE FUNCTION appointments_series_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.series_id IS NULL THEN
    RETURN NEW;
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM appointment_series s
    WHERE s.id = NEW.series_id AND s.practice_id = NEW.practice_id
      AND s.member_id = NEW.member_id AND s.service_id = NEW.service_id
      AND (TG_OP = 'UPDATE' AND OLD.series_id IS NOT DISTINCT FROM NEW.series_id OR s.ended_at IS NULL)
  ) THEN
    RAISE EXCEPTION 'an occurrence must match its open series'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'appointments_series_scope';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER appointments_series_scope BEFORE INSERT OR UPDATE OF series_id, member_id, service_id ON appointments
  FOR EACH ROW EXECUTE FUNCTION appointments_series_scope();
