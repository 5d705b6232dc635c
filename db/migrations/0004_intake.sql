CREATE TYPE "public"."form_assignment_source" AS ENUM('manual', 'booking');--> statement-breakpoint
CREATE TYPE "public"."form_assignment_status" AS ENUM('sent', 'started', 'completed');--> statement-breakpoint
CREATE TYPE "public"."form_kind" AS ENUM('intake', 'consent', 'policy', 'measure');--> statement-breakpoint
CREATE TYPE "public"."form_response_status" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TABLE "form_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"appointment_id" uuid,
	"source" "form_assignment_source" NOT NULL,
	"status" "form_assignment_status" DEFAULT 'sent' NOT NULL,
	"due_at" timestamp with time zone,
	"assigned_by_user_id" uuid,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "form_assignments_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "form_assignments_id_client_id_template_id_key" UNIQUE("id","client_id","template_id"),
	CONSTRAINT "form_assignments_appointment_source" CHECK ("form_assignments"."source" <> 'booking' or "form_assignments"."appointment_id" is not null),
	CONSTRAINT "form_assignments_status_times" CHECK (("form_assignments"."status" = 'sent' or "form_assignments"."started_at" is not null) and (("form_assignments"."status" = 'completed') = ("form_assignments"."completed_at" is not null)))
);
--> statement-breakpoint
CREATE TABLE "form_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"status" "form_response_status" DEFAULT 'draft' NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb,
	"signature_name" text,
	"signed_at" timestamp with time zone,
	"signature_ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "form_responses_assignment_id_key" UNIQUE("assignment_id"),
	CONSTRAINT "form_responses_submitted" CHECK (("form_responses"."status" = 'submitted') = ("form_responses"."submitted_at" is not null)),
	CONSTRAINT "form_responses_signature" CHECK (("form_responses"."signature_name" is null and "form_responses"."signed_at" is null and "form_responses"."signature_ip" is null) or ("form_responses"."signature_name" is not null and "form_responses"."signed_at" is not null and "form_responses"."signature_ip" is not null)),
	CONSTRAINT "form_responses_signature_length" CHECK ("form_responses"."signature_name" is null or length("form_responses"."signature_name") between 2 and 200),
	CONSTRAINT "form_responses_answers_size" CHECK (pg_column_size("form_responses"."answers") <= 200000)
);
--> statement-breakpoint
CREATE TABLE "form_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"kind" "form_kind" NOT NULL,
	"title" text NOT NULL,
	"measure" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_templates_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "form_templates_practice_id_slug_key" UNIQUE("practice_id","slug"),
	CONSTRAINT "form_templates_slug_format" CHECK ("form_templates"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "form_templates_measure" CHECK (("form_templates"."kind" = 'measure') = ("form_templates"."measure" is not null) and ("form_templates"."measure" is null or "form_templates"."measure" in ('phq9', 'gad7', 'csi4', 'pain'))),
	CONSTRAINT "form_templates_title" CHECK (length("form_templates"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "form_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_user_id" uuid,
	CONSTRAINT "form_versions_practice_id_id_key" UNIQUE("practice_id","id"),
	CONSTRAINT "form_versions_template_id_version_key" UNIQUE("template_id","version"),
	CONSTRAINT "form_versions_template_id_id_key" UNIQUE("template_id","id"),
	CONSTRAINT "form_versions_version" CHECK ("form_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "service_forms" (
	"practice_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_forms_pkey" PRIMARY KEY("service_id","template_id")
);
--> statement-breakpoint
ALTER TABLE "form_assignments" ADD CONSTRAINT "form_assignments_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_assignments" ADD CONSTRAINT "form_assignments_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_assignments" ADD CONSTRAINT "form_assignments_template_fkey" FOREIGN KEY ("practice_id","template_id") REFERENCES "public"."form_templates"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_assignments" ADD CONSTRAINT "form_assignments_version_fkey" FOREIGN KEY ("template_id","version_id") REFERENCES "public"."form_versions"("template_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_assignments" ADD CONSTRAINT "form_assignments_appointment_fkey" FOREIGN KEY ("practice_id","appointment_id") REFERENCES "public"."appointments"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_responses" ADD CONSTRAINT "form_responses_assignment_fkey" FOREIGN KEY ("practice_id","assignment_id") REFERENCES "public"."form_assignments"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_responses" ADD CONSTRAINT "form_responses_client_fkey" FOREIGN KEY ("practice_id","client_id") REFERENCES "public"."clients"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_responses" ADD CONSTRAINT "form_responses_assignment_client_fkey" FOREIGN KEY ("assignment_id","client_id","template_id") REFERENCES "public"."form_assignments"("id","client_id","template_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_responses" ADD CONSTRAINT "form_responses_version_fkey" FOREIGN KEY ("template_id","version_id") REFERENCES "public"."form_versions"("template_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_templates" ADD CONSTRAINT "form_templates_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_template_fkey" FOREIGN KEY ("practice_id","template_id") REFERENCES "public"."form_templates"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_forms" ADD CONSTRAINT "service_forms_service_fkey" FOREIGN KEY ("practice_id","service_id") REFERENCES "public"."services"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_forms" ADD CONSTRAINT "service_forms_template_fkey" FOREIGN KEY ("practice_id","template_id") REFERENCES "public"."form_templates"("practice_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "form_assignments_client_id_idx" ON "form_assignments" USING btree ("client_id","sent_at");--> statement-breakpoint
CREATE INDEX "form_assignments_template_id_idx" ON "form_assignments" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "form_assignments_version_id_idx" ON "form_assignments" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "form_assignments_appointment_id_idx" ON "form_assignments" USING btree ("appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "form_assignments_booking_key" ON "form_assignments" USING btree ("appointment_id","client_id","template_id") WHERE "form_assignments"."source" = 'booking';--> statement-breakpoint
CREATE INDEX "form_responses_client_id_idx" ON "form_responses" USING btree ("client_id","submitted_at");--> statement-breakpoint
CREATE INDEX "form_responses_version_id_idx" ON "form_responses" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "service_forms_template_id_idx" ON "service_forms" USING btree ("template_id");