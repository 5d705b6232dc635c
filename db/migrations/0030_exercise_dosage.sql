CREATE TABLE "homework_sheet_items" (
	"sheet_id" uuid NOT NULL,
	"practice_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "homework_sheet_items_pkey" PRIMARY KEY("sheet_id","assignment_id"),
	CONSTRAINT "homework_sheet_items_sheet_id_position_key" UNIQUE("sheet_id","position"),
	CONSTRAINT "homework_sheet_items_position" CHECK ("homework_sheet_items"."position" between 0 and 49)
);
--> statement-breakpoint
CREATE TABLE "homework_sheets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"sent_by_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_sheets_practice_id_id_key" UNIQUE("practice_id","id")
);
--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD COLUMN "sets" smallint;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD COLUMN "repetitions" smallint;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD COLUMN "hold_seconds" smallint;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD COLUMN "rest_seconds" smallint;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD COLUMN "times_per_day" smallint;--> statement-breakpoint
ALTER TABLE "homework_check_ins" ADD COLUMN "sets_done" smallint;--> statement-breakpoint
ALTER TABLE "homework_check_ins" ADD COLUMN "repetitions_done" smallint;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "sets" smallint;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "repetitions" smallint;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "hold_seconds" smallint;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "rest_seconds" smallint;--> statement-breakpoint
ALTER TABLE "exercises" ADD COLUMN "times_per_day" smallint;--> statement-breakpoint
ALTER TABLE "homework_sheet_items" ADD CONSTRAINT "homework_sheet_items_sheet_fkey" FOREIGN KEY ("practice_id","sheet_id") REFERENCES "public"."homework_sheets"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_sheet_items" ADD CONSTRAINT "homework_sheet_items_assignment_fkey" FOREIGN KEY ("practice_id","assignment_id") REFERENCES "public"."homework_assignments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_sheets" ADD CONSTRAINT "homework_sheets_sent_by_member_id_members_id_fk" FOREIGN KEY ("sent_by_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_sheets" ADD CONSTRAINT "homework_sheets_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "homework_sheet_items_practice_id_idx" ON "homework_sheet_items" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "homework_sheet_items_assignment_id_idx" ON "homework_sheet_items" USING btree ("assignment_id");--> statement-breakpoint
CREATE INDEX "homework_sheets_practice_id_idx" ON "homework_sheets" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "homework_sheets_client_id_idx" ON "homework_sheets" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "homework_sheets_sent_by_member_id_idx" ON "homework_sheets" USING btree ("sent_by_member_id");--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_sets" CHECK ("homework_assignments"."sets" between 1 and 20);--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_repetitions" CHECK ("homework_assignments"."repetitions" between 1 and 100);--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_hold_seconds" CHECK ("homework_assignments"."hold_seconds" between 0 and 300);--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_rest_seconds" CHECK ("homework_assignments"."rest_seconds" between 0 and 600);--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_times_per_day" CHECK ("homework_assignments"."times_per_day" between 1 and 6);--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_days_per_week" CHECK ("homework_assignments"."times_per_day" is null or "homework_assignments"."times_per_week" <= 7);--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_dosage_subject" CHECK ("homework_assignments"."exercise_id" is not null or ("homework_assignments"."sets" is null and "homework_assignments"."repetitions" is null and "homework_assignments"."hold_seconds" is null and "homework_assignments"."rest_seconds" is null and "homework_assignments"."times_per_day" is null));--> statement-breakpoint
ALTER TABLE "homework_check_ins" ADD CONSTRAINT "homework_check_ins_sets_done" CHECK ("homework_check_ins"."sets_done" between 0 and 100);--> statement-breakpoint
ALTER TABLE "homework_check_ins" ADD CONSTRAINT "homework_check_ins_repetitions_done" CHECK ("homework_check_ins"."repetitions_done" between 0 and 1000);--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_sets" CHECK ("exercises"."sets" between 1 and 20);--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_repetitions" CHECK ("exercises"."repetitions" between 1 and 100);--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_hold_seconds" CHECK ("exercises"."hold_seconds" between 0 and 300);--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_rest_seconds" CHECK ("exercises"."rest_seconds" between 0 and 600);--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_times_per_day" CHECK ("exercises"."times_per_day" between 1 and 6);--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_days_per_week" CHECK ("exercises"."times_per_day" is null or "exercises"."frequency_per_week" <= 7);--> statement-breakpoint
-- hand-written below
-- A sheet carries only the sheet's client's own assignments or their couple's.
CREATE OR REPLACE FUNCTION homework_sheet_items_same_client() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM homework_sheets s
    JOIN homework_assignments a ON a.practice_id = s.practice_id AND a.id = NEW.assignment_id
    WHERE s.id = NEW.sheet_id AND (
      a.client_id = s.client_id
      OR a.couple_id IN (SELECT k.id FROM couples k WHERE k.client_a_id = s.client_id OR k.client_b_id = s.client_id)
    )
  ) THEN
    RAISE EXCEPTION 'homework sheet item is not the client''s homework' USING ERRCODE = 'check_violation', CONSTRAINT = 'homework_sheet_items_same_client';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS homework_sheet_items_same_client ON homework_sheet_items;
--> statement-breakpoint
CREATE TRIGGER homework_sheet_items_same_client BEFORE INSERT OR UPDATE ON homework_sheet_items
  FOR EACH ROW EXECUTE FUNCTION homework_sheet_items_same_client();
