import { scoreCsi4 } from "./score-csi4";
import { scoreGad7 } from "./score-gad7";
import { scorePain } from "./score-pain";
import { scorePhq9 } from "./score-phq9";
import type { MeasureId, MeasureScore } from "./types";

const SCORERS: Record<MeasureId, (answers: Record<string, unknown>) => MeasureScore> = {
  phq9: scorePhq9,
  gad7: scoreGad7,
  csi4: scoreCsi4,
  pain: scorePain,
};

export function scoreMeasure(measure: MeasureId, answers: Record<string, unknown>): MeasureScore {
  return SCORERS[measure](answers);
}
