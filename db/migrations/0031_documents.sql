CREATE TYPE "public"."document_kind" AS ENUM('view', 'sign');--> statement-breakpoint
CREATE TABLE "document_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"client_id" uuid,
	"couple_id" uuid,
	"shared_by_user_id" uuid,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"message" text,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "document_shares_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "document_shares_one_recipient" CHECK (("document_shares"."client_id" is null) <> ("document_shares"."couple_id" is null)),
	CONSTRAINT "document_shares_message" CHECK (char_length("document_shares"."message") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "document_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"share_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"signature_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signature_ip" text NOT NULL,
	"user_agent" text NOT NULL,
	"signed_storage_key" text NOT NULL,
	"signed_byte_size" integer NOT NULL,
	CONSTRAINT "document_signatures_share_id_client_id_key" UNIQUE("share_id","client_id"),
	CONSTRAINT "document_signatures_practice_id_signed_storage_key_key" UNIQUE("practice_id","signed_storage_key"),
	CONSTRAINT "document_signatures_name" CHECK (char_length("document_signatures"."signature_name") between 2 and 200),
	CONSTRAINT "document_signatures_ip" CHECK (char_length("document_signatures"."signature_ip") between 1 and 100),
	CONSTRAINT "document_signatures_user_agent" CHECK (char_length("document_signatures"."user_agent") <= 500),
	CONSTRAINT "document_signatures_signed_size" CHECK ("document_signatures"."signed_byte_size" >= 1)
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" "document_kind" NOT NULL,
	"storage_key" text NOT NULL,
	"filename" text NOT NULL,
	"byte_size" integer NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "documents_practice_id_storage_key_key" UNIQUE("practice_id","storage_key"),
	CONSTRAINT "documents_title" CHECK (char_length("documents"."title") between 1 and 200),
	CONSTRAINT "documents_filename" CHECK (char_length("documents"."filename") between 1 and 255),
	CONSTRAINT "documents_byte_size" CHECK ("documents"."byte_size" between 1 and 20971520)
);
--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_shared_by_user_id_users_id_fk" FOREIGN KEY ("shared_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_document_fkey" FOREIGN KEY ("practice_id","document_id") REFERENCES "public"."documents"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_shares" ADD CONSTRAINT "document_shares_couple_fkey" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_share_fkey" FOREIGN KEY ("practice_id","share_id") REFERENCES "public"."document_shares"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_signatures" ADD CONSTRAINT "document_signatures_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_shares_document_id_idx" ON "document_shares" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "document_shares_client_id_idx" ON "document_shares" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "document_shares_couple_id_idx" ON "document_shares" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "document_shares_shared_by_user_id_idx" ON "document_shares" USING btree ("shared_by_user_id");--> statement-breakpoint
CREATE INDEX "document_signatures_client_id_idx" ON "document_signatures" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "documents_practice_id_idx" ON "documents" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "documents_uploaded_by_user_id_idx" ON "documents" USING btree ("uploaded_by_user_id");--> statement-breakpoint
-- hand-written below
-- Shared-document invariants drizzle cannot express. Each raises check_violation
-- (23514) under a named constraint, so the domain can answer a tampered request clearly.

-- A share's couple is its practice's.
CREATE FUNCTION document_shares_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.couple_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM couples WHERE id = NEW.couple_id AND practice_id = NEW.practice_id
  ) THEN
    RAISE EXCEPTION 'couple belongs to another practice'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'document_shares_couple_scope';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER document_shares_scope BEFORE INSERT OR UPDATE ON document_shares
  FOR EACH ROW EXECUTE FUNCTION document_shares_scope();
--> statement-breakpoint

-- A signature is by the share's client or one of its couple's partners, on a
-- live share of a document to sign.
CREATE FUNCTION document_signatures_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM document_shares s
      JOIN documents d ON d.id = s.document_id
      LEFT JOIN couples c ON c.id = s.couple_id
    WHERE s.id = NEW.share_id
      AND s.revoked_at IS NULL
      AND d.kind = 'sign'
      AND (s.client_id = NEW.client_id OR c.client_a_id = NEW.client_id OR c.client_b_id = NEW.client_id)
  ) THEN
    RAISE EXCEPTION 'not a signer of this share'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'document_signatures_signer';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER document_signatures_scope BEFORE INSERT ON document_signatures
  FOR EACH ROW EXECUTE FUNCTION document_signatures_scope();
--> statement-breakpoint

-- A signature, once given, never changes (deleting the practice or client still cascades).
CREATE FUNCTION document_signatures_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a signature cannot be changed'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'document_signatures_immutable';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER document_signatures_immutable BEFORE UPDATE ON document_signatures
  FOR EACH ROW EXECUTE FUNCTION document_signatures_immutable();
