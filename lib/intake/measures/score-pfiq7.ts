import { scoreMeanScales, type MeanScale } from "./mean-scales";
import type { MeasureScore } from "./types";

const ids = (prefix: string) => Array.from({ length: 7 }, (_, i) => `${prefix}${i + 1}`);

/** The same seven questions asked of each of three areas: bladder, bowel, vagina or pelvis. */
export const PFIQ7_SCALES: readonly MeanScale[] = [
  { key: "uiq7", label: "UIQ-7 (bladder or urine)", itemIds: ids("uiq") },
  { key: "craiq7", label: "CRAIQ-7 (bowel or rectum)", itemIds: ids("craiq") },
  { key: "popiq7", label: "POPIQ-7 (vagina or pelvis)", itemIds: ids("popiq") },
];

/**
 * PFIQ-7 (Barber, Walters & Bump 2005): 21 items scored 0–3 (not at all …
 * quite a bit). Each scale is the mean of its answered items × 100/3
 * (0–100); the summary is their sum (0–300), higher meaning more impact.
 */
export function scorePfiq7(answers: Record<string, unknown>): MeasureScore {
  return scoreMeanScales("pfiq7", PFIQ7_SCALES, answers, 3, 100 / 3);
}
