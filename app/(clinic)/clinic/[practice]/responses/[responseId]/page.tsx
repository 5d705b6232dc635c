import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/intake/print-button";
import { ResponseView } from "@/components/intake/response-view";
import { SafetyFlagsPanel } from "@/components/safety/safety-flags-panel";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTimeMedium, practiceReader } from "@/lib/dates";
import { getResponseForStaff } from "@/lib/intake/staff-forms";
import { liftedAnswers } from "@/lib/safety/lifted-answers";
import { flagsForResponse } from "@/lib/safety/client-flags";

export const metadata: Metadata = { title: "Response" };
export const dynamic = "force-dynamic";

export default async function ResponsePage({ params }: { params: Promise<{ practice: string; responseId: string }> }) {
  const { practice: slug, responseId } = await params;
  const scope = await requireMember(slug, "clinical.read");
  // Clinical roles only, this practice only, submitted only; the read is audited.
  const row = await getResponseForStaff(scope, responseId);
  if (!row) notFound();
  const { response, version, template, client } = row;
  const flags = await flagsForResponse(scope, response.id);
  const flagged = new Set(flags.map((f) => f.questionKey));
  const reader = practiceReader(scope.practice);
  const at = (d: Date) => formatDateTimeMedium(d, reader, { seconds: true });
  const scores = response.scores;
  const base = `/clinic/${slug}/responses/${response.id}/fhir`;
  return (
    <>
      <PageHeader
        title={template.title}
        description={
          <>
            {client.firstName} {client.lastName} · version {version.version} · submitted {at(response.submittedAt!)}
          </>
        }
        actions={
          <span className="flex flex-wrap gap-2 print:hidden">
            <PrintButton />
            <a className={buttonClass("secondary", "sm")} href={`${base}?resource=Questionnaire`} download>
              FHIR Questionnaire
            </a>
            <a className={buttonClass("secondary", "sm")} href={`${base}?resource=QuestionnaireResponse`} download>
              FHIR QuestionnaireResponse
            </a>
          </span>
        }
      />
      <p className="mb-4 print:hidden">
        <Link href={`/clinic/${slug}/clients/${client.id}`} className="text-brand underline">
          Back to {client.firstName} {client.lastName}
        </Link>
      </p>
      {/* The answers that raised a flag lead the page, with the acknowledgement. */}
      <SafetyFlagsPanel flags={flags} practiceSlug={slug} reader={reader} lifted={liftedAnswers(version.definition, response.answers, flagged)} />
      {scores?.item9 === "positive" ? (
        <div role="alert" className="mb-4 rounded-lg border-2 border-danger bg-danger-soft p-4 font-semibold text-danger">
          PHQ-9 item 9 answered above zero: thoughts of being better off dead or of self-harm. Follow your risk-assessment procedure.
        </div>
      ) : null}
      {scores ? (
        <Card className="mb-4">
          <h2 className="font-semibold">Score</h2>
          <p className="text-2xl font-semibold" data-testid="score-total">
            {scores.total === null ? "Not scored" : `${scores.total} / ${scores.max}`}
            {scores.bandLabel ? <span className="ml-2 text-base font-normal">{scores.bandLabel}</span> : null}
          </p>
          <p className="text-sm text-muted">
            {scores.answered} of {scores.items} items answered{scores.prorated ? "; total prorated for missing items" : ""}
            {scores.total === null ? "; too many items missing to score" : ""}.
          </p>
        </Card>
      ) : null}
      <Card>
        <ResponseView definition={version.definition} answers={response.answers} highlight={flagged} />
        {response.signatureName ? (
          <p className="mt-6 border-t border-line pt-3 text-sm">
            Signed by <strong>{response.signatureName}</strong> on {at(response.signedAt!)} from IP {response.signatureIp}.
          </p>
        ) : null}
      </Card>
    </>
  );
}
