CREATE TYPE "public"."plan_version_status" AS ENUM('draft', 'published', 'superseded');--> statement-breakpoint
CREATE TABLE "plan_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"signature_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"signature_ip" text NOT NULL,
	"user_agent" text NOT NULL,
	CONSTRAINT "plan_signatures_version_id_client_id_key" UNIQUE("version_id","client_id"),
	CONSTRAINT "plan_signatures_name" CHECK (char_length("plan_signatures"."signature_name") between 2 and 200),
	CONSTRAINT "plan_signatures_ip" CHECK (char_length("plan_signatures"."signature_ip") between 1 and 100),
	CONSTRAINT "plan_signatures_user_agent" CHECK (char_length("plan_signatures"."user_agent") <= 500)
);
--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"status" "plan_version_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"review_date" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_user_id" uuid,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "plan_versions_plan_id_number_key" UNIQUE("plan_id","number"),
	CONSTRAINT "plan_versions_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "plan_versions_number" CHECK ("plan_versions"."number" >= 1),
	CONSTRAINT "plan_versions_published" CHECK (("plan_versions"."status" = 'draft') = ("plan_versions"."published_at" is null)),
	CONSTRAINT "plan_versions_superseded" CHECK (("plan_versions"."status" = 'superseded') = ("plan_versions"."superseded_at" is not null)),
	CONSTRAINT "plan_versions_content_size" CHECK (pg_column_size("plan_versions"."content") <= 200000)
);
--> statement-breakpoint
CREATE TABLE "treatment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"partner_client_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "treatment_plans_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "treatment_plans_two_people" CHECK ("treatment_plans"."partner_client_id" is null or "treatment_plans"."partner_client_id" <> "treatment_plans"."client_id")
);
--> statement-breakpoint
ALTER TABLE "plan_signatures" ADD CONSTRAINT "plan_signatures_version_fkey" FOREIGN KEY ("practice_id","version_id") REFERENCES "public"."plan_versions"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_signatures" ADD CONSTRAINT "plan_signatures_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_fkey" FOREIGN KEY ("practice_id","plan_id") REFERENCES "public"."treatment_plans"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_plans" ADD CONSTRAINT "treatment_plans_partner_fkey" FOREIGN KEY ("practice_id","partner_client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_signatures_client_id_idx" ON "plan_signatures" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_one_draft" ON "plan_versions" USING btree ("plan_id") WHERE "plan_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "plan_versions_one_published" ON "plan_versions" USING btree ("plan_id") WHERE "plan_versions"."status" = 'published';--> statement-breakpoint
CREATE INDEX "plan_versions_review_date_idx" ON "plan_versions" USING btree ("practice_id","review_date") WHERE "plan_versions"."status" = 'published';--> statement-breakpoint
CREATE INDEX "plan_versions_created_by_user_id_idx" ON "plan_versions" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "plan_versions_published_by_user_id_idx" ON "plan_versions" USING btree ("published_by_user_id");--> statement-breakpoint
CREATE INDEX "treatment_plans_client_id_idx" ON "treatment_plans" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "treatment_plans_partner_client_id_idx" ON "treatment_plans" USING btree ("partner_client_id");--> statement-breakpoint
CREATE INDEX "treatment_plans_created_by_user_id_idx" ON "treatment_plans" USING btree ("created_by_user_id");-- hand-written below

-- A published version is what the client reads and signs: it never changes.
-- The one step allowed is published -> superseded (status and time only),
-- when a newer version is published. A draft is edited freely.
CREATE FUNCTION plan_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'draft' THEN
    IF NEW.plan_id <> OLD.plan_id OR NEW.practice_id <> OLD.practice_id OR NEW.number <> OLD.number THEN
      RAISE EXCEPTION 'a plan version cannot move to another plan or number'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_versions_immutable';
    END IF;
    RETURN NEW;
  END IF;
  IF OLD.status = 'published' AND NEW.status = 'superseded'
     AND NEW.content = OLD.content AND NEW.review_date = OLD.review_date AND NEW.number = OLD.number
     AND NEW.plan_id = OLD.plan_id AND NEW.practice_id = OLD.practice_id
     AND NEW.published_at = OLD.published_at AND NEW.created_at = OLD.created_at
     AND NEW.updated_at = OLD.updated_at
     AND NEW.published_by_user_id IS NOT DISTINCT FROM OLD.published_by_user_id
     AND NEW.created_by_user_id IS NOT DISTINCT FROM OLD.created_by_user_id THEN
    RETURN NEW;
  END IF;
  -- A member leaving the practice (users row deleted) nulls the authorship only.
  IF NEW.status = OLD.status AND NEW.content = OLD.content AND NEW.review_date = OLD.review_date
     AND NEW.number = OLD.number AND NEW.plan_id = OLD.plan_id AND NEW.practice_id = OLD.practice_id
     AND NEW.published_at IS NOT DISTINCT FROM OLD.published_at AND NEW.superseded_at IS NOT DISTINCT FROM OLD.superseded_at
     AND NEW.updated_at = OLD.updated_at AND NEW.created_at = OLD.created_at
     AND (NEW.created_by_user_id IS NULL OR NEW.created_by_user_id = OLD.created_by_user_id)
     AND (NEW.published_by_user_id IS NULL OR NEW.published_by_user_id = OLD.published_by_user_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a published plan version cannot be changed'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_versions_immutable';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_versions_immutable BEFORE UPDATE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION plan_versions_immutable();
--> statement-breakpoint

-- Published and superseded versions are kept. Deleting the plan (with its
-- client or practice) still cascades: by then the plan row is gone.
CREATE FUNCTION plan_versions_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' AND EXISTS (SELECT 1 FROM treatment_plans p WHERE p.id = OLD.plan_id) THEN
    RAISE EXCEPTION 'a published plan version cannot be deleted'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_versions_kept';
  END IF;
  RETURN OLD;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_versions_kept BEFORE DELETE ON plan_versions
  FOR EACH ROW EXECUTE FUNCTION plan_versions_kept();
--> statement-breakpoint

-- A signature goes only on the published version, by a person on the plan.
CREATE FUNCTION plan_signatures_scope() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM plan_versions v
      JOIN treatment_plans p ON p.id = v.plan_id
    WHERE v.id = NEW.version_id
      AND v.practice_id = NEW.practice_id
      AND v.status = 'published'
      AND (p.client_id = NEW.client_id OR p.partner_client_id = NEW.client_id)
  ) THEN
    RAISE EXCEPTION 'not the published version of a plan this client is on'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_signatures_signer';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_signatures_scope BEFORE INSERT ON plan_signatures
  FOR EACH ROW EXECUTE FUNCTION plan_signatures_scope();
--> statement-breakpoint

-- A signature, once given, never changes and is not deleted on its own.
CREATE FUNCTION plan_signatures_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM plan_versions v WHERE v.id = OLD.version_id) AND EXISTS (SELECT 1 FROM clients c WHERE c.id = OLD.client_id) THEN
      RAISE EXCEPTION 'a plan signature cannot be deleted'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_signatures_immutable';
    END IF;
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'a plan signature cannot be changed'
    USING ERRCODE = 'check_violation', CONSTRAINT = 'plan_signatures_immutable';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER plan_signatures_immutable BEFORE UPDATE OR DELETE ON plan_signatures
  FOR EACH ROW EXECUTE FUNCTION plan_signatures_immutable();
