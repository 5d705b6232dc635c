import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { formatDateTime, practiceReader } from "@/lib/dates";
import { isNoteOverdue } from "@/lib/notes/due";
import { noteStates } from "@/lib/notes/notes";

/**
 * Above the calendar: the sessions shown that were held but have no signed
 * note yet, overdue ones marked (decision 0052). Renders nothing when every
 * past session shown has its signed note. States only, no content.
 */
export async function ScheduleNotesNotice({
  scope,
  items,
  now,
}: {
  scope: PracticeScope;
  items: { id: string; status: string; startsAt: Date; endsAt: Date; service: { name: string }; attendees: { firstName: string; lastName: string }[] }[];
  now: Date;
}) {
  const held = items.filter((i) => (i.status === "confirmed" || i.status === "completed") && i.endsAt <= now);
  if (held.length === 0) return null;
  const states = await noteStates(
    scope.practice.id,
    held.map((i) => i.id),
  );
  const open = held.filter((i) => states.get(i.id) !== "signed");
  if (open.length === 0) return null;
  const reader = practiceReader(scope.practice);
  const overdue = open.filter((i) => isNoteOverdue(i.endsAt, scope.practice.noteSignHours, now)).length;
  const slug = scope.practice.slug;
  return (
    <details className="mb-4 rounded-md border border-warn/40 bg-surface px-3 py-2">
      <summary className="min-h-11 cursor-pointer content-center font-medium">
        {open.length} {open.length === 1 ? "session" : "sessions"} shown without a signed note{overdue > 0 ? `, ${overdue} overdue` : ""}
      </summary>
      <ul className="mt-2 space-y-1">
        {open.map((i) => {
          const late = isNoteOverdue(i.endsAt, scope.practice.noteSignHours, now);
          return (
            <li key={i.id} className="flex flex-wrap items-center gap-2">
              <Link href={`/clinic/${slug}/schedule/${i.id}`} className="text-brand underline underline-offset-2">
                {formatDateTime(i.startsAt, reader)}: {i.attendees.map((a) => `${a.firstName} ${a.lastName}`).join(" & ") || i.service.name}
              </Link>
              <Badge tone={late ? "warn" : "neutral"}>{late ? "Overdue" : states.get(i.id) === "draft" ? "Not signed" : "No note"}</Badge>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
