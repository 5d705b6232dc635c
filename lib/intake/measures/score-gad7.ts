import { bandFor, itemScore, type Band, type MeasureScore } from "./types";

export const GAD7_ITEMS = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"] as const;

export const GAD7_BANDS: readonly Band[] = [
  { key: "minimal", label: "Minimal", from: 0 },
  { key: "mild", label: "Mild", from: 5 },
  { key: "moderate", label: "Moderate", from: 10 },
  { key: "severe", label: "Severe", from: 15 },
];

/** At most this many of the seven items may be missing; the total is then prorated (see docs/decisions/0008). */
export const GAD7_MAX_MISSING = 1;

/**
 * GAD-7 (Spitzer, Kroenke, Williams & Löwe 2006): seven items scored 0–3,
 * total 0–21; 5, 10 and 15 start the mild, moderate and severe bands.
 * With one item missing the total is the mean of the answered items times
 * seven, rounded; with more it is not scored.
 */
export function scoreGad7(answers: Record<string, unknown>): MeasureScore {
  const answered = GAD7_ITEMS.map((id) => itemScore(answers[id], 3)).filter((s): s is number => s !== null);
  const missing = GAD7_ITEMS.length - answered.length;
  const base = { measure: "gad7" as const, max: 21, answered: answered.length, items: GAD7_ITEMS.length };
  if (missing > GAD7_MAX_MISSING) return { ...base, total: null, band: null, bandLabel: null, prorated: false };
  const sum = answered.reduce((a, b) => a + b, 0);
  const total = missing === 0 ? sum : Math.round((sum / answered.length) * GAD7_ITEMS.length);
  const band = bandFor(total, GAD7_BANDS);
  return { ...base, total, band: band.key, bandLabel: band.label, prorated: missing > 0 };
}
