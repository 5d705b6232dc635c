ALTER TABLE "stored_objects" DROP CONSTRAINT "stored_objects_key_format";--> statement-breakpoint
ALTER TABLE "stored_objects" DROP CONSTRAINT "stored_objects_size";--> statement-breakpoint
ALTER TABLE "stored_objects" ALTER COLUMN "bytes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "stored_objects" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "stored_objects" ADD CONSTRAINT "stored_objects_sha256" CHECK (("stored_objects"."sha256" is null or "stored_objects"."sha256" ~ '^[0-9a-f]{64}$') and ("stored_objects"."bytes" is not null or "stored_objects"."sha256" is not null));--> statement-breakpoint
ALTER TABLE "stored_objects" ADD CONSTRAINT "stored_objects_key_format" CHECK ("stored_objects"."key" ~ '^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$' and length("stored_objects"."key") <= 200);--> statement-breakpoint
ALTER TABLE "stored_objects" ADD CONSTRAINT "stored_objects_size" CHECK ("stored_objects"."byte_size" between 1 and 52428800 and ("stored_objects"."bytes" is null or octet_length("stored_objects"."bytes") = "stored_objects"."byte_size"));--> statement-breakpoint
-- hand-written below
-- Rows of the former PostgreSQL backend get the digest too, so every row can be checked the same way.
UPDATE "stored_objects" SET "sha256" = encode(sha256("bytes"), 'hex') WHERE "sha256" IS NULL AND "bytes" IS NOT NULL;
