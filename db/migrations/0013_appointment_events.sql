CREATE TABLE "appointment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"practice_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"effects_done" text[] DEFAULT '{}'::text[] NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "appointment_events_key_key" UNIQUE("key"),
	CONSTRAINT "appointment_events_kind" CHECK ("appointment_events"."kind" in ('held', 'awaiting_payment', 'confirmed', 'rescheduled', 'cancelled', 'late_cancelled', 'completed', 'no_show', 'expired')),
	CONSTRAINT "appointment_events_attempts" CHECK ("appointment_events"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_events_appointment_id_idx" ON "appointment_events" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "appointment_events_practice_id_idx" ON "appointment_events" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "appointment_events_due_idx" ON "appointment_events" USING btree ("next_attempt_at") WHERE "appointment_events"."done_at" is null;--> statement-breakpoint
-- Booking confirmations queued by billing before this change now travel through the appointment outbox.
INSERT INTO "appointment_events" ("key", "practice_id", "appointment_id", "kind", "next_attempt_at", "created_at")
SELECT 'confirmed:' || a."id" || ':' || a."sequence", a."practice_id", a."id", 'confirmed', n."created_at", n."created_at"
FROM "billing_notifications" n JOIN "appointments" a ON a."id"::text = n."data"->>'appointmentId'
WHERE n."kind" = 'booking-confirmed' AND n."sent_at" IS NULL
ON CONFLICT ("key") DO NOTHING;--> statement-breakpoint
DELETE FROM "billing_notifications" WHERE "kind" = 'booking-confirmed';
