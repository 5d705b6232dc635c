import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoteEditor } from "@/components/notes/note-editor";
import { NoteView } from "@/components/notes/note-view";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { practiceReader } from "@/lib/dates";
import { getNote } from "@/lib/notes/notes";
import { contentAsText } from "@/lib/notes/schema";

export const metadata: Metadata = { title: "Session note" };
export const dynamic = "force-dynamic";

/** One note on its own page: a note without a session, or one's psychotherapy notes. The read is audited in lib/notes. */
export default async function NotePage({ params }: { params: Promise<{ practice: string; noteId: string }> }) {
  const { practice: slug, noteId } = await params;
  const scope = await requireMember(slug, "clinical.read");
  const view = await getNote(scope, noteId);
  if ("code" in view) notFound();
  const { note } = view;
  const reader = practiceReader(scope.practice);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={note.appointmentId ? `/clinic/${slug}/schedule/${note.appointmentId}` : `/clinic/${slug}/clients/${note.clientId}`} className="text-brand underline underline-offset-2">
          {note.appointmentId ? "Back to the session" : "Back to the client"}
        </Link>
      </p>
      <PageHeader title={view.templateTitle} description={note.kind === "psychotherapy" ? "Psychotherapy notes: private to you, kept apart from the record." : undefined} />
      <Card>
        {note.status === "draft" && view.mine ? (
          <NoteEditor
            practiceSlug={slug}
            noteId={note.id}
            kind={note.kind}
            definition={view.definition}
            values={contentAsText(view.definition, note.content)}
            codes={note.diagnosisCodes.join(", ")}
            locale={scope.practice.locale}
            timeZone={scope.practice.timeZone}
          />
        ) : note.status === "draft" ? (
          <p>{view.authorName ?? "The clinician"} is writing this note; it is not signed yet.</p>
        ) : (
          <NoteView
            practiceSlug={slug}
            view={view}
            reader={reader}
            canAddendum={can(scope.role, "notes.write")}
            canCosign={can(scope.role, "notes.cosign") && note.cosignRequired && !note.cosignedAt && !view.mine}
          />
        )}
      </Card>
    </>
  );
}
