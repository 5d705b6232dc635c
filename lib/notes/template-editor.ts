import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { noteTemplates, noteTemplateVersions, sessionNotes, type NoteTemplate, type NoteTemplateVersion } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { conflict, invalid, notFound, type Conflict, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { slugify } from "@/lib/practices/slug";
import type { NoteTemplateDefinition } from "./content";
import { newNoteTemplateSchema, noteTemplateDefinitionSchema } from "./template-schema";

/**
 * Editing a practice's note templates (decision 0058). Publishing writes the
 * next immutable version; notes already written keep the version they were
 * written on (session_notes.template_version_id), so nothing a clinician has
 * signed ever changes under them. Template structure is not clinical content:
 * the audit records ids and version numbers.
 */

export interface TemplateSummary {
  id: string;
  title: string;
  kind: NoteTemplateDefinition["kind"];
  version: number;
  publishedAt: Date;
  archived: boolean;
  notes: number;
}

/** Every template of the practice (archived last), with its newest version and how many notes use it. */
export async function listTemplatesForEditing(practiceId: string): Promise<TemplateSummary[]> {
  const templates = await db.select().from(noteTemplates).where(eq(noteTemplates.practiceId, practiceId)).orderBy(asc(noteTemplates.title));
  if (templates.length === 0) return [];
  const versions = await db
    .selectDistinctOn([noteTemplateVersions.templateId])
    .from(noteTemplateVersions)
    .where(eq(noteTemplateVersions.practiceId, practiceId))
    .orderBy(noteTemplateVersions.templateId, desc(noteTemplateVersions.version));
  const used = await db
    .select({ templateId: noteTemplateVersions.templateId, n: count() })
    .from(sessionNotes)
    .innerJoin(noteTemplateVersions, and(eq(noteTemplateVersions.practiceId, sessionNotes.practiceId), eq(noteTemplateVersions.id, sessionNotes.templateVersionId)))
    .where(eq(sessionNotes.practiceId, practiceId))
    .groupBy(noteTemplateVersions.templateId);
  const rows = templates.flatMap((t) => {
    const v = versions.find((x) => x.templateId === t.id);
    if (!v) return [];
    return [{ id: t.id, title: t.title, kind: v.definition.kind, version: v.version, publishedAt: v.publishedAt, archived: t.archivedAt !== null, notes: used.find((u) => u.templateId === t.id)?.n ?? 0 }];
  });
  return rows.sort((a, b) => Number(a.archived) - Number(b.archived));
}

export interface TemplateWithVersions {
  template: NoteTemplate;
  versions: NoteTemplateVersion[];
}

export async function getTemplateForEditing(practiceId: string, templateId: string): Promise<TemplateWithVersions | null> {
  if (!isUuid(templateId)) return null;
  const [template] = await db.select().from(noteTemplates).where(and(eq(noteTemplates.practiceId, practiceId), eq(noteTemplates.id, templateId)));
  if (!template) return null;
  const versions = await db
    .select()
    .from(noteTemplateVersions)
    .where(and(eq(noteTemplateVersions.practiceId, practiceId), eq(noteTemplateVersions.templateId, templateId)))
    .orderBy(desc(noteTemplateVersions.version));
  return versions.length ? { template, versions } : null;
}

export type PublishNoteTemplateResult = { ok: true; version: number; versionId: string } | Invalid | NotFound | Conflict<"unchanged">;

/** Publishes `definition` as the template's next version, numbered 1, 2, 3… even when two people publish at once. */
export async function publishNoteTemplate(scope: PracticeScope, templateId: string, definition: unknown, now: Date): Promise<PublishNoteTemplateResult> {
  const parsed = noteTemplateDefinitionSchema.safeParse(definition);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  if (!isUuid(templateId)) return notFound("This template was not found");
  return db.transaction(async (tx) => {
    const [template] = await tx
      .select({ id: noteTemplates.id })
      .from(noteTemplates)
      .where(and(eq(noteTemplates.practiceId, scope.practice.id), eq(noteTemplates.id, templateId)))
      .for("update");
    if (!template) return notFound("This template was not found");
    const [latest] = await tx
      .select({ version: noteTemplateVersions.version, definition: noteTemplateVersions.definition })
      .from(noteTemplateVersions)
      .where(eq(noteTemplateVersions.templateId, templateId))
      .orderBy(desc(noteTemplateVersions.version))
      .limit(1);
    if (latest && canonical(latest.definition) === canonical(parsed.data)) {
      return conflict("unchanged", `Nothing has changed since version ${latest.version}`);
    }
    const version = (latest?.version ?? 0) + 1;
    const [created] = await tx
      .insert(noteTemplateVersions)
      .values({ practiceId: scope.practice.id, templateId, version, definition: parsed.data, publishedAt: now, publishedByUserId: scope.user.id })
      .returning({ id: noteTemplateVersions.id });
    await tx.update(noteTemplates).set({ title: parsed.data.title }).where(eq(noteTemplates.id, templateId));
    await recordAudit(byMember(scope, "note_template.publish", { type: "note_template", id: templateId }, { version, versionId: created!.id }), tx);
    return { ok: true as const, version, versionId: created!.id };
  });
}

/** JSON with keys sorted at every level: jsonb does not keep the order keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

const BLANK = (title: string): NoteTemplateDefinition => ({
  title,
  description: "",
  kind: "progress",
  sections: [{ id: "note", title: "Note", fields: [{ id: "note", label: "Note", kind: "long_text" }] }],
});

export type CreateNoteTemplateResult = { ok: true; templateId: string } | Invalid | NotFound;

/** A new template, blank or a copy of one of the practice's own (its newest version), as version 1. */
export async function createNoteTemplate(scope: PracticeScope, input: unknown, now: Date): Promise<CreateNoteTemplateResult> {
  const parsed = newNoteTemplateSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const { title, copyFrom } = parsed.data;
  let definition = BLANK(title);
  if (copyFrom) {
    const source = await getTemplateForEditing(scope.practice.id, copyFrom);
    if (!source) return invalid({ copyFrom: ["Start from: choose one of the practice's templates"] });
    definition = { ...source.versions[0]!.definition, title };
  }
  // The one slug rule (lib/practices/slug): the same shape note_templates_slug_format checks.
  const base = slugify(title) || "note";
  for (let attempt = 0; attempt < 20; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    try {
      return await db.transaction(async (tx) => {
        const [template] = await tx.insert(noteTemplates).values({ practiceId: scope.practice.id, slug, title, createdAt: now }).returning({ id: noteTemplates.id });
        await tx.insert(noteTemplateVersions).values({ practiceId: scope.practice.id, templateId: template!.id, version: 1, definition, publishedAt: now, publishedByUserId: scope.user.id });
        await recordAudit(byMember(scope, "note_template.create", { type: "note_template", id: template!.id }, copyFrom ? { copiedFrom: copyFrom } : {}), tx);
        return { ok: true as const, templateId: template!.id };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return invalid({ title: ["Title: the practice already has templates by this name; choose another"] });
}

export type ArchiveNoteTemplateResult = { ok: true } | NotFound | Conflict<"last_template">;

/**
 * Archives (or restores) a template: it leaves the list clinicians start notes
 * from, and every note written on it stays readable. The last template in use
 * cannot be archived, or nobody could write a note.
 */
export async function setNoteTemplateArchived(scope: PracticeScope, templateId: string, archived: boolean, now: Date): Promise<ArchiveNoteTemplateResult> {
  if (!isUuid(templateId)) return notFound("This template was not found");
  return db.transaction(async (tx) => {
    // Serialises archivers, so two people cannot archive the last two at once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('note_templates:' || ${scope.practice.id}))`);
    const [template] = await tx.select().from(noteTemplates).where(and(eq(noteTemplates.practiceId, scope.practice.id), eq(noteTemplates.id, templateId)));
    if (!template) return notFound("This template was not found");
    if (archived && !template.archivedAt) {
      const [live] = await tx.select({ n: count() }).from(noteTemplates).where(and(eq(noteTemplates.practiceId, scope.practice.id), isNull(noteTemplates.archivedAt)));
      if ((live?.n ?? 0) <= 1) return conflict("last_template", "This is the practice's last template in use; add another before archiving it");
    }
    await tx.update(noteTemplates).set({ archivedAt: archived ? (template.archivedAt ?? now) : null }).where(eq(noteTemplates.id, templateId));
    await recordAudit(byMember(scope, archived ? "note_template.archive" : "note_template.restore", { type: "note_template", id: templateId }), tx);
    return { ok: true as const };
  });
}
