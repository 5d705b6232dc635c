import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { formatDateTime, type Reader } from "@/lib/dates";
import type { NoteToCosign } from "@/lib/notes/cosign-queue";
import type { NoteDue } from "@/lib/notes/due";

/**
 * Sessions held without a signed note (decision 0052), oldest first; those
 * past the practice's limit are marked overdue. Names and states only.
 */
export function NotesDueCard({
  slug,
  rows,
  cosign = [],
  reader,
  signHours,
  showClinician,
}: {
  slug: string;
  rows: NoteDue[];
  /** Signed notes waiting for this member's co-signature. */
  cosign?: NoteToCosign[];
  reader: Reader;
  signHours: number;
  showClinician: boolean;
}) {
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <Card className="min-w-0">
      <div aria-labelledby="home-notes-due" role="region" className="space-y-3">
        <h2 id="home-notes-due" className="text-lg font-semibold">
          Session notes to write{overdue > 0 ? ` · ${overdue} overdue` : ""}
        </h2>
        {rows.length === 0 ? (
          <p className="text-muted">Every recent session has a signed note.</p>
        ) : (
          <ul className="space-y-2">
            {rows.map((r) => (
              <li key={r.appointmentId} className="flex flex-wrap items-center gap-2">
                <Link href={`/clinic/${slug}/schedule/${r.appointmentId}`} className="text-brand underline underline-offset-2">
                  {formatDateTime(r.startsAt, reader)}: {r.attendees || r.serviceName}
                </Link>
                <Badge tone={r.overdue ? "warn" : "neutral"}>{r.overdue ? "Overdue" : r.state === "draft" ? "Not signed" : "No note"}</Badge>
                {r.overdue && r.state === "draft" ? <span className="sr-only">(not signed)</span> : null}
                {showClinician ? <span className="text-sm text-muted">{r.clinicianName}</span> : null}
              </li>
            ))}
          </ul>
        )}
        <p className="text-sm text-muted">A note is overdue when it is not signed {signHours} hours after the session.</p>
        {cosign.length > 0 ? (
          <>
            <h3 className="pt-2 font-semibold">Waiting for your co-signature · {cosign.length}</h3>
            <ul className="space-y-2">
              {cosign.map((n) => (
                <li key={n.noteId}>
                  <Link href={`/clinic/${slug}/notes/${n.noteId}`} className="text-brand underline underline-offset-2">
                    {n.clientName}: signed by {n.authorName} on {formatDateTime(n.signedAt, reader)}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </Card>
  );
}
