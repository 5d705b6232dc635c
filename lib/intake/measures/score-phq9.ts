import { bandFor, itemScore, type Band, type MeasureScore } from "./types";

export const PHQ9_ITEMS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"] as const;

export const PHQ9_BANDS: readonly Band[] = [
  { key: "minimal", label: "Minimal", from: 0 },
  { key: "mild", label: "Mild", from: 5 },
  { key: "moderate", label: "Moderate", from: 10 },
  { key: "moderately_severe", label: "Moderately severe", from: 15 },
  { key: "severe", label: "Severe", from: 20 },
];

/** At most this many of the nine items may be missing; the total is then prorated (see docs/decisions/0008). */
export const PHQ9_MAX_MISSING = 2;

/**
 * PHQ-9 (Kroenke, Spitzer & Williams 2001): nine items scored 0–3, total
 * 0–27; 5, 10, 15 and 20 start the mild, moderate, moderately severe and
 * severe bands. With one or two items missing the total is the mean of the
 * answered items times nine, rounded; with more it is not scored. Item 9 is
 * reported on its own whatever the total: any answer above 0 is positive.
 */
export function scorePhq9(answers: Record<string, unknown>): MeasureScore {
  const scores = PHQ9_ITEMS.map((id) => itemScore(answers[id], 3));
  const answered = scores.filter((s): s is number => s !== null);
  const item9 = scores[8] === null ? "missing" : scores[8]! > 0 ? "positive" : "negative";
  const missing = PHQ9_ITEMS.length - answered.length;
  const base = { measure: "phq9" as const, max: 27, answered: answered.length, items: PHQ9_ITEMS.length, item9 } satisfies Partial<MeasureScore>;
  if (missing > PHQ9_MAX_MISSING) return { ...base, total: null, band: null, bandLabel: null, prorated: false };
  const sum = answered.reduce((a, b) => a + b, 0);
  const total = missing === 0 ? sum : Math.round((sum / answered.length) * PHQ9_ITEMS.length);
  const band = bandFor(total, PHQ9_BANDS);
  return { ...base, total, band: band.key, bandLabel: band.label, prorated: missing > 0 };
}
