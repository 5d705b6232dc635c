import Link from "next/link";
import { MeasureChart, type MeasureSeries } from "@/components/charts/measure-chart";
import { Badge, Card } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { formatDateMedium, practiceReader } from "@/lib/dates";
import { MEASURE_NAMES, isMeasureId } from "@/lib/intake/measures/types";
import { CSI4_CUTOFF } from "@/lib/intake/measures/score-csi4";
import { canReadAnswers, listClientAssignments, listMeasureScores } from "@/lib/intake/staff-forms";
import { listTemplates } from "@/lib/intake/versions";
import { SendFormForm } from "./send-form-form";

const STATUS_TONE = { sent: "neutral", started: "warn", completed: "ok" } as const;
const MAX: Record<string, number> = { phq9: 27, gad7: 21, csi4: 21, pain: 10 };

/** The client page's forms and measures: what was sent and when, scores over time, the PHQ-9 item-9 flag, and "send a form". */
export async function ClientFormsPanel({ scope, clientId }: { scope: PracticeScope; clientId: string }) {
  const [rows, scores, templates] = await Promise.all([listClientAssignments(scope, clientId), listMeasureScores(scope, clientId), listTemplates(scope.practice.id)]);
  const slug = scope.practice.slug;
  const reader = practiceReader(scope.practice);
  const day = (d: Date | null) => (d ? formatDateMedium(d, reader) : "—");
  const flagged = scores.filter((s) => s.clientId === clientId && s.measure === "phq9" && s.item9 === "positive");
  const latestFlag = flagged.at(-1);

  const byMeasure = new Map<string, MeasureSeries[]>();
  for (const s of scores) {
    if (s.total === null) continue;
    const list = byMeasure.get(s.measure) ?? [];
    let series = list.find((x) => x.key === `c_${s.clientId.replace(/-/g, "")}`);
    if (!series) {
      series = { key: `c_${s.clientId.replace(/-/g, "")}`, label: s.clientName, points: [] };
      // The client's own line first.
      if (s.clientId === clientId) list.unshift(series);
      else list.push(series);
    }
    series.points.push({ at: s.submittedAt.getTime(), total: s.total });
    byMeasure.set(s.measure, list);
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
      {canReadAnswers(scope) && byMeasure.size > 0 ? (
        <Card>
          <h2 className="mb-3 font-semibold">Scores over time</h2>
          <div className="grid gap-6 md:grid-cols-2">
            {[...byMeasure].map(([measure, series]) => {
              const title = isMeasureId(measure) ? MEASURE_NAMES[measure] : measure;
              return (
                <figure key={measure} className="space-y-2">
                  <figcaption className="font-medium">{title}</figcaption>
                  <MeasureChart title={title} max={MAX[measure] ?? 27} series={series} reader={reader} cutoff={measure === "csi4" ? { value: CSI4_CUTOFF, label: "13.5" } : undefined} />
                  <details>
                    <summary className="cursor-pointer text-sm text-brand">Table of {title} scores</summary>
                    <table className="mt-2 w-full text-left text-sm">
                      <thead className="text-muted">
                        <tr>
                          <th scope="col" className="font-medium">Who</th>
                          <th scope="col" className="font-medium">Date</th>
                          <th scope="col" className="font-medium">Total</th>
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
