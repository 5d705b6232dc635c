export const MEASURES = ["phq9", "gad7", "csi4", "pain"] as const;
export type MeasureId = (typeof MEASURES)[number];

export const MEASURE_NAMES: Record<MeasureId, string> = {
  phq9: "PHQ-9",
  gad7: "GAD-7",
  csi4: "CSI-4",
  pain: "Pain (0–10)",
};

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
  /** True when missing items were prorated (PHQ-9, GAD-7). */
  prorated: boolean;
  /** PHQ-9 only: item 9 (thoughts of being better off dead or of self-harm). */
  item9?: "positive" | "negative" | "missing";
  /** CSI-4 only: total below 13.5. */
  dissatisfied?: boolean;
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
