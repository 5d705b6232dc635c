import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { formAssignments, formResponses, formVersions } from "@/db/schema";
import type { Answers } from "@/lib/intake/answers";
import { scoreMeasure } from "@/lib/intake/measures/score-measure";
import type { MeasureId } from "@/lib/intake/measures/types";
import { installStarterForms } from "@/lib/intake/starter-forms";

/** A demo practice's starting forms: the same as any new practice's (lib/intake/starter-forms.ts). */
export const seedIntakeForms = installStarterForms;

const WEEK = 7 * 24 * 3_600_000;

/**
 * Demo history for one couple: four weekly CSI-4s from each partner and two
 * PHQ-9s from the first, so the staff charts have something to show, plus
 * the couples intake waiting in each partner's portal.
 */
export async function seedIntakeDemoHistory(tx: DbOrTx, practiceId: string, templates: Map<string, string>, couple: [string, string], start: Date): Promise<void> {
  const versionOf = async (slug: string) => {
    const templateId = templates.get(slug);
    if (!templateId) throw new Error(`demo intake: no template ${slug}`);
    const [v] = await tx.select({ id: formVersions.id }).from(formVersions).where(eq(formVersions.templateId, templateId));
    return { templateId, versionId: v!.id };
  };
  const submit = async (slug: string, clientId: string, at: Date, answers: Answers, measure: MeasureId | null) => {
    const { templateId, versionId } = await versionOf(slug);
    const [a] = await tx
      .insert(formAssignments)
      .values({ practiceId, clientId, templateId, versionId, source: "manual", status: "completed", sentAt: at, startedAt: at, completedAt: at })
      .returning({ id: formAssignments.id });
    await tx.insert(formResponses).values({
      practiceId,
      assignmentId: a!.id,
      clientId,
      templateId,
      versionId,
      status: "submitted",
      answers,
      scores: measure ? scoreMeasure(measure, answers) : null,
      createdAt: at,
      updatedAt: at,
      submittedAt: at,
    });
  };
  const csi = (q1: number, rest: number): Answers => ({ q1: String(q1), q2: String(rest), q3: String(rest), q4: String(rest) });
  const series: [number, number][][] = [
    [
      [2, 2],
      [3, 2],
      [3, 3],
      [4, 3],
    ],
    [
      [1, 2],
      [2, 2],
      [2, 3],
      [3, 3],
    ],
  ];
  for (const [who, points] of series.entries()) {
    for (const [week, [q1, rest]] of points.entries()) await submit("csi-4", couple[who]!, new Date(start.getTime() + week * WEEK), csi(q1, rest), "csi4");
  }
  const phq = (n: number): Answers => Object.fromEntries(["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"].map((id, i) => [id, String(i < n ? 1 : 0)]));
  await submit("phq-9", couple[0], start, phq(8), "phq9");
  await submit("phq-9", couple[0], new Date(start.getTime() + 3 * WEEK), phq(5), "phq9");
  const intake = await versionOf("couples-intake");
  await tx.insert(formAssignments).values(couple.map((clientId) => ({ practiceId, clientId, ...intake, source: "manual" as const, sentAt: start })));
}
