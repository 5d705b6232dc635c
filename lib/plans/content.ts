import type { MeasureId } from "@/lib/intake/measures/types";

/**
 * What a plan version stores (decision 0051). Types only, and no import
 * beyond the measures' ids, so db/schema can name them without pulling in
 * any domain module (tests/unit/booking-billing-imports.test.ts).
 */
export type Comparator = "at_least" | "at_most" | "drop_pct";
/** Whose scores a goal's target is read from: on a couple's plan, one partner or each of them. */
export type MeasureWho = "client" | "partner" | "both";

/** The review date is a column of the version (for the reminder's index), not part of this. */
export interface PlanMeasureLink {
  measureKey: MeasureId;
  comparator: Comparator;
  target: number;
  who: MeasureWho;
  byDate: string | null;
}
export interface PlanGoal {
  text: string;
  objectives: { text: string; targetDate: string | null }[];
  interventions: string;
  measure: PlanMeasureLink | null;
}
export interface PlanContent {
  presentingConcerns: string;
  diagnoses: string[];
  goals: PlanGoal[];
  interventions: string;
}

