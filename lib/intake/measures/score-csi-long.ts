import { CSI16_ITEMS, CSI32_ITEMS, csiItemMax, type CsiItem } from "./csi-items";
import { scoreCsiTotal } from "./score-csi4";
import type { MeasureScore } from "./types";

/** Totals below these indicate notable relationship dissatisfaction (Funk & Rogge 2007). */
export const CSI16_CUTOFF = 51.5;
export const CSI32_CUTOFF = 104.5;

// Option values are already the keyed item scores (lib/intake/measures/csi-items.ts), so the total is their sum.
function scoreCsi(measure: "csi16" | "csi32", items: readonly CsiItem[], cutoff: number, answers: Record<string, unknown>): MeasureScore {
  return scoreCsiTotal(measure, items.map(csiItemMax), cutoff, answers);
}

/** CSI-16 (Funk & Rogge 2007): sixteen items, total 0–81, higher more satisfied; below 51.5 is notable dissatisfaction. */
export function scoreCsi16(answers: Record<string, unknown>): MeasureScore {
  return scoreCsi("csi16", CSI16_ITEMS, CSI16_CUTOFF, answers);
}

/** CSI-32 (Funk & Rogge 2007): thirty-two items, total 0–161, higher more satisfied; below 104.5 is notable dissatisfaction. */
export function scoreCsi32(answers: Record<string, unknown>): MeasureScore {
  return scoreCsi("csi32", CSI32_ITEMS, CSI32_CUTOFF, answers);
}
