import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { formTemplates, formVersions, type FormKind, type FormTemplate, type FormVersion } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { isUuid } from "@/lib/ids";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { formDefinitionSchema, type FormDefinition } from "./form-definition";

/** The newest version of each template (the one new assignments get). */
export async function currentVersions(practiceId: string, templateIds: string[], tx: DbOrTx = db): Promise<Map<string, FormVersion>> {
  if (templateIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([formVersions.templateId])
    .from(formVersions)
    .where(and(eq(formVersions.practiceId, practiceId), inArray(formVersions.templateId, templateIds)))
    .orderBy(formVersions.templateId, desc(formVersions.version));
  return new Map(rows.map((v) => [v.templateId, v]));
}

export interface TemplateRow {
  template: FormTemplate;
  current: Pick<FormVersion, "id" | "version" | "publishedAt"> | null;
}

/** The practice's forms that are in use, with their current version. */
export async function listTemplates(practiceId: string): Promise<TemplateRow[]> {
  const templates = await db
    .select()
    .from(formTemplates)
    .where(and(eq(formTemplates.practiceId, practiceId), isNull(formTemplates.archivedAt)))
    .orderBy(formTemplates.kind, formTemplates.title);
  const current = await currentVersions(
    practiceId,
    templates.map((t) => t.id),
  );
  return templates.map((template) => {
    const v = current.get(template.id);
    return { template, current: v ? { id: v.id, version: v.version, publishedAt: v.publishedAt } : null };
  });
}

export async function getTemplateWithVersions(practiceId: string, templateId: string) {
  if (!isUuid(templateId)) return null;
  const [template] = await db
    .select()
    .from(formTemplates)
    .where(and(eq(formTemplates.practiceId, practiceId), eq(formTemplates.id, templateId)));
  if (!template) return null;
  const versions = await db
    .select()
    .from(formVersions)
    .where(and(eq(formVersions.practiceId, practiceId), eq(formVersions.templateId, templateId)))
    .orderBy(desc(formVersions.version));
  return { template, versions };
}

export type PublishResult = { ok: true; versionId: string; version: number } | { ok: false; errors: FieldErrors; message?: string };

/**
 * Publishes `definition` as the template's next version. Earlier versions
 * and every response to them stay as they are; assignments nobody has
 * started move to the new version when the client next opens them.
 */
export async function publishVersion(scope: PracticeScope, templateId: string, definition: unknown): Promise<PublishResult> {
  const parsed = formDefinitionSchema.safeParse(definition);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error), message: "The form has problems; see the highlighted fields." };
  if (!isUuid(templateId)) return { ok: false, errors: { form: ["This form was not found"] } };
  return db.transaction(async (tx) => {
    // Serialises publishers of one template: version numbers stay 1, 2, 3…
    const [template] = await tx
      .select({ id: formTemplates.id, kind: formTemplates.kind })
      .from(formTemplates)
      .where(and(eq(formTemplates.practiceId, scope.practice.id), eq(formTemplates.id, templateId)))
      .for("update");
    if (!template) return { ok: false as const, errors: { form: ["This form was not found"] } };
    if (template.kind === "measure") return { ok: false as const, errors: { form: ["Standard measures keep their published wording and cannot be edited"] } };
    const [row] = await tx
      .select({ n: sql<number>`coalesce(max(${formVersions.version}), 0)::int` })
      .from(formVersions)
      .where(eq(formVersions.templateId, templateId));
    const version = (row?.n ?? 0) + 1;
    const [created] = await tx
      .insert(formVersions)
      .values({ practiceId: scope.practice.id, templateId, version, definition: parsed.data, publishedByUserId: scope.user.id })
      .returning({ id: formVersions.id });
    await tx
      .update(formTemplates)
      .set({ title: parsed.data.title, updatedAt: new Date() })
      .where(eq(formTemplates.id, templateId));
    await recordAudit(byMember(scope, "form_version.publish", { type: "form_template", id: templateId }, { versionId: created!.id, version }), tx);
    return { ok: true as const, versionId: created!.id, version };
  });
}

/** Inserts a template and its first version (seed and "new form"). */
export async function insertTemplate(
  tx: DbOrTx,
  values: { practiceId: string; slug: string; kind: FormKind; measure?: string | null; definition: FormDefinition; publishedByUserId?: string | null; publishedAt?: Date },
): Promise<{ templateId: string; versionId: string }> {
  const definition = formDefinitionSchema.parse(values.definition);
  const [template] = await tx
    .insert(formTemplates)
    .values({ practiceId: values.practiceId, slug: values.slug, kind: values.kind, measure: values.measure ?? null, title: definition.title })
    .returning({ id: formTemplates.id });
  const [version] = await tx
    .insert(formVersions)
    .values({
      practiceId: values.practiceId,
      templateId: template!.id,
      version: 1,
      definition,
      publishedByUserId: values.publishedByUserId ?? null,
      ...(values.publishedAt ? { publishedAt: values.publishedAt } : {}),
    })
    .returning({ id: formVersions.id });
  return { templateId: template!.id, versionId: version!.id };
}
