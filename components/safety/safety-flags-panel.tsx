import Link from "next/link";
import { formatDateTime, type Reader } from "@/lib/dates";
import type { ClientFlag } from "@/lib/safety/client-flags";
import { AcknowledgeFlagForm } from "./acknowledge-flag-form";

/**
 * A client's safety flags, leading their record and the response that raised
 * them: each open flag with the acknowledgement form, then the acknowledged
 * ones with who closed them and the note. Clinical roles only (the caller
 * passes none for the front desk). `lifted` shows the question and answer
 * (the response page passes them; the record page links to the response).
 */
export function SafetyFlagsPanel({
  flags,
  practiceSlug,
  reader,
  lifted,
}: {
  flags: ClientFlag[];
  practiceSlug: string;
  /** The practice's zone and locale (practiceReader). */
  reader: Reader;
  lifted?: Map<string, { label: string; answer: string }>;
}) {
  if (flags.length === 0) return null;
  const open = flags.filter((f) => f.acknowledgedAt === null);
  const done = flags.filter((f) => f.acknowledgedAt !== null);
  return (
    <section aria-labelledby="safety-flags-heading" className="mb-4 space-y-3" data-testid="safety-flags">
      <h2 id="safety-flags-heading" className="sr-only">
        Safety flags
      </h2>
      {open.map((f) => {
        const q = lifted?.get(f.questionKey);
        return (
          <div key={f.id} className="space-y-3 rounded-lg border-2 border-danger bg-danger-soft p-4 text-ink" data-testid="safety-flag-open">
            <div>
              <p className="font-semibold text-danger">Safety answer: needs a clinician</p>
              <p className="text-sm">
                {f.formTitle}, submitted {formatDateTime(f.raisedAt, reader)}.{" "}
                {lifted ? null : (
                  <Link className="font-medium underline" href={`/clinic/${practiceSlug}/responses/${f.responseId}`}>
                    Open the response
                  </Link>
                )}
              </p>
              {q ? (
                <dl className="mt-2 rounded-md bg-surface p-3">
                  <dt className="text-sm font-medium text-muted">{q.label}</dt>
                  <dd className="font-semibold">{q.answer}</dd>
                </dl>
              ) : null}
              <p className="mt-2 text-sm">Follow your practice&apos;s safety procedure, then say here what you did. The flag stays until a clinician does.</p>
            </div>
            <AcknowledgeFlagForm practiceSlug={practiceSlug} flagId={f.id} />
          </div>
        );
      })}
      {done.length > 0 ? (
        <details className="rounded-lg border border-line bg-surface p-3 text-sm">
          <summary className="cursor-pointer font-medium">Acknowledged safety flags ({done.length})</summary>
          <ul className="mt-2 space-y-2">
            {done.map((f) => (
              <li key={f.id} data-testid="safety-flag-acknowledged">
                {f.formTitle}, submitted {formatDateTime(f.raisedAt, reader)}: acknowledged by {f.acknowledgedByName ?? "a former member"} on{" "}
                {formatDateTime(f.acknowledgedAt!, reader)}. <span className="whitespace-pre-wrap">“{f.acknowledgementNote}”</span>
                {lifted ? null : (
                  <>
                    {" "}
                    <Link className="text-brand underline" href={`/clinic/${practiceSlug}/responses/${f.responseId}`}>
                      Response
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
