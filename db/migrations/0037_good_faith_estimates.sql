CREATE TYPE "public"."gfe_reason" AS ENUM('scheduled', 'requested');--> statement-breakpoint
CREATE TABLE "good_faith_estimates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"supersedes_id" uuid,
	"reason" "gfe_reason" NOT NULL,
	"appointment_id" uuid,
	"scheduled_for" date,
	"due_by" timestamp with time zone NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by_user_id" uuid,
	"delivered_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"snapshot" jsonb NOT NULL,
	"total_cents" integer NOT NULL,
	CONSTRAINT "good_faith_estimates_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "good_faith_estimates_version" CHECK ("good_faith_estimates"."version" >= 1 and ("good_faith_estimates"."version" = 1) = ("good_faith_estimates"."supersedes_id" is null)),
	CONSTRAINT "good_faith_estimates_total" CHECK ("good_faith_estimates"."total_cents" >= 0),
	CONSTRAINT "good_faith_estimates_delivered" CHECK ("good_faith_estimates"."delivered_at" is null or "good_faith_estimates"."delivered_at" >= "good_faith_estimates"."issued_at"),
	CONSTRAINT "good_faith_estimates_snapshot_size" CHECK (pg_column_size("good_faith_estimates"."snapshot") <= 100000)
);
--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "self_pay" boolean;--> statement-breakpoint
ALTER TABLE "good_faith_estimates" ADD CONSTRAINT "good_faith_estimates_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_faith_estimates" ADD CONSTRAINT "good_faith_estimates_issued_by_user_id_users_id_fk" FOREIGN KEY ("issued_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_faith_estimates" ADD CONSTRAINT "good_faith_estimates_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_faith_estimates" ADD CONSTRAINT "good_faith_estimates_appointment_fkey" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "good_faith_estimates" ADD CONSTRAINT "good_faith_estimates_supersedes_fkey" FOREIGN KEY ("practice_id","supersedes_id") REFERENCES "public"."good_faith_estimates"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "good_faith_estimates_client_id_idx" ON "good_faith_estimates" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "good_faith_estimates_appointment_id_idx" ON "good_faith_estimates" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "good_faith_estimates_issued_by_user_id_idx" ON "good_faith_estimates" USING btree ("issued_by_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "good_faith_estimates_supersedes_id_key" ON "good_faith_estimates" USING btree ("supersedes_id");--> statement-breakpoint
CREATE UNIQUE INDEX "good_faith_estimates_scheduled_once" ON "good_faith_estimates" USING btree ("appointment_id","client_id") WHERE "good_faith_estimates"."reason" = 'scheduled' and "good_faith_estimates"."version" = 1;--> statement-breakpoint
CREATE INDEX "good_faith_estimates_undelivered_idx" ON "good_faith_estimates" USING btree ("due_by") WHERE "good_faith_estimates"."delivered_at" is null;-- hand-written below

-- An issued estimate is what the client received: it never changes (decision 0053). What may:
-- delivered_at set once (null -> a time), the delivery attempts counter, client_id when a merge
-- files an unverified booking's record under the proven one (lib/clients/merge-client.ts), and the
-- references the database itself nulls (a deleted appointment or user). A re-issue is a new row.
CREATE FUNCTION good_faith_estimates_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- Only as part of deleting the client (or the practice): never on its own.
    IF EXISTS (SELECT 1 FROM clients c WHERE c.id = OLD.client_id) THEN
      RAISE EXCEPTION 'a good faith estimate cannot be deleted'
        USING ERRCODE = 'check_violation', CONSTRAINT = 'good_faith_estimates_immutable';
    END IF;
    RETURN OLD;
  END IF;
  IF NEW.practice_id IS DISTINCT FROM OLD.practice_id
    OR NEW.version IS DISTINCT FROM OLD.version
    OR NEW.supersedes_id IS DISTINCT FROM OLD.supersedes_id
    OR NEW.reason IS DISTINCT FROM OLD.reason
    OR (NEW.appointment_id IS DISTINCT FROM OLD.appointment_id AND NEW.appointment_id IS NOT NULL)
    OR NEW.scheduled_for IS DISTINCT FROM OLD.scheduled_for
    OR NEW.due_by IS DISTINCT FROM OLD.due_by
    OR NEW.required IS DISTINCT FROM OLD.required
    OR NEW.issued_at IS DISTINCT FROM OLD.issued_at
    OR (NEW.issued_by_user_id IS DISTINCT FROM OLD.issued_by_user_id AND NEW.issued_by_user_id IS NOT NULL)
    OR NEW.snapshot IS DISTINCT FROM OLD.snapshot
    OR NEW.total_cents IS DISTINCT FROM OLD.total_cents
    OR (OLD.delivered_at IS NOT NULL AND NEW.delivered_at IS DISTINCT FROM OLD.delivered_at)
  THEN
    RAISE EXCEPTION 'an issued good faith estimate cannot be changed; issue a new version'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'good_faith_estimates_immutable';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER good_faith_estimates_immutable BEFORE UPDATE OR DELETE ON good_faith_estimates
  FOR EACH ROW EXECUTE FUNCTION good_faith_estimates_immutable();
--> statement-breakpoint

-- A re-issue continues its chain: same practice and client, the next version number.
CREATE FUNCTION good_faith_estimates_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.supersedes_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM good_faith_estimates p
    WHERE p.id = NEW.supersedes_id AND p.practice_id = NEW.practice_id AND p.client_id = NEW.client_id AND p.version = NEW.version - 1
  ) THEN
    RAISE EXCEPTION 'a re-issued estimate must follow the previous version for the same client'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'good_faith_estimates_chain';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER good_faith_estimates_chain BEFORE INSERT ON good_faith_estimates
  FOR EACH ROW EXECUTE FUNCTION good_faith_estimates_chain();
