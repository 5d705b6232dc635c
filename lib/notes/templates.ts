import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { noteTemplates, noteTemplateVersions, type NoteTemplateVersion } from "@/db/schema";
import { isUuid } from "@/lib/ids";
import { NOTE_TEMPLATES } from "./starter-templates";

/**
 * Installs the starter note templates (version 1 each) a practice lacks.
 * Idempotent: a template the practice already has, by slug, is left alone,
 * so the sign-up, the demo seed and a practice that predates migration 0038
 * all go through this one function.
 */
export async function installNoteTemplates(tx: DbOrTx, practiceId: string): Promise<void> {
  const inserted = await tx
    .insert(noteTemplates)
    .values(NOTE_TEMPLATES.map((t) => ({ practiceId, slug: t.slug, title: t.definition.title })))
    .onConflictDoNothing({ target: [noteTemplates.practiceId, noteTemplates.slug] })
    .returning({ id: noteTemplates.id, slug: noteTemplates.slug });
  if (inserted.length === 0) return;
  await tx.insert(noteTemplateVersions).values(
    inserted.map((row) => ({ practiceId, templateId: row.id, version: 1, definition: NOTE_TEMPLATES.find((t) => t.slug === row.slug)!.definition })),
  );
}

export interface NoteTemplateChoice {
  id: string;
  slug: string;
  title: string;
  version: NoteTemplateVersion;
}

/** The practice's note templates in use, each with its newest version; installs the starters on first use. */
export async function listNoteTemplates(practiceId: string): Promise<NoteTemplateChoice[]> {
  let templates = await db
    .select()
    .from(noteTemplates)
    .where(and(eq(noteTemplates.practiceId, practiceId), isNull(noteTemplates.archivedAt)))
    .orderBy(asc(noteTemplates.title));
  if (templates.length === 0) {
    await db.transaction((tx) => installNoteTemplates(tx, practiceId));
    templates = await db
      .select()
      .from(noteTemplates)
      .where(and(eq(noteTemplates.practiceId, practiceId), isNull(noteTemplates.archivedAt)))
      .orderBy(asc(noteTemplates.title));
  }
  if (templates.length === 0) return [];
  const versions = await db
    .selectDistinctOn([noteTemplateVersions.templateId])
    .from(noteTemplateVersions)
    .where(and(eq(noteTemplateVersions.practiceId, practiceId), inArray(noteTemplateVersions.templateId, templates.map((t) => t.id))))
    .orderBy(noteTemplateVersions.templateId, desc(noteTemplateVersions.version));
  return templates.flatMap((t) => {
    const version = versions.find((v) => v.templateId === t.id);
    return version ? [{ id: t.id, slug: t.slug, title: t.title, version }] : [];
  });
}

/** One template's newest version, within the practice; none for an archived template (new notes are not started on it). */
export async function currentNoteVersion(practiceId: string, templateId: string): Promise<NoteTemplateVersion | null> {
  if (!isUuid(templateId)) return null;
  const [row] = await db
    .select({ version: noteTemplateVersions })
    .from(noteTemplateVersions)
    .innerJoin(noteTemplates, and(eq(noteTemplates.practiceId, noteTemplateVersions.practiceId), eq(noteTemplates.id, noteTemplateVersions.templateId), isNull(noteTemplates.archivedAt)))
    .where(and(eq(noteTemplateVersions.practiceId, practiceId), eq(noteTemplateVersions.templateId, templateId)))
    .orderBy(desc(noteTemplateVersions.version))
    .limit(1);
  return row?.version ?? null;
}
