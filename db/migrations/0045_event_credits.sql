ALTER TABLE "credit_uses" ALTER COLUMN "appointment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "credit_uses" ADD COLUMN "event_registration_id" uuid;--> statement-breakpoint
ALTER TABLE "credit_uses" ADD COLUMN "seat" smallint;--> statement-breakpoint
ALTER TABLE "group_events" ADD COLUMN "credit_package_id" uuid;--> statement-breakpoint
ALTER TABLE "credit_uses" ADD CONSTRAINT "credit_uses_event_registration_fkey" FOREIGN KEY ("practice_id","event_registration_id") REFERENCES "public"."event_registrations"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_events" ADD CONSTRAINT "group_events_credit_package_fkey" FOREIGN KEY ("practice_id","credit_package_id") REFERENCES "public"."packages"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_uses_event_registration_id_idx" ON "credit_uses" USING btree ("event_registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_uses_event_seat_live_key" ON "credit_uses" USING btree ("event_registration_id","seat") WHERE "credit_uses"."returned_at" is null;--> statement-breakpoint
CREATE INDEX "group_events_credit_package_id_idx" ON "group_events" USING btree ("credit_package_id");--> statement-breakpoint
ALTER TABLE "credit_uses" ADD CONSTRAINT "credit_uses_subject" CHECK (("credit_uses"."appointment_id" is not null and "credit_uses"."event_registration_id" is null and "credit_uses"."seat" is null) or ("credit_uses"."appointment_id" is null and "credit_uses"."event_registration_id" is not null and "credit_uses"."seat" in (1, 2)));