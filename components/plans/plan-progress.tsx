import { MeasureChart } from "@/components/charts/measure-chart";
import { Badge } from "@/components/ui/card";
import { formatCalendarDate, formatDateMedium, type Reader } from "@/lib/dates";
import { MEASURE_MAX, MEASURE_NAMES } from "@/lib/intake/measures/types";
import { GOAL_STATUS_LABELS, type GoalProgress } from "@/lib/plans/progress";
import { COMPARATOR_LABELS, type PlanGoal } from "@/lib/plans/schema";

const TONE = { met: "ok", not_yet: "neutral", overdue: "warn", no_scores: "neutral" } as const;

export function targetText(p: Pick<GoalProgress, "measureKey" | "comparator" | "target">): string {
  const name = MEASURE_NAMES[p.measureKey];
  return p.comparator === "drop_pct" ? `${name} down by ${p.target} % from the first score` : `${name} ${COMPARATOR_LABELS[p.comparator]} ${p.target}`;
}

/**
 * Each measure-linked goal: its scores over time on a chart with the target
 * as a line, and the same figures in a table (the chart alone is not enough
 * for a screen reader, or for a phone held upright).
 */
export function PlanProgress({ goals, progress, reader, locale }: { goals: PlanGoal[]; progress: GoalProgress[]; reader: Reader; locale: string | null }) {
  if (progress.length === 0) return <p className="text-sm text-muted">No goal of this plan is tied to a measure.</p>;
  return (
    <div className="space-y-6">
      {progress.map((p) => {
        const targets = [...new Set(p.lines.map((l) => l.targetValue).filter((v): v is number => v !== null))];
        const title = `Goal ${p.goalIndex + 1}: ${goals[p.goalIndex]?.text ?? ""}`;
        return (
          <section key={p.goalIndex} aria-labelledby={`goal-${p.goalIndex}-progress`} className="min-w-0 space-y-2">
            <h3 id={`goal-${p.goalIndex}-progress`} className="font-semibold break-words">
              {title}
            </h3>
            <p className="flex flex-wrap items-center gap-2 text-sm">
              <span>
                Target: {targetText(p)}
                {p.byDate ? ` by ${formatCalendarDate(p.byDate, locale, { short: true })}` : ""}
              </span>
              <Badge tone={TONE[p.status]}>{GOAL_STATUS_LABELS[p.status]}</Badge>
            </p>
            {p.lines.some((l) => l.points.length > 0) ? (
              <MeasureChart
                title={title}
                max={MEASURE_MAX[p.measureKey]}
                reader={reader}
                series={p.lines.map((l, i) => ({ key: `p${i}`, label: l.name, points: l.points.map((pt) => ({ at: pt.at.getTime(), total: pt.total })) }))}
                cutoff={targets.length === 1 ? { value: targets[0]!, label: `Target ${targets[0]}` } : undefined}
              />
            ) : null}
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{`${MEASURE_NAMES[p.measureKey]} scores for goal ${p.goalIndex + 1}`}</caption>
                <thead>
                  <tr className="border-b border-line">
                    <th scope="col" className="py-1 pr-3">
                      Who
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Date
                    </th>
                    <th scope="col" className="py-1 pr-3">
                      Score
                    </th>
                    <th scope="col" className="py-1">
                      Target
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.lines.flatMap((l) =>
                    l.points.length === 0
                      ? [
                          <tr key={l.clientId} className="border-b border-line/60">
                            <td className="py-1 pr-3">{l.name}</td>
                            <td className="py-1 pr-3" colSpan={3}>
                              No scores yet
                            </td>
                          </tr>,
                        ]
                      : l.points.map((pt, i) => (
                          <tr key={`${l.clientId}-${i}`} className="border-b border-line/60">
                            <td className="py-1 pr-3">{l.name}</td>
                            <td className="py-1 pr-3">{formatDateMedium(pt.at, reader)}</td>
                            <td className="py-1 pr-3">{pt.total}</td>
                            <td className="py-1">{l.targetValue ?? "—"}</td>
                          </tr>
                        )),
                  )}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </div>
  );
}
