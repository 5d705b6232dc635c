import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { formatDate, practiceReader } from "@/lib/dates";
import { listClientNotes } from "@/lib/notes/notes";
import { listNoteTemplates } from "@/lib/notes/templates";
import { StartNoteForm } from "./note-actions";

/**
 * The client record's session notes (decision 0052): progress notes (the
 * client's own and their couple's joint ones) for clinical roles, and the
 * member's own psychotherapy notes. Titles and dates only: opening a note is
 * the audited read. Renders nothing for the front desk.
 */
export async function ClientNotesPanel({ scope, clientId }: { scope: PracticeScope; clientId: string }) {
  if (!can(scope.role, "clinical.read")) return null;
  const notes = await listClientNotes(scope, clientId);
  const reader = practiceReader(scope.practice);
  const templates = can(scope.role, "notes.write") ? (await listNoteTemplates(scope.practice.id)).filter((t) => t.version.definition.kind === "progress") : [];
  const slug = scope.practice.slug;
  return (
    <Card>
      <h2 className="mb-3 font-semibold">Session notes</h2>
      {notes.length === 0 ? (
        <p className="text-sm text-muted">No notes yet.</p>
      ) : (
        <ul className="space-y-2" aria-label="Session notes">
          {notes.map((n) => (
            <li key={n.id} className="flex flex-wrap items-center gap-2">
              <Link href={n.appointmentId && n.kind === "progress" ? `/clinic/${slug}/schedule/${n.appointmentId}` : `/clinic/${slug}/notes/${n.id}`} className="text-brand underline underline-offset-2">
                {formatDate(n.at, reader)}: {n.templateTitle}
              </Link>
              <Badge tone={n.status === "signed" ? "ok" : "warn"}>{n.status === "signed" ? "Signed" : "Draft"}</Badge>
              {n.kind === "psychotherapy" ? <Badge>Private to you</Badge> : null}
              {n.couple ? <Badge>Couple</Badge> : null}
              {n.authorName ? <span className="text-sm text-muted">{n.authorName}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {templates.length > 0 ? (
        <details className="mt-3">
          <summary className="min-h-11 cursor-pointer content-center text-sm font-medium">Note without a session (a phone call, an email)</summary>
          <StartNoteForm practiceSlug={slug} clientId={clientId} templates={templates} defaultTemplateId={templates.find((t) => t.slug === "soap")?.id} />
        </details>
      ) : null}
    </Card>
  );
}
