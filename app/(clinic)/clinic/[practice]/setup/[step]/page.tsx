import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StepFrame } from "@/components/setup/step-frame";
import { DetailsStep } from "@/components/setup/steps/details-step";
import { FormsStep } from "@/components/setup/steps/forms-step";
import { HoursStep } from "@/components/setup/steps/hours-step";
import { PaymentsStep } from "@/components/setup/steps/payments-step";
import { PublishStep } from "@/components/setup/steps/publish-step";
import { ServiceStep } from "@/components/setup/steps/service-step";
import { TeamStep } from "@/components/setup/steps/team-step";
import { requireMember } from "@/lib/auth/guards";
import { loadSetupChecklist, whereNext } from "@/lib/setup/checklist";
import { isSetupStepId } from "@/lib/setup/steps";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Set up your practice" };

export default async function SetupStepPage({
  params,
  searchParams,
}: {
  params: Promise<{ practice: string; step: string }>;
  searchParams: Promise<{ template?: string | string[] }>;
}) {
  const { practice: slug, step: stepId } = await params;
  const scope = await requireMember(slug, "settings.manage");
  if (!isSetupStepId(stepId)) notFound();
  const checklist = await loadSetupChecklist(scope.practice.id);
  if (!checklist) notFound();
  const step = checklist.steps.find((s) => s.id === stepId)!;
  // Where the step's own form goes once saved: the next step still open.
  const following = whereNext(checklist, stepId);
  const nextHref = following ? `/clinic/${slug}/setup/${following}` : `/clinic/${slug}/setup`;
  const { template } = await searchParams;

  let body;
  switch (stepId) {
    case "details":
      body = <DetailsStep scope={scope} nextHref={nextHref} />;
      break;
    case "service":
      body = <ServiceStep scope={scope} template={typeof template === "string" ? template : null} nextHref={nextHref} />;
      break;
    case "hours":
      body = <HoursStep scope={scope} />;
      break;
    case "payments":
      body = <PaymentsStep scope={scope} step={step} />;
      break;
    case "forms":
      body = <FormsStep scope={scope} step={step} />;
      break;
    case "team":
      body = <TeamStep scope={scope} step={step} />;
      break;
    case "publish":
      body = <PublishStep scope={scope} checklist={checklist} />;
      break;
  }
  return (
    <StepFrame checklist={checklist} step={step}>
      {body}
    </StepFrame>
  );
}
