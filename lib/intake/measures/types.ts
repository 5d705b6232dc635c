export const MEASURES = ["phq9", "gad7", "csi4", "pain", "pfdi20", "pfiq7", "csi16", "csi32"] as const;
export type MeasureId = (typeof MEASURES)[number];

export const MEASURE_NAMES: Record<MeasureId, string> = {
  phq9: "PHQ-9",
  gad7: "GAD-7",
  csi4: "CSI-4",
  pain: "Pain (0–10)",
  pfdi20: "PFDI-20",
  pfiq7: "PFIQ-7",
  csi16: "CSI-16",
  csi32: "CSI-32",
};

/** Highest possible total per measure (the chart's axis). */
export const MEASURE_MAX: Record<MeasureId, number> = { phq9: 27, gad7: 21, csi4: 21, pain: 10, pfdi20: 300, pfiq7: 300, csi16: 81, csi32: 161 };

/**
 * Measures both partners of a couple answer about the same relationship, so
 * the staff record charts the two totals together (the answers stay apart).
 */
export const COUPLE_MEASURES: readonly MeasureId[] = ["csi4", "csi16", "csi32"];

/** One scale of a measure with subscales (PFDI-20, PFIQ-7). */
export interface SubscaleScore {
  key: string;
  label: string;
  /** Null when too many of its items are missing to score under the published rule. */
  score: number | null;
  max: number;
  answered: number;
  items: number;
}

/** The server-computed score stored with a submitted measure response. */
export interface MeasureScore {
  measure: MeasureId;
  /** Null when too many items are missing to score under the published rule. */
  total: number | null;
  /** Highest possible total. */
  max: number;
  /** Band key, e.g. `moderate`; null when not scored. */
  band: string | null;
  bandLabel: string | null;
  answered: number;
  items: number;
  /** True when missing items were prorated (PHQ-9, GAD-7) or a scale was the mean of fewer than all its items (PFDI-20, PFIQ-7). */
  prorated: boolean;
  /** PHQ-9 only: item 9 (thoughts of being better off dead or of self-harm). */
  item9?: "positive" | "negative" | "missing";
  /** CSI-4, CSI-16, CSI-32: total below the published cut-off. */
  dissatisfied?: boolean;
  /** PFDI-20 and PFIQ-7: each scale; the total is their sum. */
  subscales?: SubscaleScore[];
}

export function isMeasureId(value: unknown): value is MeasureId {
  return typeof value === "string" && (MEASURES as readonly string[]).includes(value);
}

/** An item's answer as its 0-based score, or null when missing or not a valid value. */
export function itemScore(answer: unknown, max: number): number | null {
  if (answer === undefined || answer === null || answer === "") return null;
  const n = typeof answer === "number" ? answer : Number(answer);
  return Number.isInteger(n) && n >= 0 && n <= max ? n : null;
}

export interface Band {
  key: string;
  label: string;
  /** Inclusive lower bound. */
  from: number;
}

export function bandFor(total: number, bands: readonly Band[]): Band {
  let found = bands[0]!;
  for (const b of bands) if (total >= b.from) found = b;
  return found;
}
