ALTER TABLE "practices" ADD COLUMN "video_url_pattern" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "video_url" text;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_video_url_pattern" CHECK ("practices"."video_url_pattern" is null or ("practices"."video_url_pattern" ~ '^https://' and position('{appointment}' in "practices"."video_url_pattern") > 0));--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_video_url" CHECK ("appointments"."video_url" is null or ("appointments"."format" = 'online' and "appointments"."video_url" ~ '^https://'));--> statement-breakpoint
-- Online sessions booked before this migration keep the link they would have had: the clinician's standing room.
UPDATE "appointments" AS a SET "video_url" = m."video_url" FROM "members" AS m WHERE m."id" = a."member_id" AND a."format" = 'online' AND a."video_url" IS NULL AND m."video_url" ~ '^https://';
