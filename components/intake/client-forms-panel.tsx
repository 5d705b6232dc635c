import Link from "next/link";
import { MeasureChart, type MeasureSeries } from "@/components/charts/measure-chart";
import { Badge, Card } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { formatDateMedium, practiceReader } from "@/lib/dates";
import { MEASURE_MAX, MEASURE_NAMES, isMeasureId } from "@/lib/intake/measures/types";
import { CSI16_CUTOFF, CSI32_CUTOFF } from "@/lib/intake/measures/score-csi-long";
import { CSI4_CUTOFF } from "@/lib/intake/measures/score-csi4";
import { canReadAnswers, listClientAssignments, listMeasureScores } from "@/lib/intake/staff-forms";
import { listTemplates } from "@/lib/intake/versions";
import { SendFormForm } from "./send-form-form";

const STATUS_TONE = { sent: "neutral", started: "warn", completed: "ok" } as const;
const CUTOFF: Record<string, number> = { csi4: CSI4_CUTOFF, csi16: CSI16_CUTOFF, csi32: CSI32_CUTOFF };

interface ChartSpec {
  key: string;
  title: string;
  max: number;
  /** What one line is: a person (both partners on a CSI) or a scale (PFDI-20, PFIQ-7). */
  lineHeading: "Who" | "Scale";
  series: MeasureSeries[];
}

/** The client page's forms and measures: what was sent and when, scores over time, the PHQ-9 item-9 flag, and "send a form". */
export async function ClientFormsPanel({ scope, clientId }: { scope: PracticeScope; clientId: string }) {
  const [rows, scores, templates] = await Promise.all([listClientAssignments(scope, clientId), listMeasureScores(scope, clientId), listTemplates(scope.practice.id)]);
  const slug = scope.practice.slug;
  const reader = practiceReader(scope.practice);
  const day = (d: Date | null) => (d ? formatDateMedium(d, reader) : "—");
  const flagged = scores.filter((s) => s.clientId === clientId && s.measure === "phq9" && s.item9 === "positive");
  const latestFlag = flagged.at(-1);

  const charts = new Map<string, ChartSpec>();
  const chartFor = (key: string, make: () => Omit<ChartSpec, "key" | "series">) => {
    let chart = charts.get(key);
    if (!chart) charts.set(key, (chart = { key, series: [], ...make() }));
    return chart;
  };
  for (const s of scores) {
    const name = isMeasureId(s.measure) ? MEASURE_NAMES[s.measure] : s.measure;
    const at = s.submittedAt.getTime();
    if (s.total !== null) {
      const chart = chartFor(s.measure, () => ({ title: name, max: isMeasureId(s.measure) ? MEASURE_MAX[s.measure] : 27, lineHeading: "Who" }));
      const key = `c_${s.clientId.replace(/-/g, "")}`;
      let series = chart.series.find((x) => x.key === key);
      if (!series) {
        series = { key, label: s.clientName, points: [] };
        // The client's own line first.
        if (s.clientId === clientId) chart.series.unshift(series);
        else chart.series.push(series);
      }
      series.points.push({ at, total: s.total });
    }
    // Each scale runs 0–100 while the summary runs 0–300, so the scales get their own chart.
    for (const sub of s.subscales) {
      if (sub.score === null) continue;
      const chart = chartFor(`${s.measure}_scales`, () => ({ title: `${name} scales`, max: sub.max, lineHeading: "Scale" }));
      let series = chart.series.find((x) => x.key === sub.key);
      if (!series) chart.series.push((series = { key: sub.key, label: sub.label, points: [] }));
      series.points.push({ at, total: sub.score });
    }
  }

  return (
    <div className="min-w-0 space-y-4 lg:col-span-2">
      {latestFlag ? (
        <div role="alert" className="rounded-lg border-2 border-danger bg-danger-soft p-4 text-danger">
          <p className="font-semibold">PHQ-9 item 9 answered above zero</p>
          <p className="text-sm">
            On {day(latestFlag.submittedAt)} this client reported thoughts of being better off dead or of self-harm.{" "}
            <Link className="underline" href={`/clinic/${slug}/responses/${latestFlag.responseId}`}>
              Open the response
            </Link>{" "}
            and follow your practice&apos;s risk-assessment procedure.
          </p>
        </div>
      ) : null}
      <Card>
        <h2 className="mb-3 font-semibold">Forms and measures</h2>
        {rows.length === 0 ? (
          <p className="text-muted">No forms sent yet.</p>
        ) : (
          <div className="-mx-4 overflow-x-auto px-4">
            <table className="w-full min-w-[36rem] text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-1 pr-3 font-medium">Form</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Status</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Sent</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Started</th>
                  <th scope="col" className="py-1 pr-3 font-medium">Completed</th>
                  <th scope="col" className="py-1 font-medium">Score</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {rows.map((r) => (
                  <tr key={r.assignmentId}>
                    <td className="py-2 pr-3">
                      {r.responseId ? (
                        <Link href={`/clinic/${slug}/responses/${r.responseId}`} className="font-medium text-brand underline">
                          {r.title}
                        </Link>
                      ) : (
                        <span className="font-medium">{r.title}</span>
                      )}{" "}
                      <span className="text-muted">v{r.version}</span>
                    </td>
                    <td className="py-2 pr-3">
                      <Badge tone={STATUS_TONE[r.status]}>{r.status}</Badge>
                    </td>
                    <td className="py-2 pr-3">{day(r.sentAt)}</td>
                    <td className="py-2 pr-3">{day(r.startedAt)}</td>
                    <td className="py-2 pr-3">{day(r.completedAt)}</td>
                    <td className="py-2">
                      {r.scores ? (
                        <span>
                          {r.scores.total ?? "not scored"}
                          {r.scores.bandLabel ? ` (${r.scores.bandLabel})` : ""}
                          {r.scores.item9 === "positive" ? (
                            <>
                              {" "}
                              <Badge tone="warn">item 9</Badge>
                            </>
                          ) : null}
                        </span>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {canReadAnswers(scope) && charts.size > 0 ? (
        <Card>
          <h2 className="mb-3 font-semibold">Scores over time</h2>
          <div className="grid gap-6 md:grid-cols-2">
            {[...charts.values()].map(({ key, title, max, lineHeading, series }) => {
              const cutoff = CUTOFF[key];
              return (
                <figure key={key} className="space-y-2">
                  <figcaption className="font-medium">{title}</figcaption>
                  <MeasureChart title={title} max={max} series={series} reader={reader} cutoff={cutoff === undefined ? undefined : { value: cutoff, label: String(cutoff) }} />
                  <details>
                    <summary className="cursor-pointer text-sm text-brand">Table of {title} scores</summary>
                    <table className="mt-2 w-full text-left text-sm">
                      <thead className="text-muted">
                        <tr>
                          <th scope="col" className="font-medium">{lineHeading}</th>
                          <th scope="col" className="font-medium">Date</th>
                          <th scope="col" className="font-medium">{lineHeading === "Who" ? "Total" : "Score"}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {series.flatMap((s) =>
                          s.points.map((p) => (
                            <tr key={`${s.key}-${p.at}`}>
                              <td>{s.label}</td>
                              <td>{day(new Date(p.at))}</td>
                              <td>{p.total}</td>
                            </tr>
                          )),
                        )}
                      </tbody>
                    </table>
                  </details>
                </figure>
              );
            })}
          </div>
        </Card>
      ) : null}
      <Card>
        <h2 className="mb-3 font-semibold">Send a form or measure</h2>
        <SendFormForm practiceSlug={slug} clientId={clientId} templates={templates.filter((t) => t.current).map((t) => ({ id: t.template.id, title: t.template.title, kind: t.template.kind }))} />
      </Card>
    </div>
  );
}
