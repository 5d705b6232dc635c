CREATE TYPE "public"."note_kind" AS ENUM('progress', 'psychotherapy');--> statement-breakpoint
CREATE TYPE "public"."note_status" AS ENUM('draft', 'signed');--> statement-breakpoint
CREATE TABLE "note_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"author_user_id" uuid,
	"reason" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_addenda_reason" CHECK (char_length("note_addenda"."reason") between 1 and 500),
	CONSTRAINT "note_addenda_body" CHECK (char_length("note_addenda"."body") between 1 and 20000)
);
--> statement-breakpoint
CREATE TABLE "note_template_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_user_id" uuid,
	CONSTRAINT "note_template_versions_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "note_template_versions_template_id_version_key" UNIQUE("template_id","version"),
	CONSTRAINT "note_template_versions_version" CHECK ("note_template_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "note_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "note_templates_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "note_templates_practice_id_slug_key" UNIQUE("practice_id","slug"),
	CONSTRAINT "note_templates_slug_format" CHECK ("note_templates"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "note_templates_title" CHECK (length("note_templates"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "session_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"partner_client_id" uuid,
	"appointment_id" uuid,
	"kind" "note_kind" NOT NULL,
	"author_user_id" uuid,
	"template_version_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"diagnosis_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "note_status" DEFAULT 'draft' NOT NULL,
	"signed_by_user_id" uuid,
	"signed_at" timestamp with time zone,
	"cosign_required" boolean DEFAULT false NOT NULL,
	"cosigned_by_user_id" uuid,
	"cosigned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_notes_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "session_notes_two_people" CHECK ("session_notes"."partner_client_id" is null or "session_notes"."partner_client_id" <> "session_notes"."client_id"),
	CONSTRAINT "session_notes_signed" CHECK (("session_notes"."status" = 'signed') = ("session_notes"."signed_at" is not null)),
	CONSTRAINT "session_notes_cosigned" CHECK ("session_notes"."cosigned_at" is null or ("session_notes"."cosign_required" and "session_notes"."status" = 'signed')),
	CONSTRAINT "session_notes_cosigned_by" CHECK ("session_notes"."cosigned_by_user_id" is null or "session_notes"."cosigned_at" is not null),
	CONSTRAINT "session_notes_process_no_codes" CHECK ("session_notes"."kind" = 'progress' or cardinality("session_notes"."diagnosis_codes") = 0),
	CONSTRAINT "session_notes_codes" CHECK (cardinality("session_notes"."diagnosis_codes") <= 12),
	CONSTRAINT "session_notes_content_size" CHECK (pg_column_size("session_notes"."content") <= 200000)
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "supervised" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "practices" ADD COLUMN "note_sign_hours" integer DEFAULT 72 NOT NULL;--> statement-breakpoint
ALTER TABLE "note_addenda" ADD CONSTRAINT "note_addenda_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_addenda" ADD CONSTRAINT "note_addenda_note_fkey" FOREIGN KEY ("practice_id","note_id") REFERENCES "public"."session_notes"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_template_versions" ADD CONSTRAINT "note_template_versions_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_template_versions" ADD CONSTRAINT "note_template_versions_template_fkey" FOREIGN KEY ("practice_id","template_id") REFERENCES "public"."note_templates"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "note_templates" ADD CONSTRAINT "note_templates_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_signed_by_user_id_users_id_fk" FOREIGN KEY ("signed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_cosigned_by_user_id_users_id_fk" FOREIGN KEY ("cosigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_partner_fkey" FOREIGN KEY ("practice_id","partner_client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_notes" ADD CONSTRAINT "session_notes_template_version_fkey" FOREIGN KEY ("practice_id","template_version_id") REFERENCES "public"."note_template_versions"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "note_addenda_note_id_idx" ON "note_addenda" USING btree ("note_id","created_at");--> statement-breakpoint
CREATE INDEX "note_addenda_author_user_id_idx" ON "note_addenda" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "note_template_versions_published_by_user_id_idx" ON "note_template_versions" USING btree ("published_by_user_id");--> statement-breakpoint
CREATE INDEX "session_notes_client_id_idx" ON "session_notes" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "session_notes_partner_client_id_idx" ON "session_notes" USING btree ("partner_client_id");--> statement-breakpoint
CREATE INDEX "session_notes_appointment_id_idx" ON "session_notes" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "session_notes_template_version_id_idx" ON "session_notes" USING btree ("template_version_id");--> statement-breakpoint
CREATE INDEX "session_notes_author_user_id_idx" ON "session_notes" USING btree ("author_user_id");--> statement-breakpoint
CREATE INDEX "session_notes_signed_by_user_id_idx" ON "session_notes" USING btree ("signed_by_user_id");--> statement-breakpoint
CREATE INDEX "session_notes_cosigned_by_user_id_idx" ON "session_notes" USING btree ("cosigned_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_notes_one_progress_per_appointment" ON "session_notes" USING btree ("appointment_id") WHERE "session_notes"."kind" = 'progress' and "session_notes"."appointment_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "session_notes_one_process_per_author" ON "session_notes" USING btree ("appointment_id","author_user_id") WHERE "session_notes"."kind" = 'psychotherapy' and "session_notes"."appointment_id" is not null;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_note_sign_hours" CHECK ("practices"."note_sign_hours" between 1 and 720);-- hand-written below

-- A template version is what notes were written on: it never changes.
CREATE FUNCTION note_template_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A member's account being deleted nulls the publisher only.
  IF NEW.definition = OLD.definition AND NEW.version = OLD.version AND NEW.template_id = OLD.template_id
     AND NEW.practice_id = OLD.practice_id AND NEW.published_at = OLD.published_at
     AND NEW.published_by_user_id IS NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a note template version cannot be changed; publish a new version'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'note_template_versions_immutable';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER note_template_versions_immutable BEFORE UPDATE ON note_template_versions
  FOR EACH ROW EXECUTE FUNCTION note_template_versions_immutable();
--> statement-breakpoint

-- Draft -> signed, and then locked. A draft is edited freely by the app (only
-- its author, which lib/notes checks), but only its author signs it. A signed
-- note changes once more at most: the co-signature, when one is required. The
-- other change allowed is an account deletion nulling a user id. Corrections
-- are addenda.
CREATE FUNCTION session_notes_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The one move allowed: folding an unverified booking record into the client it proved to be
  -- (lib/clients/merge-client.ts names the record it folds, for its own transaction only).
  IF (NEW.client_id <> OLD.client_id OR NEW.partner_client_id IS DISTINCT FROM OLD.partner_client_id)
     AND current_setting('tandem.merging_client', true) IS NOT NULL
     AND current_setting('tandem.merging_client', true) IN (OLD.client_id::text, OLD.partner_client_id::text)
     AND (NEW.client_id = OLD.client_id OR OLD.client_id::text = current_setting('tandem.merging_client', true))
     AND (NEW.partner_client_id IS NOT DISTINCT FROM OLD.partner_client_id OR OLD.partner_client_id::text = current_setting('tandem.merging_client', true)) THEN
    OLD.client_id := NEW.client_id;
    OLD.partner_client_id := NEW.partner_client_id;
  END IF;
  IF NEW.practice_id <> OLD.practice_id OR NEW.kind <> OLD.kind OR NEW.client_id <> OLD.client_id
     OR NEW.partner_client_id IS DISTINCT FROM OLD.partner_client_id
     OR NEW.appointment_id IS DISTINCT FROM OLD.appointment_id
     OR NEW.created_at <> OLD.created_at
     OR (NEW.author_user_id IS NOT NULL AND NEW.author_user_id IS DISTINCT FROM OLD.author_user_id) THEN
    RAISE EXCEPTION 'a note cannot move to another client, appointment, kind or author'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'session_notes_locked';
  END IF;
  IF OLD.status = 'draft' THEN
    IF NEW.status = 'signed' AND (NEW.signed_by_user_id IS NULL OR NEW.signed_by_user_id IS DISTINCT FROM NEW.author_user_id) THEN
      RAISE EXCEPTION 'only the author signs a note'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'session_notes_signer';
    END IF;
    RETURN NEW;
  END IF;
  -- Signed: everything that was signed stays as it was.
  IF NEW.status = OLD.status AND NEW.content = OLD.content AND NEW.diagnosis_codes = OLD.diagnosis_codes
     AND NEW.template_version_id = OLD.template_version_id AND NEW.signed_at = OLD.signed_at
     AND NEW.updated_at = OLD.updated_at AND NEW.cosign_required = OLD.cosign_required
     AND (NEW.signed_by_user_id IS NULL OR NEW.signed_by_user_id = OLD.signed_by_user_id) THEN
    -- The co-signature: given once, by someone other than the author, then kept.
    IF OLD.cosigned_at IS NULL AND NEW.cosigned_at IS NOT NULL THEN
      IF NEW.cosigned_by_user_id IS NULL OR NEW.cosigned_by_user_id IS NOT DISTINCT FROM OLD.author_user_id THEN
        RAISE EXCEPTION 'a note is co-signed by someone other than its author'
          USING ERRCODE = 'check_violation', CONSTRAINT = 'session_notes_cosigner';
      END IF;
      RETURN NEW;
    END IF;
    IF NEW.cosigned_at IS NOT DISTINCT FROM OLD.cosigned_at
       AND (NEW.cosigned_by_user_id IS NULL OR NEW.cosigned_by_user_id IS NOT DISTINCT FROM OLD.cosigned_by_user_id) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'a signed note cannot be changed; add an addendum'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'session_notes_locked';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER session_notes_locked BEFORE UPDATE ON session_notes
  FOR EACH ROW EXECUTE FUNCTION session_notes_locked();
--> statement-breakpoint

-- A signed note is kept. Deleting its client or practice still cascades: by
-- then the client row is gone.
CREATE FUNCTION session_notes_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'signed' AND EXISTS (SELECT 1 FROM clients c WHERE c.id = OLD.client_id) THEN
    RAISE EXCEPTION 'a signed note cannot be deleted'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'session_notes_kept';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER session_notes_kept BEFORE DELETE ON session_notes
  FOR EACH ROW EXECUTE FUNCTION session_notes_kept();
--> statement-breakpoint

-- An addendum goes only on a signed note of the same practice.
CREATE FUNCTION note_addenda_on_signed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM session_notes n WHERE n.id = NEW.note_id AND n.practice_id = NEW.practice_id AND n.status = 'signed') THEN
    RAISE EXCEPTION 'an addendum goes on a signed note; edit the draft instead'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'note_addenda_on_signed';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER note_addenda_on_signed BEFORE INSERT ON note_addenda
  FOR EACH ROW EXECUTE FUNCTION note_addenda_on_signed();
--> statement-breakpoint

-- Addenda are insert-only: never changed (but an account deletion nulling the
-- author), never deleted while their note exists.
CREATE FUNCTION note_addenda_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM session_notes n WHERE n.id = OLD.note_id) THEN
      RAISE EXCEPTION 'an addendum cannot be deleted'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'note_addenda_immutable';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.id = OLD.id AND NEW.practice_id = OLD.practice_id AND NEW.note_id = OLD.note_id AND NEW.reason = OLD.reason
     AND NEW.body = OLD.body AND NEW.created_at = OLD.created_at AND NEW.author_user_id IS NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'an addendum cannot be changed'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'note_addenda_immutable';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER note_addenda_immutable BEFORE UPDATE OR DELETE ON note_addenda
  FOR EACH ROW EXECUTE FUNCTION note_addenda_immutable();
