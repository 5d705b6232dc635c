import { itemScore, type MeasureScore } from "./types";

/** Item 1 is scored 0–6, items 2–4 are scored 0–5. */
export const CSI4_ITEMS = [
  { id: "q1", max: 6 },
  { id: "q2", max: 5 },
  { id: "q3", max: 5 },
  { id: "q4", max: 5 },
] as const;

/** Totals below this indicate notable relationship dissatisfaction (Funk & Rogge 2007). */
export const CSI4_CUTOFF = 13.5;

/**
 * CSI-4 (Funk & Rogge 2007): the sum of four items, 0–21, higher is more
 * satisfied; below 13.5 indicates notable relationship dissatisfaction.
 * The authors publish no proration for the 4-item form, so a missing item
 * leaves it unscored.
 */
export function scoreCsi4(answers: Record<string, unknown>): MeasureScore {
  return scoreCsiTotal("csi4", CSI4_ITEMS.map((item) => item.max), CSI4_CUTOFF, answers);
}

/**
 * Every CSI form is scored the same way: the sum of its items (answers q1…qN,
 * each already its keyed score, from 0 to its own maximum), unscored when any
 * item is missing (the authors publish no proration), and below the form's
 * cut-off is notable dissatisfaction.
 */
export function scoreCsiTotal(measure: "csi4" | "csi16" | "csi32", itemMaxes: readonly number[], cutoff: number, answers: Record<string, unknown>): MeasureScore {
  const scores = itemMaxes.map((max, i) => itemScore(answers[`q${i + 1}`], max));
  const answered = scores.filter((s): s is number => s !== null);
  const max = itemMaxes.reduce((a, b) => a + b, 0);
  const base = { measure, max, answered: answered.length, items: itemMaxes.length, prorated: false };
  if (answered.length < itemMaxes.length) return { ...base, total: null, band: null, bandLabel: null };
  const total = answered.reduce((a, b) => a + b, 0);
  const dissatisfied = total < cutoff;
  return {
    ...base,
    total,
    band: dissatisfied ? "dissatisfied" : "satisfied",
    bandLabel: dissatisfied ? "Notable dissatisfaction" : "Above the distress cut-off",
    dissatisfied,
  };
}
