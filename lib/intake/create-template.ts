import { db } from "@/db/client";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { createTemplateSchema } from "./create-template-schema";
import { insertTemplate } from "./versions";

export type CreateTemplateResult = { ok: true; templateId: string } | { ok: false; errors: FieldErrors };

function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || "form"
  );
}

/** A new form with a first version of one section and one question, ready for the builder. */
export async function createTemplate(scope: PracticeScope, input: unknown): Promise<CreateTemplateResult> {
  const parsed = createTemplateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { title, kind } = parsed.data;
  const base = slugify(title);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
    try {
      const { templateId } = await db.transaction(async (tx) => {
        const created = await insertTemplate(tx, {
          practiceId: scope.practice.id,
          slug,
          kind,
          publishedByUserId: scope.user.id,
          definition: { title, sections: [{ id: "section_1", title: "Questions", questions: [{ id: "question_1", kind: "short_text", label: "Your first question", required: false }] }] },
        });
        await recordAudit(byMember(scope, "form_template.create", { type: "form_template", id: created.templateId }), tx);
        return created;
      });
      return { ok: true, templateId };
    } catch (error) {
      if (!isUniqueViolation(error, "form_templates_practice_id_slug_key")) throw error;
    }
  }
  return { ok: false, errors: { title: ["A form with a similar title exists; choose another title"] } };
}
