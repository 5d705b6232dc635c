import { itemScore, type MeasureId, type MeasureScore, type SubscaleScore } from "./types";

export interface MeanScale {
  key: string;
  label: string;
  itemIds: readonly string[];
}

/** Scale scores are kept to two decimals: enough to chart and compare, and stable in JSON. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The scoring Barber, Walters & Bump (2005) publish for the PFDI-20 and the
 * PFIQ-7: each scale is the mean of its answered items times `factor`
 * (25 for items 0–4, 100/3 for items 0–3), so each runs 0–100, and the
 * summary is the sum of the scales. A scale with more than half its items
 * missing is not scored, and then neither is the summary (decision 0049).
 */
export function scoreMeanScales(measure: MeasureId, scales: readonly MeanScale[], answers: Record<string, unknown>, itemMax: number, factor: number): MeasureScore {
  let answeredAll = 0;
  let itemsAll = 0;
  let partial = false;
  const subscales: SubscaleScore[] = scales.map((scale) => {
    const answered = scale.itemIds.map((id) => itemScore(answers[id], itemMax)).filter((s): s is number => s !== null);
    answeredAll += answered.length;
    itemsAll += scale.itemIds.length;
    const scored = answered.length > 0 && answered.length * 2 >= scale.itemIds.length;
    if (scored && answered.length < scale.itemIds.length) partial = true;
    const mean = answered.reduce((a, b) => a + b, 0) / answered.length;
    return {
      key: scale.key,
      label: scale.label,
      score: scored ? round2(mean * factor) : null,
      max: 100,
      answered: answered.length,
      items: scale.itemIds.length,
    };
  });
  const scores = subscales.map((s) => s.score);
  const total = scores.every((s): s is number => s !== null) ? round2(scores.reduce((a, b) => a + b, 0)) : null;
  return {
    measure,
    total,
    max: 100 * scales.length,
    // Neither instrument publishes severity bands.
    band: null,
    bandLabel: null,
    answered: answeredAll,
    items: itemsAll,
    prorated: total !== null && partial,
    subscales,
  };
}
