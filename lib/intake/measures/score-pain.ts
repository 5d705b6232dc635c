import { bandFor, itemScore, type Band, type MeasureScore } from "./types";

export const PAIN_BANDS: readonly Band[] = [
  { key: "none", label: "No pain", from: 0 },
  { key: "mild", label: "Mild", from: 1 },
  { key: "moderate", label: "Moderate", from: 4 },
  { key: "severe", label: "Severe", from: 7 },
];

/**
 * A 0–10 numeric pain rating: one item, so a missing answer is unscored.
 * Bands 0 none, 1–3 mild, 4–6 moderate, 7–10 severe (the usual NRS cut
 * points).
 */
export function scorePain(answers: Record<string, unknown>): MeasureScore {
  const score = itemScore(answers.pain, 10);
  const base = { measure: "pain" as const, max: 10, items: 1, prorated: false };
  if (score === null) return { ...base, total: null, band: null, bandLabel: null, answered: 0 };
  const band = bandFor(score, PAIN_BANDS);
  return { ...base, total: score, band: band.key, bandLabel: band.label, answered: 1 };
}
