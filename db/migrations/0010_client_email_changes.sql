CREATE TABLE "client_email_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"new_email" text NOT NULL,
	"requested_by_user_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_email_changes_new_email_lower" CHECK ("client_email_changes"."new_email" = lower("client_email_changes"."new_email")),
	CONSTRAINT "client_email_changes_one_outcome" CHECK ("client_email_changes"."confirmed_at" is null or "client_email_changes"."cancelled_at" is null)
);
--> statement-breakpoint
ALTER TABLE "client_email_changes" ADD CONSTRAINT "client_email_changes_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_email_changes" ADD CONSTRAINT "client_email_changes_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_email_changes" ADD CONSTRAINT "client_email_changes_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "client_email_changes_open_key" ON "client_email_changes" USING btree ("client_id") WHERE "client_email_changes"."confirmed_at" is null and "client_email_changes"."cancelled_at" is null;--> statement-breakpoint
CREATE INDEX "client_email_changes_practice_id_client_id_idx" ON "client_email_changes" USING btree ("practice_id","client_id");--> statement-breakpoint
CREATE INDEX "client_email_changes_requested_by_user_id_idx" ON "client_email_changes" USING btree ("requested_by_user_id");