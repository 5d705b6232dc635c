CREATE TYPE "public"."feed_summary" AS ENUM('session', 'initials');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"member_id" uuid,
	"client_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_one_owner" CHECK (("calendar_feeds"."member_id" is null) <> ("calendar_feeds"."client_id" is null))
);
--> statement-breakpoint
CREATE TABLE "calendar_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"feed_summary" "feed_summary" DEFAULT 'session' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_practice_fkey" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_settings" ADD CONSTRAINT "calendar_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calendar_feeds_practice_id_idx" ON "calendar_feeds" USING btree ("practice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_live_member_key" ON "calendar_feeds" USING btree ("member_id") WHERE "calendar_feeds"."revoked_at" is null and "calendar_feeds"."member_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_live_client_key" ON "calendar_feeds" USING btree ("client_id") WHERE "calendar_feeds"."revoked_at" is null and "calendar_feeds"."client_id" is not null;--> statement-breakpoint
CREATE INDEX "calendar_feeds_member_id_idx" ON "calendar_feeds" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "calendar_feeds_client_id_idx" ON "calendar_feeds" USING btree ("client_id");