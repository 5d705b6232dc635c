CREATE TYPE "public"."data_export_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "data_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"requested_by_member_id" uuid,
	"status" "data_export_status" DEFAULT 'queued' NOT NULL,
	"tables_done" integer DEFAULT 0 NOT NULL,
	"tables_total" integer DEFAULT 0 NOT NULL,
	"rows_written" bigint DEFAULT 0 NOT NULL,
	"bytes" bigint,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "data_exports_progress" CHECK ("data_exports"."tables_done" >= 0 and "data_exports"."tables_done" <= "data_exports"."tables_total"),
	CONSTRAINT "data_exports_status_times" CHECK (("data_exports"."status" = 'queued' or "data_exports"."started_at" is not null) and (("data_exports"."status" in ('done', 'failed')) = ("data_exports"."finished_at" is not null)) and (("data_exports"."status" = 'done') = ("data_exports"."expires_at" is not null and "data_exports"."bytes" is not null)))
);
--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_requested_by_member_id_members_id_fk" FOREIGN KEY ("requested_by_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "data_exports_practice_id_created_at_idx" ON "data_exports" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "data_exports_requested_by_member_id_idx" ON "data_exports" USING btree ("requested_by_member_id");--> statement-breakpoint
CREATE INDEX "data_exports_status_idx" ON "data_exports" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "data_exports_one_open_key" ON "data_exports" USING btree ("practice_id") WHERE "data_exports"."status" in ('queued', 'running');