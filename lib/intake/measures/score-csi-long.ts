import { CSI16_ITEMS, CSI32_ITEMS, csiItemMax, type CsiItem } from "./csi-items";
import { itemScore, type MeasureScore } from "./types";

/** Totals below these indicate notable relationship dissatisfaction (Funk & Rogge 2007). */
export const CSI16_CUTOFF = 51.5;
export const CSI32_CUTOFF = 104.5;

function scoreCsi(measure: "csi16" | "csi32", items: readonly CsiItem[], cutoff: number, answers: Record<string, unknown>): MeasureScore {
  // Option values are already the keyed item scores (lib/intake/measures/csi-items.ts), so the total is their sum.
  const scores = items.map((item, i) => itemScore(answers[`q${i + 1}`], csiItemMax(item)));
  const answered = scores.filter((s): s is number => s !== null);
  const max = items.reduce((a, item) => a + csiItemMax(item), 0);
  const base = { measure, max, answered: answered.length, items: items.length, prorated: false };
  // The authors publish no proration for the CSI, so (as for the CSI-4) a missing item leaves it unscored.
  if (answered.length < items.length) return { ...base, total: null, band: null, bandLabel: null };
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

/** CSI-16 (Funk & Rogge 2007): sixteen items, total 0–81, higher more satisfied; below 51.5 is notable dissatisfaction. */
export function scoreCsi16(answers: Record<string, unknown>): MeasureScore {
  return scoreCsi("csi16", CSI16_ITEMS, CSI16_CUTOFF, answers);
}

/** CSI-32 (Funk & Rogge 2007): thirty-two items, total 0–161, higher more satisfied; below 104.5 is notable dissatisfaction. */
export function scoreCsi32(answers: Record<string, unknown>): MeasureScore {
  return scoreCsi("csi32", CSI32_ITEMS, CSI32_CUTOFF, answers);
}
