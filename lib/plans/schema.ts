import { z } from "zod";
import { signDocumentSchema } from "@/lib/documents/schemas";
import { ICD10 } from "@/lib/billing/diagnosis-schema";
import { MEASURES, MEASURE_MAX, type MeasureId } from "@/lib/intake/measures/types";
import type { Comparator, MeasureWho, PlanContent } from "./content";

export type { Comparator, MeasureWho, PlanContent, PlanGoal, PlanMeasureLink } from "./content";

/**
 * The treatment plan form's rules (decision 0051): one schema, used by the
 * editor (react-hook-form) and again by the server. Pure.
 */

export const COMPARATORS = ["at_least", "at_most", "drop_pct"] as const satisfies readonly Comparator[];

export const COMPARATOR_LABELS: Record<Comparator, string> = {
  at_least: "at least",
  at_most: "at most",
  drop_pct: "down by (%)",
};

/** Whose scores a goal's target is read from: on a couple's plan, one partner or each of them. */
export const MEASURE_WHO = ["client", "partner", "both"] as const satisfies readonly MeasureWho[];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
function isCalendarDay(v: string): boolean {
  if (!DAY.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
const day = (label: string) => z.string(`${label}: choose a date`).trim().refine(isCalendarDay, `${label}: choose a date`);
const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isCalendarDay(v), `${label}: choose a valid date`);

const text = (label: string, max: number, min = 1) =>
  z
    .string(`${label}: write something here`)
    .trim()
    .min(min, `${label}: write something here`)
    .max(max, `${label}: keep it under ${max.toLocaleString("en-US")} characters`);

export const objectiveSchema = z.object({
  text: text("Objective", 500),
  targetDate: optionalDay("Target date"),
});

/**
 * A goal's measure link. An empty measure key means "no measure": the form
 * always sends the object, so the server reads "" as none.
 */
export const measureLinkSchema = z
  .object({
    measureKey: z.union([z.literal(""), z.enum(MEASURES, "Measure: choose one of the practice's measures")]),
    comparator: z.enum(COMPARATORS, "Target: choose at least, at most or down by"),
    target: z.union([z.number(), z.string()]).transform((v) => (typeof v === "number" ? v : v.trim() === "" ? Number.NaN : Number(v))),
    who: z.enum(MEASURE_WHO, "Whose scores: choose the client, the partner or both"),
    byDate: optionalDay("By"),
  })
  .superRefine((m, ctx) => {
    if (m.measureKey === "") return;
    if (!Number.isFinite(m.target)) {
      ctx.addIssue({ code: "custom", path: ["target"], message: "Target: give a number" });
      return;
    }
    const max = m.comparator === "drop_pct" ? 100 : MEASURE_MAX[m.measureKey as MeasureId];
    if (m.target < 0 || m.target > max || (m.comparator === "drop_pct" && m.target === 0)) {
      ctx.addIssue({ code: "custom", path: ["target"], message: m.comparator === "drop_pct" ? "Target: a drop between 1 and 100 %" : `Target: a score between 0 and ${max}` });
    }
  });

export const goalSchema = z.object({
  text: text("Goal", 500),
  objectives: z.array(objectiveSchema).max(10, "Objectives: at most 10 per goal"),
  interventions: z.string().trim().max(2000, "Interventions: keep it under 2,000 characters"),
  measure: measureLinkSchema,
});

export const planContentSchema = z.object({
  presentingConcerns: text("Presenting concerns", 5000),
  diagnoses: z
    .string()
    .trim()
    .max(200, "Diagnoses: at most 200 characters")
    .transform((v) =>
      v
        .split(/[\s,;]+/)
        .map((c) => c.toUpperCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(ICD10, "Diagnoses: each code must look like F43.23 or Z63.0")).max(12, "Diagnoses: at most 12 codes")),
  goals: z.array(goalSchema).min(1, "Goals: add at least one goal").max(12, "Goals: at most 12"),
  interventions: z.string().trim().max(5000, "Interventions: keep it under 5,000 characters"),
  reviewDate: day("Review date"),
});

/** A new plan: the same form, plus whom it is for. */
export const newPlanSchema = planContentSchema.extend({
  with: z.enum(["client", "couple"], "Plan for: choose the client or the couple"),
});
export type NewPlanInput = z.input<typeof newPlanSchema>;

export type PlanFormInput = z.input<typeof planContentSchema>;
export type PlanFormOutput = z.output<typeof planContentSchema>;

/** The parsed form as stored content. */
export function toContent(input: PlanFormOutput): { content: PlanContent; reviewDate: string } {
  return {
    reviewDate: input.reviewDate,
    content: {
      presentingConcerns: input.presentingConcerns,
      diagnoses: input.diagnoses,
      interventions: input.interventions,
      goals: input.goals.map((g) => ({
        text: g.text,
        interventions: g.interventions,
        objectives: g.objectives.map((o) => ({ text: o.text, targetDate: o.targetDate ?? null })),
        measure:
          g.measure.measureKey === ""
            ? null
            : { measureKey: g.measure.measureKey, comparator: g.measure.comparator, target: g.measure.target, who: g.measure.who, byDate: g.measure.byDate ?? null },
      })),
    },
  };
}

/** Stored content back into the editor's shape. */
export function toFormValues(content: PlanContent, reviewDate: string): PlanFormInput {
  return {
    presentingConcerns: content.presentingConcerns,
    diagnoses: content.diagnoses.join(", "),
    interventions: content.interventions,
    reviewDate,
    goals: content.goals.map((g) => ({
      text: g.text,
      interventions: g.interventions,
      objectives: g.objectives.map((o) => ({ text: o.text, targetDate: o.targetDate ?? "" })),
      measure: g.measure
        ? { measureKey: g.measure.measureKey, comparator: g.measure.comparator, target: String(g.measure.target), who: g.measure.who, byDate: g.measure.byDate ?? "" }
        : emptyMeasure(),
    })),
  };
}

export function emptyMeasure(): PlanFormInput["goals"][number]["measure"] {
  return { measureKey: "", comparator: "at_most", target: "", who: "client", byDate: "" };
}

export function emptyGoal(): PlanFormInput["goals"][number] {
  return { text: "", objectives: [{ text: "", targetDate: "" }], interventions: "", measure: emptyMeasure() };
}

/** The read-and-sign form, as documents ask it. */
/** Signing a plan is signing as a document is signed: one rule for a typed signature (lib/documents/schemas.ts). */
export const signPlanSchema = signDocumentSchema;
export type SignPlanInput = z.input<typeof signPlanSchema>;
