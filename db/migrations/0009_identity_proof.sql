DROP INDEX "clients_practice_id_email_key";--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "unverified_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointment_attendees" ADD COLUMN "proven_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "clients_practice_id_email_key" ON "clients" USING btree ("practice_id","email") WHERE "clients"."unverified_since" is null;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_unverified_no_portal" CHECK ("clients"."unverified_since" is null or "clients"."user_id" is null);