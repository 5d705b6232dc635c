import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { clients, formAssignments, formResponses, formTemplates, formVersions, practices } from "@/db/schema";
import { scoreMeasure } from "@/lib/intake/measures/score-measure";
import { installStarterForms } from "@/lib/intake/starter-forms";
import { DEMO_MEASURES } from "./data/measures";

/** A demo practice's starting forms: the same as any new practice's (lib/intake/starter-forms.ts). */
export const seedIntakeForms = installStarterForms;

const DAY = 24 * 3_600_000;

/** The couples intake waiting in each partner's portal, sent at `sentAt`. */
export async function seedIntakeDemoHistory(tx: DbOrTx, practiceId: string, templates: Map<string, string>, couple: [string, string], sentAt: Date): Promise<void> {
  const templateId = templates.get("couples-intake");
  if (!templateId) throw new Error("demo intake: no template couples-intake");
  const [v] = await tx.select({ id: formVersions.id }).from(formVersions).where(eq(formVersions.templateId, templateId)).orderBy(desc(formVersions.version)).limit(1);
  await tx.insert(formAssignments).values(couple.map((clientId) => ({ practiceId, clientId, templateId, versionId: v!.id, source: "manual" as const, sentAt })));
}

/**
 * The measures in ./data/measures.ts, submitted and scored the way the portal
 * scores them, on the days before `now` they name (at the same time of day
 * as `now`, less three hours). Plain rows: no outbox events, no flags (the
 * data triggers none).
 */
export async function seedDemoMeasures(tx: DbOrTx, now: Date): Promise<number> {
  let written = 0;
  for (const demo of DEMO_MEASURES) {
    const [row] = await tx
      .select({ practiceId: practices.id, templateId: formTemplates.id, clientId: clients.id })
      .from(practices)
      .innerJoin(formTemplates, and(eq(formTemplates.practiceId, practices.id), eq(formTemplates.slug, demo.template)))
      .innerJoin(clients, and(eq(clients.practiceId, practices.id), eq(clients.email, demo.client)))
      .where(eq(practices.slug, demo.practiceSlug));
    if (!row) throw new Error(`demo measures: no ${demo.template} or ${demo.client} in ${demo.practiceSlug}`);
    const { practiceId, templateId, clientId } = row;
    const [v] = await tx.select({ id: formVersions.id }).from(formVersions).where(eq(formVersions.templateId, templateId)).orderBy(desc(formVersions.version)).limit(1);
    for (const [daysAgo, answers] of demo.points) {
      const at = new Date(now.getTime() - daysAgo * DAY - 3 * 3_600_000);
      const [a] = await tx
        .insert(formAssignments)
        .values({ practiceId, clientId, templateId, versionId: v!.id, source: "manual", status: "completed", sentAt: at, startedAt: at, completedAt: at })
        .returning({ id: formAssignments.id });
      await tx.insert(formResponses).values({
        practiceId,
        assignmentId: a!.id,
        clientId,
        templateId,
        versionId: v!.id,
        status: "submitted",
        answers,
        scores: scoreMeasure(demo.measure, answers),
        createdAt: at,
        updatedAt: at,
        submittedAt: at,
      });
      written += 1;
    }
  }
  return written;
}

