CREATE TYPE "public"."message_author_kind" AS ENUM('client', 'staff');--> statement-breakpoint
CREATE TYPE "public"."message_email_mode" AS ENUM('each', 'digest');--> statement-breakpoint
CREATE TYPE "public"."thread_kind" AS ENUM('shared', 'own');--> statement-breakpoint
CREATE TYPE "public"."thread_status" AS ENUM('open', 'done');--> statement-breakpoint
CREATE TABLE "message_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_attachments_practice_id_storage_key_key" UNIQUE("practice_id","storage_key"),
	CONSTRAINT "message_attachments_content_type" CHECK ("message_attachments"."content_type" in ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')),
	CONSTRAINT "message_attachments_byte_size" CHECK ("message_attachments"."byte_size" between 1 and 20971520),
	CONSTRAINT "message_attachments_file_name_length" CHECK (char_length("message_attachments"."file_name") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "message_preferences" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"practice_id" uuid NOT NULL,
	"email_mode" "message_email_mode" DEFAULT 'each' NOT NULL,
	"digest_through" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"practice_id" uuid NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_kind" "message_author_kind" NOT NULL,
	"author_user_id" uuid,
	"author_client_id" uuid,
	"author_member_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_seq_key" UNIQUE("seq"),
	CONSTRAINT "messages_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "messages_body_length" CHECK (char_length("messages"."body") between 1 and 5000),
	CONSTRAINT "messages_author" CHECK (("messages"."author_kind" = 'client' and "messages"."author_client_id" is not null) or ("messages"."author_kind" = 'staff' and "messages"."author_client_id" is null))
);
--> statement-breakpoint
CREATE TABLE "messaging_settings" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"crisis_text" text,
	"front_desk_access" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messaging_settings_crisis_text_length" CHECK ("messaging_settings"."crisis_text" is null or char_length("messaging_settings"."crisis_text") between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "reply_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_templates_practice_id_title_key" UNIQUE("practice_id","title"),
	CONSTRAINT "reply_templates_title_length" CHECK (char_length("reply_templates"."title") between 1 and 80),
	CONSTRAINT "reply_templates_body_length" CHECK (char_length("reply_templates"."body") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "thread_members" (
	"thread_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"practice_id" uuid NOT NULL,
	"last_read_at" timestamp with time zone,
	"last_emailed_at" timestamp with time zone,
	CONSTRAINT "thread_members_pkey" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"kind" "thread_kind" NOT NULL,
	"client_id" uuid,
	"couple_id" uuid,
	"client_a_id" uuid,
	"client_b_id" uuid,
	"subject" text,
	"assigned_member_id" uuid,
	"status" "thread_status" DEFAULT 'open' NOT NULL,
	"last_message_at" timestamp with time zone,
	"last_author_kind" "message_author_kind",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "threads_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "threads_kind_owner" CHECK (("threads"."kind" = 'own' and "threads"."client_id" is not null and "threads"."client_a_id" is null and "threads"."client_b_id" is null and "threads"."couple_id" is null)
        or ("threads"."kind" = 'shared' and "threads"."client_id" is null and "threads"."client_a_id" is not null and "threads"."client_b_id" is not null and "threads"."client_a_id" < "threads"."client_b_id")),
	CONSTRAINT "threads_subject_length" CHECK ("threads"."subject" is null or char_length("threads"."subject") between 1 and 120)
);
--> statement-breakpoint
ALTER TABLE "message_attachments" ADD CONSTRAINT "message_attachments_message_fkey" FOREIGN KEY ("practice_id","message_id") REFERENCES "public"."messages"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_preferences" ADD CONSTRAINT "message_preferences_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_member_id_members_id_fk" FOREIGN KEY ("author_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_thread_fkey" FOREIGN KEY ("practice_id","thread_id") REFERENCES "public"."threads"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_client_fkey" FOREIGN KEY ("practice_id","author_client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messaging_settings" ADD CONSTRAINT "messaging_settings_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_members" ADD CONSTRAINT "thread_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "thread_members" ADD CONSTRAINT "thread_members_thread_fkey" FOREIGN KEY ("practice_id","thread_id") REFERENCES "public"."threads"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_assigned_member_id_members_id_fk" FOREIGN KEY ("assigned_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_client_a_fkey" FOREIGN KEY ("practice_id","client_a_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_client_b_fkey" FOREIGN KEY ("practice_id","client_b_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "threads" ADD CONSTRAINT "threads_couple_fkey" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_attachments_message_id_idx" ON "message_attachments" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "message_preferences_practice_id_idx" ON "message_preferences" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "messages_thread_id_seq_idx" ON "messages" USING btree ("thread_id","seq");--> statement-breakpoint
CREATE INDEX "messages_author_user_id_idx" ON "messages" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "messages_author_client_id_idx" ON "messages" USING btree ("author_client_id");--> statement-breakpoint
CREATE INDEX "messages_author_member_id_idx" ON "messages" USING btree ("author_member_id");--> statement-breakpoint
CREATE INDEX "thread_members_user_id_idx" ON "thread_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "threads_own_client_key" ON "threads" USING btree ("client_id") WHERE "threads"."kind" = 'own';--> statement-breakpoint
CREATE UNIQUE INDEX "threads_shared_pair_key" ON "threads" USING btree ("client_a_id","client_b_id") WHERE "threads"."kind" = 'shared';--> statement-breakpoint
CREATE INDEX "threads_client_b_id_idx" ON "threads" USING btree ("client_b_id");--> statement-breakpoint
CREATE INDEX "threads_couple_id_idx" ON "threads" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "threads_assigned_member_id_idx" ON "threads" USING btree ("assigned_member_id");--> statement-breakpoint
CREATE INDEX "threads_practice_id_last_message_at_idx" ON "threads" USING btree ("practice_id","last_message_at");--> statement-breakpoint
-- hand-written below
-- A message is what was said: nobody rewrites or removes one. Deletes that
-- cascade from a thread, client or practice going away (pg_trigger_depth > 1,
-- the foreign key's own trigger) are let through; a direct DELETE is not.
CREATE FUNCTION messages_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% of a message is not allowed: messages are immutable', lower(TG_OP) USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER messages_no_change BEFORE UPDATE OR DELETE ON messages
  FOR EACH ROW EXECUTE FUNCTION messages_immutable();
--> statement-breakpoint
CREATE TRIGGER message_attachments_no_change BEFORE UPDATE OR DELETE ON message_attachments
  FOR EACH ROW EXECUTE FUNCTION messages_immutable();
--> statement-breakpoint
-- A thread's assignee is a member of the thread's own practice.
CREATE FUNCTION threads_assignee_in_practice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.assigned_member_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM members m WHERE m.id = NEW.assigned_member_id AND m.practice_id = NEW.practice_id
  ) THEN
    RAISE EXCEPTION 'a thread is assigned to a member of its own practice' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER threads_assignee_check BEFORE INSERT OR UPDATE OF assigned_member_id ON threads
  FOR EACH ROW EXECUTE FUNCTION threads_assignee_in_practice();
