CREATE TABLE "notification_preferences" (
	"practice_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"email" boolean NOT NULL,
	"in_app" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "notification_preferences_pkey" PRIMARY KEY("member_id","kind"),
	CONSTRAINT "notification_preferences_kind" CHECK ("notification_preferences"."kind" in ('booking_new', 'booking_changed', 'booking_cancelled', 'form_completed', 'safety_flag', 'payment_failed')),
	CONSTRAINT "notification_preferences_flags_in_app" CHECK ("notification_preferences"."kind" <> 'safety_flag' or "notification_preferences"."in_app")
);
--> statement-breakpoint
CREATE TABLE "staff_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"appointment_id" uuid,
	"client_id" uuid,
	"payment_id" uuid,
	"flag_id" uuid,
	"response_id" uuid,
	"in_app" boolean NOT NULL,
	"email" boolean NOT NULL,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	"email_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "staff_notifications_member_id_key_key" UNIQUE("member_id","key"),
	CONSTRAINT "staff_notifications_kind" CHECK ("staff_notifications"."kind" in ('booking_new', 'booking_changed', 'booking_cancelled', 'form_completed', 'safety_flag', 'payment_failed')),
	CONSTRAINT "staff_notifications_some_channel" CHECK ("staff_notifications"."in_app" or "staff_notifications"."email"),
	CONSTRAINT "staff_notifications_read_in_app" CHECK ("staff_notifications"."read_at" is null or "staff_notifications"."in_app")
);
--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notifications" ADD CONSTRAINT "staff_notifications_payment_fkey" FOREIGN KEY ("practice_id","payment_id") REFERENCES "public"."payments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_preferences_practice_id_idx" ON "notification_preferences" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "staff_notifications_member_unread_idx" ON "staff_notifications" USING btree ("member_id","created_at") WHERE "staff_notifications"."in_app" and "staff_notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "staff_notifications_member_id_idx" ON "staff_notifications" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "staff_notifications_appointment_id_idx" ON "staff_notifications" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "staff_notifications_client_id_idx" ON "staff_notifications" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "staff_notifications_payment_id_idx" ON "staff_notifications" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "staff_notifications_email_unsent_idx" ON "staff_notifications" USING btree ("created_at") WHERE "staff_notifications"."email" and "staff_notifications"."email_sent_at" is null;