import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { formTemplates } from "@/db/schema";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import type { PracticeScope } from "@/lib/auth/guards";
import { isUniqueViolation } from "@/lib/db/pg-error";
import { zodFieldErrors, type FieldErrors } from "@/lib/form-result";
import { addMeasureSchema } from "./add-measure-schema";
import { MEASURE_DEFINITIONS } from "./measures/definitions";
import { MEASURE_SLUGS } from "./starter-templates";
import { insertTemplate } from "./versions";

export type AddMeasureResult = { ok: true; templateId: string } | { ok: false; errors: FieldErrors };

/**
 * Adds one of the standard measures to a practice that did not start with
 * it (a practice only gets its kind's measures at sign-up), with the
 * published wording and scoring; one template per measure per practice.
 */
export async function addStandardMeasure(scope: PracticeScope, input: unknown): Promise<AddMeasureResult> {
  const parsed = addMeasureSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { measure } = parsed.data;
  const [existing] = await db
    .select({ id: formTemplates.id })
    .from(formTemplates)
    .where(and(eq(formTemplates.practiceId, scope.practice.id), eq(formTemplates.measure, measure)));
  if (existing) return { ok: false, errors: { measure: ["Your practice already has this measure"] } };
  try {
    const { templateId } = await db.transaction(async (tx) => {
      const created = await insertTemplate(tx, {
        practiceId: scope.practice.id,
        slug: MEASURE_SLUGS[measure],
        kind: "measure",
        measure,
        publishedByUserId: scope.user.id,
        definition: MEASURE_DEFINITIONS[measure],
      });
      await recordAudit(byMember(scope, "form_template.create", { type: "form_template", id: created.templateId }, { measure }), tx);
      return created;
    });
    return { ok: true, templateId };
  } catch (error) {
    if (!isUniqueViolation(error, "form_templates_practice_id_slug_key")) throw error;
    return { ok: false, errors: { measure: [`A form of yours already uses the address "${MEASURE_SLUGS[measure]}"; rename that form first`] } };
  }
}
