CREATE TYPE "public"."setup_step" AS ENUM('details', 'service', 'hours', 'payments', 'forms', 'team', 'publish');--> statement-breakpoint
CREATE TYPE "public"."setup_step_status" AS ENUM('done', 'skipped');--> statement-breakpoint
CREATE TABLE "practice_setup_steps" (
	"practice_id" uuid NOT NULL,
	"step" "setup_step" NOT NULL,
	"status" "setup_step_status" NOT NULL,
	"choice" text,
	"member_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_setup_steps_pkey" PRIMARY KEY("practice_id","step"),
	CONSTRAINT "practice_setup_steps_choice" CHECK ("practice_setup_steps"."choice" is null or "practice_setup_steps"."choice" ~ '^[a-z_]{1,40}$'),
	CONSTRAINT "practice_setup_steps_skipped_no_choice" CHECK ("practice_setup_steps"."status" = 'done' or "practice_setup_steps"."choice" is null)
);
--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "practice_setup_steps" ADD CONSTRAINT "practice_setup_steps_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_setup_steps" ADD CONSTRAINT "practice_setup_steps_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_setup_steps_member_id_idx" ON "practice_setup_steps" USING btree ("member_id");--> statement-breakpoint
-- Practices that existed before publishing was a step were already taking bookings: they stay live.
UPDATE "practices" SET "published_at" = "created_at" WHERE "published_at" IS NULL;
