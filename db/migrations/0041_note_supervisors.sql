ALTER TABLE "members" ADD COLUMN "supervisor_member_id" uuid;--> statement-breakpoint
CREATE INDEX "members_supervisor_member_id_idx" ON "members" USING btree ("supervisor_member_id");--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_supervisor_not_self" CHECK ("members"."supervisor_member_id" is null or "members"."supervisor_member_id" <> "members"."id");--> statement-breakpoint
-- hand-written below
-- A supervisor is a member of the same practice; when they leave, only the
-- link is cleared (a column list on SET NULL keeps practice_id, PostgreSQL 15+).
ALTER TABLE "members" ADD CONSTRAINT "members_supervisor_fkey" FOREIGN KEY ("practice_id","supervisor_member_id") REFERENCES "public"."members"("practice_id","id") ON DELETE SET NULL ("supervisor_member_id");
