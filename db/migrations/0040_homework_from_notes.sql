ALTER TABLE "homework_assignments" ADD COLUMN "note_id" uuid;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_note_fkey" FOREIGN KEY ("practice_id","note_id") REFERENCES "public"."session_notes"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "homework_assignments_note_id_idx" ON "homework_assignments" USING btree ("note_id");--> statement-breakpoint
-- hand-written below

-- Deleting a draft note leaves the homework it gave: SET NULL on note_id alone, since practice_id is part of the key.
ALTER TABLE "homework_assignments" DROP CONSTRAINT "homework_assignments_note_fkey";--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_note_fkey" FOREIGN KEY ("practice_id","note_id") REFERENCES "public"."session_notes"("practice_id","id") ON DELETE SET NULL ("note_id") ON UPDATE no action;
