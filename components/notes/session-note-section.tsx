import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { formatCalendarDate, practiceReader } from "@/lib/dates";
import { homeworkFromNote } from "@/lib/homework/from-note";
import { getNote, notesForAppointment, type NoteState } from "@/lib/notes/notes";
import { contentAsText } from "@/lib/notes/schema";
import { listNoteTemplates } from "@/lib/notes/templates";
import { NoteEditor } from "./note-editor";
import { StartNoteForm } from "./note-actions";
import { NoteView } from "./note-view";

const STATE_LABELS: Record<NoteState, string> = { signed: "Note signed", draft: "Note not signed yet", missing: "No note yet" };

/** Which template a session's note starts on by default: the couples note for two attendees. */
function defaultSlug(kind: PracticeScope["practice"]["kind"], attendees: number): string {
  if (attendees === 2) return "couples-session";
  return kind === "pelvic_pt" ? "pelvic-pt-daily" : "soap";
}

/**
 * The appointment page's "Session note" (decision 0052). The front desk sees
 * only whether the note is signed. Clinical roles read the signed note (an
 * audited read) with its addenda; the session's clinician starts, edits and
 * signs it, and keeps their own psychotherapy notes beside it.
 */
export async function SessionNoteSection({
  scope,
  appointment,
}: {
  scope: PracticeScope;
  appointment: { id: string; memberId: string; status: string; attendees: number };
}) {
  const slug = scope.practice.slug;
  const notes = await notesForAppointment(scope, appointment.id);
  const clinical = can(scope.role, "clinical.read");
  const writer = can(scope.role, "notes.write") && appointment.memberId === scope.memberId;
  const held = ["confirmed", "completed", "no_show", "late_cancelled"].includes(appointment.status);
  if (!clinical && !writer) {
    return (
      <Card>
        <h2 className="mb-2 text-lg font-semibold">Session note</h2>
        <p>
          <Badge tone={notes.state === "signed" ? "ok" : "warn"}>{STATE_LABELS[notes.state]}</Badge>
        </p>
      </Card>
    );
  }
  const reader = practiceReader(scope.practice);
  const templates = writer && held ? await listNoteTemplates(scope.practice.id) : [];
  const progressTemplates = templates.filter((t) => t.version.definition.kind === "progress");
  const processTemplate = templates.find((t) => t.version.definition.kind === "psychotherapy");
  const view = notes.progressNoteId ? await getNote(scope, notes.progressNoteId) : null;
  const note = view && !("code" in view) ? view : null;
  const homework = note ? await homeworkFromNote(scope, note.note.id) : [];
  return (
    <Card className="lg:col-span-2">
      <h2 className="mb-2 text-lg font-semibold">Session note</h2>
      {appointment.attendees === 2 ? <p className="mb-3 text-sm text-muted">One joint note for the couple. Clinical staff only: neither partner ever sees it.</p> : null}
      {note ? (
        note.note.status === "draft" ? (
          note.mine ? (
            <NoteEditor
              practiceSlug={slug}
              noteId={note.note.id}
              kind={note.note.kind}
              definition={note.definition}
              values={contentAsText(note.definition, note.note.content)}
              codes={note.note.diagnosisCodes.join(", ")}
              locale={scope.practice.locale}
              timeZone={scope.practice.timeZone}
            />
          ) : (
            <p>
              <Badge tone="warn">Draft</Badge> {note.authorName ?? "The clinician"} is writing this note; it is not signed yet.
            </p>
          )
        ) : (
          <NoteView practiceSlug={slug} view={note} reader={reader} canAddendum={can(scope.role, "notes.write")} canCosign={can(scope.role, "notes.cosign") && note.note.cosignRequired && !note.note.cosignedAt && !note.mine} />
        )
      ) : writer && held && progressTemplates.length > 0 ? (
        <StartNoteForm
          practiceSlug={slug}
          appointmentId={appointment.id}
          templates={progressTemplates}
          defaultTemplateId={progressTemplates.find((t) => t.slug === defaultSlug(scope.practice.kind, appointment.attendees))?.id}
        />
      ) : (
        <p>
          <Badge tone="warn">{STATE_LABELS[notes.state]}</Badge>
        </p>
      )}
      {note ? (
        <section aria-labelledby="note-homework" className="mt-4 border-t border-line pt-3">
          <h3 id="note-homework" className="mb-1 font-semibold">
            Homework from this session
          </h3>
          {homework.length === 0 ? (
            <p className="text-sm text-muted">None assigned from this note yet.</p>
          ) : (
            <ul className="mb-2 list-disc pl-5 text-sm">
              {homework.map((h) => (
                <li key={h.assignmentId}>
                  {h.title} · until {formatCalendarDate(h.dueDate, scope.practice.locale)}
                  {h.ended ? " (ended)" : ""}
                </li>
              ))}
            </ul>
          )}
          {can(scope.role, "homework.assign") ? (
            <Link
              href={`/clinic/${slug}/homework/assign?client=${note.note.clientId}&note=${note.note.id}&appointment=${appointment.id}`}
              className="text-sm font-medium text-brand underline underline-offset-2"
            >
              Assign homework from this session
            </Link>
          ) : null}
        </section>
      ) : null}
      {writer ? (
        <div className="mt-4 border-t border-line pt-3 text-sm">
          {notes.ownProcessNoteId ? (
            <Link href={`/clinic/${slug}/notes/${notes.ownProcessNoteId}`} className="text-brand underline underline-offset-2">
              Your psychotherapy notes for this session
            </Link>
          ) : held && processTemplate ? (
            <details>
              <summary className="min-h-11 cursor-pointer content-center font-medium">Psychotherapy notes (private to you)</summary>
              <p className="my-2 text-muted">Kept apart from the record: only you can read them; never exported, never on a superbill or in the portal.</p>
              <StartNoteForm practiceSlug={slug} appointmentId={appointment.id} templates={[processTemplate]} label="Start psychotherapy notes" />
            </details>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
