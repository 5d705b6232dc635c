ALTER TABLE "form_responses" ADD CONSTRAINT "form_responses_practice_id_client_id_id_key" UNIQUE("practice_id","client_id","id");--> statement-breakpoint
CREATE TABLE "safety_flag_notifications" (
	"practice_id" uuid NOT NULL,
	"flag_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "safety_flag_notifications_pkey" PRIMARY KEY("flag_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "safety_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by_user_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledgement_note" text,
	CONSTRAINT "safety_flags_response_id_question_key_key" UNIQUE("response_id","question_key"),
	CONSTRAINT "safety_flags_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "safety_flags_acknowledgement" CHECK (("safety_flags"."acknowledged_by_user_id" is null and "safety_flags"."acknowledged_at" is null and "safety_flags"."acknowledgement_note" is null) or ("safety_flags"."acknowledged_by_user_id" is not null and "safety_flags"."acknowledged_at" is not null and "safety_flags"."acknowledgement_note" is not null)),
	CONSTRAINT "safety_flags_note_length" CHECK ("safety_flags"."acknowledgement_note" is null or length("safety_flags"."acknowledgement_note") between 3 and 2000),
	CONSTRAINT "safety_flags_acknowledged_after_raised" CHECK ("safety_flags"."acknowledged_at" is null or "safety_flags"."acknowledged_at" >= "safety_flags"."raised_at"),
	CONSTRAINT "safety_flags_question_key" CHECK (length("safety_flags"."question_key") between 1 and 48)
);
--> statement-breakpoint
ALTER TABLE "safety_flag_notifications" ADD CONSTRAINT "safety_flag_notifications_flag_fkey" FOREIGN KEY ("practice_id","flag_id") REFERENCES "public"."safety_flags"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_flag_notifications" ADD CONSTRAINT "safety_flag_notifications_member_fkey" FOREIGN KEY ("practice_id","member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_flags" ADD CONSTRAINT "safety_flags_acknowledged_by_user_id_users_id_fk" FOREIGN KEY ("acknowledged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_flags" ADD CONSTRAINT "safety_flags_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_flags" ADD CONSTRAINT "safety_flags_response_fkey" FOREIGN KEY ("practice_id","client_id","response_id") REFERENCES "public"."form_responses"("practice_id","client_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "safety_flag_notifications_member_id_idx" ON "safety_flag_notifications" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "safety_flag_notifications_unsent_idx" ON "safety_flag_notifications" USING btree ("created_at") WHERE "safety_flag_notifications"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "safety_flags_client_id_idx" ON "safety_flags" USING btree ("client_id","raised_at");--> statement-breakpoint
CREATE INDEX "safety_flags_open_idx" ON "safety_flags" USING btree ("practice_id","raised_at") WHERE "safety_flags"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "safety_flags_acknowledged_by_user_id_idx" ON "safety_flags" USING btree ("acknowledged_by_user_id");--> statement-breakpoint
--> statement-breakpoint
-- Hand-written: a flag is about one answer, for good; once acknowledged it
-- never changes (who acknowledged, when and the note stay as written). The
-- all-or-nothing acknowledgement is the check safety_flags_acknowledgement.
CREATE FUNCTION safety_flags_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.acknowledged_at IS NOT NULL THEN
    RAISE EXCEPTION 'an acknowledged safety flag cannot change' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.practice_id <> OLD.practice_id OR NEW.client_id <> OLD.client_id OR NEW.response_id <> OLD.response_id
     OR NEW.question_key <> OLD.question_key OR NEW.raised_at <> OLD.raised_at THEN
    RAISE EXCEPTION 'a safety flag keeps the answer it was raised for' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER safety_flags_no_change BEFORE UPDATE ON safety_flags
  FOR EACH ROW EXECUTE FUNCTION safety_flags_guard();
