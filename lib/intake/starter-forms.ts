import type { DbOrTx } from "@/db/client";
import { serviceForms, type PracticeKind } from "@/db/schema";
import { MEASURE_DEFINITIONS } from "./measures/definitions";
import { MEASURES_BY_KIND, TEMPLATES_BY_KIND } from "./starter-templates";
import { insertTemplate } from "./versions";

/**
 * A practice's starting forms and measures for its kind (lib/intake/starter-templates.ts),
 * the same for a seeded demo practice and one started from the sign-up page. The intake,
 * consent and policy forms become required by each service in `serviceIds` (a new practice
 * has none yet); the measures are sent by hand. Returns the template ids by slug.
 */
export async function installStarterForms(tx: DbOrTx, practiceId: string, kind: PracticeKind, serviceIds: string[] = []): Promise<Map<string, string>> {
  const bySlug = new Map<string, string>();
  const required: string[] = [];
  for (const t of TEMPLATES_BY_KIND[kind]) {
    const { templateId } = await insertTemplate(tx, { practiceId, slug: t.slug, kind: t.kind, definition: t.definition });
    bySlug.set(t.slug, templateId);
    // Telehealth consent only matters for online sessions; the practice adds it where it applies.
    if (t.slug !== "telehealth-consent") required.push(templateId);
  }
  for (const m of MEASURES_BY_KIND[kind]) {
    const { templateId } = await insertTemplate(tx, { practiceId, slug: m.slug, kind: "measure", measure: m.measure, definition: MEASURE_DEFINITIONS[m.measure] });
    bySlug.set(m.slug, templateId);
  }
  const links = serviceIds.flatMap((serviceId) => required.map((templateId, position) => ({ practiceId, serviceId, templateId, position })));
  if (links.length > 0) await tx.insert(serviceForms).values(links);
  return bySlug;
}
