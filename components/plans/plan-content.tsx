import { formatCalendarDate } from "@/lib/dates";
import { MEASURE_NAMES } from "@/lib/intake/measures/types";
import { COMPARATOR_LABELS, type PlanContent } from "@/lib/plans/schema";

/** A plan version as it reads: what the clinic publishes and the client signs. */
export function PlanContentView({ content, reviewDate, locale, people }: { content: PlanContent; reviewDate: string; locale: string | null; people?: { client: string; partner: string | null } }) {
  const whose = (who: string) => (!people?.partner ? "" : who === "both" ? " (each partner)" : who === "partner" ? ` (${people.partner})` : ` (${people.client})`);
  return (
    <div className="space-y-4 break-words">
      <div>
        <h3 className="font-semibold">Presenting concerns</h3>
        <p className="whitespace-pre-line">{content.presentingConcerns}</p>
      </div>
      {content.diagnoses.length ? (
        <div>
          <h3 className="font-semibold">Diagnoses</h3>
          <p>{content.diagnoses.join(", ")}</p>
        </div>
      ) : null}
      <div>
        <h3 className="font-semibold">Goals</h3>
        <ol className="list-decimal space-y-3 pl-5">
          {content.goals.map((g, i) => (
            <li key={i}>
              <p className="font-medium">{g.text}</p>
              {g.objectives.length ? (
                <ul className="list-disc pl-5 text-sm">
                  {g.objectives.map((o, j) => (
                    <li key={j}>
                      {o.text}
                      {o.targetDate ? ` — by ${formatCalendarDate(o.targetDate, locale, { short: true })}` : ""}
                    </li>
                  ))}
                </ul>
              ) : null}
              {g.interventions ? <p className="text-sm whitespace-pre-line">Interventions: {g.interventions}</p> : null}
              {g.measure ? (
                <p className="text-sm">
                  Measured by {MEASURE_NAMES[g.measure.measureKey]}:{" "}
                  {g.measure.comparator === "drop_pct" ? `down by ${g.measure.target} % from the first score` : `${COMPARATOR_LABELS[g.measure.comparator]} ${g.measure.target}`}
                  {whose(g.measure.who)}
                  {g.measure.byDate ? `, by ${formatCalendarDate(g.measure.byDate, locale, { short: true })}` : ""}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </div>
      {content.interventions ? (
        <div>
          <h3 className="font-semibold">Interventions</h3>
          <p className="whitespace-pre-line">{content.interventions}</p>
        </div>
      ) : null}
      <p className="text-sm">Review date: {formatCalendarDate(reviewDate, locale, { short: true })}</p>
    </div>
  );
}
