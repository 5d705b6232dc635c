import { Badge } from "@/components/ui/card";
import { formatDateTime, type Reader } from "@/lib/dates";
import type { StaffNote } from "@/lib/notes/notes";
import { fieldsOf } from "@/lib/notes/schema";
import { AddendumForm, CosignButton } from "./note-actions";

/** A signed note, read-only, with its signature, co-signature and addenda in order. */
export function NoteView({ practiceSlug, view, reader, canAddendum, canCosign }: { practiceSlug: string; view: StaffNote; reader: Reader; canAddendum: boolean; canCosign: boolean }) {
  const { note, definition } = view;
  const filled = (id: string) => note.content[id] !== null && note.content[id] !== undefined && note.content[id] !== "";
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone="ok">Signed</Badge>
        <span>
          {view.templateTitle}, signed by {view.signedByName ?? "a former member"} on {note.signedAt ? formatDateTime(note.signedAt, reader) : ""}
        </span>
      </p>
      {note.cosignRequired ? (
        <p className="text-sm">
          {note.cosignedAt ? `Co-signed by ${view.cosignedByName ?? "a former member"} on ${formatDateTime(note.cosignedAt, reader)}` : "Waiting for a supervisor's co-signature."}
        </p>
      ) : null}
      {definition.sections.map((section) => {
        const fields = section.fields.filter((f) => filled(f.id));
        if (fields.length === 0) return null;
        return (
          <section key={section.id} aria-label={section.title}>
            <h3 className="mb-1 font-semibold">{section.title}</h3>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
              {fields.map((f) => (
                <div key={f.id} className="contents">
                  <dt className="text-sm text-muted">{f.label}</dt>
                  <dd className="whitespace-pre-wrap break-words">
                    {f.kind === "choice" ? (f.options?.find((o) => o.value === note.content[f.id])?.label ?? String(note.content[f.id])) : String(note.content[f.id])}
                    {f.unit ? ` ${f.unit}` : ""}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
      {fieldsOf(definition).every((f) => !filled(f.id)) ? <p className="text-sm text-muted">No fields were filled in.</p> : null}
      {note.kind === "progress" ? <p className="text-sm">Diagnosis codes: {note.diagnosisCodes.length ? note.diagnosisCodes.join(", ") : "none recorded"}</p> : null}
      <section aria-label="Addenda" className="space-y-2">
        <h3 className="font-semibold">Addenda</h3>
        {view.addenda.length === 0 ? (
          <p className="text-sm text-muted">None.</p>
        ) : (
          <ol className="space-y-2">
            {view.addenda.map((a) => (
              <li key={a.id} className="rounded-lg border border-line p-3">
                <p className="text-sm text-muted">
                  {formatDateTime(a.createdAt, reader)}, {a.authorName ?? "a former member"}: {a.reason}
                </p>
                <p className="whitespace-pre-wrap break-words">{a.body}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {canCosign ? <CosignButton practiceSlug={practiceSlug} noteId={note.id} /> : null}
      {canAddendum ? <AddendumForm practiceSlug={practiceSlug} noteId={note.id} /> : null}
    </div>
  );
}
