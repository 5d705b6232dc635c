import { scoreCsi16, scoreCsi32 } from "./score-csi-long";
import { scoreCsi4 } from "./score-csi4";
import { scoreGad7 } from "./score-gad7";
import { scorePain } from "./score-pain";
import { scorePfdi20 } from "./score-pfdi20";
import { scorePfiq7 } from "./score-pfiq7";
import { scorePhq9 } from "./score-phq9";
import type { MeasureId, MeasureScore } from "./types";

const SCORERS: Record<MeasureId, (answers: Record<string, unknown>) => MeasureScore> = {
  phq9: scorePhq9,
  gad7: scoreGad7,
  csi4: scoreCsi4,
  pain: scorePain,
  pfdi20: scorePfdi20,
  pfiq7: scorePfiq7,
  csi16: scoreCsi16,
  csi32: scoreCsi32,
};

export function scoreMeasure(measure: MeasureId, answers: Record<string, unknown>): MeasureScore {
  return SCORERS[measure](answers);
}
