import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoteTemplateEditor } from "@/components/notes/note-template-editor";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTimeMedium, practiceReader } from "@/lib/dates";
import { getTemplateForEditing } from "@/lib/notes/template-editor";
import { archiveNoteTemplateAction } from "../actions";

export const metadata: Metadata = { title: "Edit note template" };
export const dynamic = "force-dynamic";

export default async function NoteTemplatePage({ params }: { params: Promise<{ practice: string; templateId: string }> }) {
  const { practice: slug, templateId } = await params;
  const scope = await requireMember(slug, "notes.templates");
  const found = await getTemplateForEditing(scope.practice.id, templateId);
  if (!found) notFound();
  const { template, versions } = found;
  const current = versions[0]!;
  const reader = practiceReader(scope.practice);
  const archived = template.archivedAt !== null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/clinic/${slug}/settings/notes/templates`} className="text-brand underline underline-offset-2">
          All note templates
        </Link>
      </p>
      <PageHeader
        title={template.title}
        description={
          <>
            Version {current.version} is current. {archived ? <Badge>Archived: not offered for new notes</Badge> : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[3fr_1fr]">
        <Card>
          <NoteTemplateEditor key={template.id} slug={slug} templateId={template.id} initial={current.definition} currentVersion={current.version} />
        </Card>
        <div className="space-y-4">
          <Card>
            <h2 className="mb-2 font-semibold">Versions</h2>
            <ol className="space-y-1 text-sm">
              {versions.map((v) => (
                <li key={v.id}>
                  Version {v.version}: {formatDateTimeMedium(v.publishedAt, reader)}
                </li>
              ))}
            </ol>
          </Card>
          <Card>
            <h2 className="mb-2 font-semibold">{archived ? "Archived" : "In use"}</h2>
            <p className="mb-3 text-sm text-muted">
              {archived
                ? "Clinicians cannot start new notes on it. Notes already written on it stay as they are."
                : "Archiving takes it off the list clinicians start notes from. Notes already written on it stay as they are."}
            </p>
            <ActionButton
              action={archiveNoteTemplateAction.bind(null, slug, template.id, !archived)}
              label={archived ? "Restore template" : "Archive template"}
              busyLabel={archived ? "Restoring…" : "Archiving…"}
              failure="That did not work; try again."
            />
          </Card>
        </div>
      </div>
    </>
  );
}
