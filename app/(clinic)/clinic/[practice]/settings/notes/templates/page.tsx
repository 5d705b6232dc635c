import type { Metadata } from "next";
import Link from "next/link";
import { NewNoteTemplateForm } from "@/components/notes/new-note-template-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateMedium, practiceReader } from "@/lib/dates";
import { listNoteTemplates } from "@/lib/notes/templates";
import { listTemplatesForEditing } from "@/lib/notes/template-editor";

export const metadata: Metadata = { title: "Note templates" };
export const dynamic = "force-dynamic";

export default async function NoteTemplatesPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "notes.templates");
  // listNoteTemplates installs the starters for a practice that has none yet.
  await listNoteTemplates(scope.practice.id);
  const templates = await listTemplatesForEditing(scope.practice.id);
  const reader = practiceReader(scope.practice);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/clinic/${slug}/settings/notes`} className="text-brand underline underline-offset-2">
          Back to session notes
        </Link>
      </p>
      <PageHeader title="Note templates" description="The templates clinicians write session notes on. Publishing a change makes a new version; a note keeps the version it was written on." />
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card>
          <ul className="divide-y divide-line">
            {templates.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link href={`/clinic/${slug}/settings/notes/templates/${t.id}`} className="font-medium text-brand underline underline-offset-2">
                    {t.title}
                  </Link>{" "}
                  {t.archived ? <Badge>Archived</Badge> : null} {t.kind === "psychotherapy" ? <Badge tone="warn">Psychotherapy notes</Badge> : null}
                  <p className="text-sm text-muted">
                    Version {t.version}, published {formatDateMedium(t.publishedAt, reader)} · {t.notes === 1 ? "1 note" : `${t.notes} notes`} written on it
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">New template</h2>
          <NewNoteTemplateForm slug={slug} templates={templates.filter((t) => !t.archived).map((t) => ({ id: t.id, title: t.title }))} />
        </Card>
      </div>
    </>
  );
}
