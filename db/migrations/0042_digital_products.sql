CREATE TYPE "public"."product_order_status" AS ENUM('pending', 'paid', 'refunded', 'gifted');--> statement-breakpoint
ALTER TYPE "public"."payment_kind" ADD VALUE 'product';--> statement-breakpoint
CREATE TABLE "product_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"uses_left" integer NOT NULL,
	"revoked_at" timestamp with time zone,
	"emailed_at" timestamp with time zone,
	"email_attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_grants_order_id_key" UNIQUE("order_id"),
	CONSTRAINT "product_grants_uses_left" CHECK ("product_grants"."uses_left" >= 0),
	CONSTRAINT "product_grants_expires_at" CHECK ("product_grants"."expires_at" > "product_grants"."created_at")
);
--> statement-breakpoint
CREATE TABLE "product_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"buyer_email" text NOT NULL,
	"buyer_name" text NOT NULL,
	"status" "product_order_status" DEFAULT 'pending' NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"gifted_by_member_id" uuid,
	"paid_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_orders_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "product_orders_buyer_email" CHECK (char_length("product_orders"."buyer_email") between 3 and 320 and "product_orders"."buyer_email" like '%@%'),
	CONSTRAINT "product_orders_buyer_name" CHECK (char_length("product_orders"."buyer_name") between 1 and 200),
	CONSTRAINT "product_orders_currency" CHECK ("product_orders"."currency" in ('USD', 'GBP', 'EUR', 'AUD')),
	CONSTRAINT "product_orders_amount" CHECK (("product_orders"."status" = 'gifted' and "product_orders"."amount_cents" = 0) or ("product_orders"."status" <> 'gifted' and "product_orders"."amount_cents" >= 50)),
	CONSTRAINT "product_orders_paid_at" CHECK (("product_orders"."status" in ('paid', 'refunded')) = ("product_orders"."paid_at" is not null)),
	CONSTRAINT "product_orders_refunded_at" CHECK (("product_orders"."status" = 'refunded') = ("product_orders"."refunded_at" is not null)),
	CONSTRAINT "product_orders_gifted_by" CHECK ("product_orders"."gifted_by_member_id" is null or "product_orders"."status" = 'gifted')
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"storage_key" text NOT NULL,
	"filename" text NOT NULL,
	"byte_size" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "products_practice_id_storage_key_key" UNIQUE("practice_id","storage_key"),
	CONSTRAINT "products_title" CHECK (char_length("products"."title") between 1 and 200),
	CONSTRAINT "products_description" CHECK (char_length("products"."description") <= 4000),
	CONSTRAINT "products_price" CHECK ("products"."price_cents" between 50 and 1000000),
	CONSTRAINT "products_currency" CHECK ("products"."currency" in ('USD', 'GBP', 'EUR', 'AUD')),
	CONSTRAINT "products_filename" CHECK (char_length("products"."filename") between 1 and 255),
	CONSTRAINT "products_byte_size" CHECK ("products"."byte_size" between 1 and 52428800)
);
--> statement-breakpoint
ALTER TABLE "payments" DROP CONSTRAINT "payments_subject";--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "product_order_id" uuid;--> statement-breakpoint
ALTER TABLE "product_grants" ADD CONSTRAINT "product_grants_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_grants" ADD CONSTRAINT "product_grants_order_fkey" FOREIGN KEY ("practice_id","order_id") REFERENCES "public"."product_orders"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_orders" ADD CONSTRAINT "product_orders_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_orders" ADD CONSTRAINT "product_orders_product_fkey" FOREIGN KEY ("practice_id","product_id") REFERENCES "public"."products"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_orders" ADD CONSTRAINT "product_orders_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_orders" ADD CONSTRAINT "product_orders_gifted_by_fkey" FOREIGN KEY ("gifted_by_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_stored_object_fkey" FOREIGN KEY ("practice_id","storage_key") REFERENCES "public"."stored_objects"("practice_id","key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_grants_practice_id_idx" ON "product_grants" USING btree ("practice_id");--> statement-breakpoint
CREATE INDEX "product_orders_product_id_idx" ON "product_orders" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "product_orders_client_id_idx" ON "product_orders" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "product_orders_gifted_by_member_id_idx" ON "product_orders" USING btree ("gifted_by_member_id");--> statement-breakpoint
CREATE INDEX "product_orders_practice_id_created_at_idx" ON "product_orders" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "products_practice_id_idx" ON "products" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE INDEX "products_created_by_user_id_idx" ON "products" USING btree ("created_by_user_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_product_order_fkey" FOREIGN KEY ("practice_id","product_order_id") REFERENCES "public"."product_orders"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payments_product_order_id_idx" ON "payments" USING btree ("product_order_id");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_subject" CHECK (("payments"."kind" in ('session', 'deposit') and "payments"."appointment_id" is not null) or ("payments"."kind" = 'fee' and "payments"."fee_id" is not null) or ("payments"."kind" = 'package' and "payments"."purchase_id" is not null) or ("payments"."kind"::text = 'product' and "payments"."product_order_id" is not null));--> statement-breakpoint
-- hand-written below
-- payments_subject compares kind::text with 'product': drizzle runs every pending migration in one
-- transaction, and a value added to an enum cannot be used as an enum literal before that commits.
-- A grant's uses are counted down in one UPDATE ... WHERE uses_left > 0 (lib/products/download.ts);
-- product_grants_uses_left is the floor that UPDATE can never pass.
COMMENT ON COLUMN product_grants.uses_left IS 'downloads left on the emailed link; decremented atomically, never below 0';
