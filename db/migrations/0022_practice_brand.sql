CREATE TABLE "stored_objects" (
	"practice_id" uuid NOT NULL,
	"key" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_objects_pkey" PRIMARY KEY("practice_id","key"),
	CONSTRAINT "stored_objects_key_format" CHECK ("stored_objects"."key" ~ '^[a-z0-9][a-z0-9/._-]{0,199}$'),
	CONSTRAINT "stored_objects_size" CHECK ("stored_objects"."byte_size" = octet_length("stored_objects"."bytes") and "stored_objects"."byte_size" between 1 and 1048576),
	CONSTRAINT "stored_objects_content_type" CHECK ("stored_objects"."content_type" ~ '^[a-z]+/[a-z0-9.+-]+$')
);
--> statement-breakpoint
CREATE TABLE "practice_brands" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"display_name" text,
	"colour" text,
	"logo_key" text,
	"logo_version" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_brands_display_name" CHECK ("practice_brands"."display_name" is null or char_length(btrim("practice_brands"."display_name")) between 1 and 80),
	CONSTRAINT "practice_brands_colour" CHECK ("practice_brands"."colour" is null or "practice_brands"."colour" ~ '^#[0-9a-f]{6}$'),
	CONSTRAINT "practice_brands_logo" CHECK (("practice_brands"."logo_key" is null) = ("practice_brands"."logo_version" is null))
);
--> statement-breakpoint
ALTER TABLE "stored_objects" ADD CONSTRAINT "stored_objects_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_brands" ADD CONSTRAINT "practice_brands_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_brands" ADD CONSTRAINT "practice_brands_logo_fkey" FOREIGN KEY ("practice_id","logo_key") REFERENCES "public"."stored_objects"("practice_id","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_objects_practice_id_idx" ON "stored_objects" USING btree ("practice_id");