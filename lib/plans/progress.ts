import type { MeasureId } from "@/lib/intake/measures/types";
import type { Comparator, PlanGoal } from "./schema";

/**
 * Each measure-linked goal's scores against its target (decision 0051).
 * Pure: the caller loads the scores and passes today's calendar day in the
 * practice's zone, so the same inputs always give the same answer.
 */

export interface PlanPerson {
  clientId: string;
  name: string;
  /** The client the plan was opened from, or the partner on a couple's plan. */
  role: "client" | "partner";
}

export interface ScoreInput {
  clientId: string;
  measure: string;
  at: Date;
  /** Null when the response was unscored (too many items missing): left out of the series. */
  total: number | null;
}

export interface ProgressLine {
  clientId: string;
  name: string;
  points: { at: Date; total: number }[];
  /** The first score: what a "down by" target is measured from. */
  baseline: number | null;
  /** The score to reach, as a number on the measure's scale (a "down by" target worked out from the baseline). */
  targetValue: number | null;
  latest: number | null;
  met: boolean;
}

export type GoalStatus = "met" | "not_yet" | "overdue" | "no_scores";

export interface GoalProgress {
  goalIndex: number;
  measureKey: MeasureId;
  comparator: Comparator;
  target: number;
  byDate: string | null;
  lines: ProgressLine[];
  /** Met when every person the goal names has met it. */
  status: GoalStatus;
}

/** Whose scores a goal reads: on a plan for one client always that client. */
export function peopleForGoal(goal: PlanGoal, people: readonly PlanPerson[]): PlanPerson[] {
  if (!goal.measure) return [];
  const who = people.some((p) => p.role === "partner") ? goal.measure.who : "client";
  return people.filter((p) => who === "both" || p.role === who);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function lineProgress(comparator: Comparator, target: number, points: { at: Date; total: number }[]): Omit<ProgressLine, "clientId" | "name" | "points"> {
  const baseline = points[0]?.total ?? null;
  const latest = points.at(-1)?.total ?? null;
  if (baseline === null || latest === null) return { baseline, latest, targetValue: comparator === "drop_pct" ? null : target, met: false };
  if (comparator === "at_least") return { baseline, latest, targetValue: target, met: latest >= target };
  if (comparator === "at_most") return { baseline, latest, targetValue: target, met: latest <= target };
  // Down by a share of the first score: a single score is the baseline itself, never a drop.
  const targetValue = round(baseline * (1 - target / 100));
  return { baseline, latest, targetValue, met: points.length >= 2 && latest <= targetValue };
}

export function planProgress(goals: readonly PlanGoal[], people: readonly PlanPerson[], scores: readonly ScoreInput[], today: string): GoalProgress[] {
  const out: GoalProgress[] = [];
  goals.forEach((goal, goalIndex) => {
    const link = goal.measure;
    if (!link) return;
    const lines = peopleForGoal(goal, people).map((person): ProgressLine => {
      const points = scores
        .filter((s) => s.clientId === person.clientId && s.measure === link.measureKey && s.total !== null)
        .map((s) => ({ at: s.at, total: s.total as number }))
        .sort((a, b) => a.at.getTime() - b.at.getTime());
      return { clientId: person.clientId, name: person.name, points, ...lineProgress(link.comparator, link.target, points) };
    });
    const anyScores = lines.some((l) => l.points.length > 0);
    const met = lines.length > 0 && lines.every((l) => l.met);
    const status: GoalStatus = met ? "met" : !anyScores ? "no_scores" : link.byDate !== null && link.byDate < today ? "overdue" : "not_yet";
    out.push({ goalIndex, measureKey: link.measureKey, comparator: link.comparator, target: link.target, byDate: link.byDate, lines, status });
  });
  return out;
}

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  met: "Target met",
  not_yet: "Not met yet",
  overdue: "Past its date, not met",
  no_scores: "No scores yet",
};
