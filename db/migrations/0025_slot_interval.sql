ALTER TABLE "services" DROP CONSTRAINT "services_step";--> statement-breakpoint
ALTER TABLE "services" ALTER COLUMN "slot_step_minutes" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "services" ALTER COLUMN "slot_step_minutes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_step" CHECK ("services"."slot_step_minutes" is null or "services"."slot_step_minutes" between 5 and 240);--> statement-breakpoint
-- 15 was the column's default and the form's prefilled value, so a stored 15 cannot be told from
-- "never chosen"; it becomes the new default (one session length apart). Decision 0041.
UPDATE "services" SET "slot_step_minutes" = NULL WHERE "slot_step_minutes" = 15;
