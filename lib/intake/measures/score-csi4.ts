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
  const scores = CSI4_ITEMS.map((item) => itemScore(answers[item.id], item.max));
  const answered = scores.filter((s): s is number => s !== null);
  const base = { measure: "csi4" as const, max: 21, answered: answered.length, items: CSI4_ITEMS.length, prorated: false };
  if (answered.length < CSI4_ITEMS.length) return { ...base, total: null, band: null, bandLabel: null };
  const total = answered.reduce((a, b) => a + b, 0);
  const dissatisfied = total < CSI4_CUTOFF;
  return {
    ...base,
    total,
    band: dissatisfied ? "dissatisfied" : "satisfied",
    bandLabel: dissatisfied ? "Notable dissatisfaction" : "Above the distress cut-off",
    dissatisfied,
  };
}
