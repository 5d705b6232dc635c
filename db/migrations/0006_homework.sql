CREATE TYPE "public"."assignment_mode" AS ENUM('individual', 'together', 'each_partner');--> statement-breakpoint
CREATE TYPE "public"."exercise_category" AS ENUM('connection', 'communication', 'touch', 'desire', 'self_care', 'mental_load', 'eft_cycle', 'dates_rituals', 'pelvic_health');--> statement-breakpoint
CREATE TYPE "public"."exercise_participants" AS ENUM('individual', 'couple_together', 'each_partner');--> statement-breakpoint
CREATE TABLE "homework_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid,
	"couple_id" uuid,
	"exercise_id" uuid,
	"program_id" uuid,
	"mode" "assignment_mode" NOT NULL,
	"start_date" date NOT NULL,
	"times_per_week" smallint,
	"weeks" smallint,
	"due_date" date NOT NULL,
	"personal_note" text,
	"assigned_by_member_id" uuid,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_assignments_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "homework_assignments_one_assignee" CHECK (("homework_assignments"."client_id" is null) <> ("homework_assignments"."couple_id" is null)),
	CONSTRAINT "homework_assignments_one_subject" CHECK (("homework_assignments"."exercise_id" is null) <> ("homework_assignments"."program_id" is null)),
	CONSTRAINT "homework_assignments_mode" CHECK (("homework_assignments"."client_id" is not null and "homework_assignments"."mode" = 'individual') or ("homework_assignments"."couple_id" is not null and "homework_assignments"."mode" <> 'individual')),
	CONSTRAINT "homework_assignments_times" CHECK (("homework_assignments"."exercise_id" is null and "homework_assignments"."times_per_week" is null) or "homework_assignments"."times_per_week" between 1 and 14),
	CONSTRAINT "homework_assignments_weeks" CHECK ("homework_assignments"."weeks" between 1 and 26),
	CONSTRAINT "homework_assignments_dates" CHECK ("homework_assignments"."due_date" >= "homework_assignments"."start_date" and "homework_assignments"."due_date" <= "homework_assignments"."start_date" + 365),
	CONSTRAINT "homework_assignments_note" CHECK (char_length("homework_assignments"."personal_note") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "homework_check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"date" date NOT NULL,
	"done" boolean NOT NULL,
	"ratings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reflection" text,
	"shared_with_partner" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_check_ins_one_per_day_key" UNIQUE("assignment_id","exercise_id","client_id","date"),
	CONSTRAINT "homework_check_ins_reflection" CHECK (char_length("homework_check_ins"."reflection") between 1 and 4000),
	CONSTRAINT "homework_check_ins_share" CHECK (not "homework_check_ins"."shared_with_partner" or "homework_check_ins"."reflection" is not null),
	CONSTRAINT "homework_check_ins_ratings" CHECK (jsonb_typeof("homework_check_ins"."ratings") = 'object')
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid,
	"library_key" text,
	"source_exercise_id" uuid,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"instructions" text NOT NULL,
	"category" "exercise_category" NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"participants" "exercise_participants" NOT NULL,
	"frequency_per_week" smallint NOT NULL,
	"minutes" smallint NOT NULL,
	"prompts" jsonb NOT NULL,
	"clinician_notes" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exercises_library_key" CHECK (("exercises"."practice_id" is null) = ("exercises"."library_key" is not null)),
	CONSTRAINT "exercises_title" CHECK (char_length("exercises"."title") between 1 and 120),
	CONSTRAINT "exercises_summary" CHECK (char_length("exercises"."summary") between 1 and 400),
	CONSTRAINT "exercises_instructions" CHECK (char_length("exercises"."instructions") between 1 and 8000),
	CONSTRAINT "exercises_clinician_notes" CHECK (char_length("exercises"."clinician_notes") <= 4000),
	CONSTRAINT "exercises_frequency" CHECK ("exercises"."frequency_per_week" between 1 and 14),
	CONSTRAINT "exercises_minutes" CHECK ("exercises"."minutes" between 1 and 240),
	CONSTRAINT "exercises_tags" CHECK (cardinality("exercises"."tags") <= 12),
	CONSTRAINT "exercises_prompts_shape" CHECK (jsonb_typeof("exercises"."prompts") = 'object' and jsonb_typeof("exercises"."prompts"->'ratings') = 'array' and jsonb_typeof("exercises"."prompts"->'questions') = 'array')
);
--> statement-breakpoint
CREATE TABLE "homework_preferences" (
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"reminders_enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_preferences_pkey" PRIMARY KEY("client_id")
);
--> statement-breakpoint
CREATE TABLE "program_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"exercise_id" uuid NOT NULL,
	"week" smallint NOT NULL,
	"position" smallint NOT NULL,
	"times_per_week" smallint NOT NULL,
	CONSTRAINT "program_items_program_id_position_key" UNIQUE("program_id","position"),
	CONSTRAINT "program_items_program_id_week_exercise_id_key" UNIQUE("program_id","week","exercise_id"),
	CONSTRAINT "program_items_week" CHECK ("program_items"."week" between 1 and 26),
	CONSTRAINT "program_items_position" CHECK ("program_items"."position" >= 0),
	CONSTRAINT "program_items_times" CHECK ("program_items"."times_per_week" between 1 and 14)
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid,
	"library_key" text,
	"source_program_id" uuid,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"audience" "exercise_participants" NOT NULL,
	"weeks" smallint NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_library_key" CHECK (("programs"."practice_id" is null) = ("programs"."library_key" is not null)),
	CONSTRAINT "programs_title" CHECK (char_length("programs"."title") between 1 and 120),
	CONSTRAINT "programs_summary" CHECK (char_length("programs"."summary") between 1 and 1000),
	CONSTRAINT "programs_weeks" CHECK ("programs"."weeks" between 1 and 26)
);
--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_assigned_by_member_id_members_id_fk" FOREIGN KEY ("assigned_by_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_couple_fkey" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_exercise_fkey" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_program_fkey" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_check_ins" ADD CONSTRAINT "homework_check_ins_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_check_ins" ADD CONSTRAINT "homework_check_ins_assignment_fkey" FOREIGN KEY ("practice_id","assignment_id") REFERENCES "public"."homework_assignments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_check_ins" ADD CONSTRAINT "homework_check_ins_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_source_fkey" FOREIGN KEY ("source_exercise_id") REFERENCES "public"."exercises"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_preferences" ADD CONSTRAINT "homework_preferences_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_items" ADD CONSTRAINT "program_items_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_items" ADD CONSTRAINT "program_items_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_source_fkey" FOREIGN KEY ("source_program_id") REFERENCES "public"."programs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "homework_assignments_practice_id_idx" ON "homework_assignments" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "homework_assignments_client_id_idx" ON "homework_assignments" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "homework_assignments_couple_id_idx" ON "homework_assignments" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "homework_assignments_exercise_id_idx" ON "homework_assignments" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "homework_assignments_program_id_idx" ON "homework_assignments" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "homework_assignments_assigned_by_member_id_idx" ON "homework_assignments" USING btree ("assigned_by_member_id");--> statement-breakpoint
CREATE INDEX "homework_check_ins_client_id_date_idx" ON "homework_check_ins" USING btree ("client_id","date");--> statement-breakpoint
CREATE INDEX "homework_check_ins_exercise_id_idx" ON "homework_check_ins" USING btree ("exercise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exercises_library_key_key" ON "exercises" USING btree ("library_key");--> statement-breakpoint
CREATE INDEX "exercises_practice_id_idx" ON "exercises" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "exercises_source_exercise_id_idx" ON "exercises" USING btree ("source_exercise_id");--> statement-breakpoint
CREATE INDEX "homework_preferences_practice_id_idx" ON "homework_preferences" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "program_items_exercise_id_idx" ON "program_items" USING btree ("exercise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programs_library_key_key" ON "programs" USING btree ("library_key");--> statement-breakpoint
CREATE INDEX "programs_practice_id_idx" ON "programs" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "programs_source_program_id_idx" ON "programs" USING btree ("source_program_id");