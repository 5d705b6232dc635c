import { scoreMeanScales, type MeanScale } from "./mean-scales";
import type { MeasureScore } from "./types";

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `q${from + i}`);

/** The published item order: POPDI-6 is items 1–6, CRADI-8 items 7–14, UDI-6 items 15–20. */
export const PFDI20_SCALES: readonly MeanScale[] = [
  { key: "udi6", label: "UDI-6 (urinary)", itemIds: ids(15, 20) },
  { key: "cradi8", label: "CRADI-8 (colorectal-anal)", itemIds: ids(7, 14) },
  { key: "popdi6", label: "POPDI-6 (prolapse)", itemIds: ids(1, 6) },
];

/**
 * PFDI-20 (Barber, Walters & Bump 2005): twenty items scored 0 (no symptom)
 * or 1–4 (bothered not at all … quite a bit). Each scale is the mean of its
 * answered items × 25 (0–100); the summary is their sum (0–300), higher
 * meaning more bother. See lib/intake/measures/mean-scales.ts for missing items.
 */
export function scorePfdi20(answers: Record<string, unknown>): MeasureScore {
  return scoreMeanScales("pfdi20", PFDI20_SCALES, answers, 4, 25);
}
