CREATE TABLE "hold_claims" (
	"appointment_id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"ip" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hold_claims" ADD CONSTRAINT "hold_claims_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hold_claims" ADD CONSTRAINT "hold_claims_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hold_claims_ip_idx" ON "hold_claims" USING btree ("ip");--> statement-breakpoint
CREATE INDEX "hold_claims_practice_id_idx" ON "hold_claims" USING btree ("practice_id");