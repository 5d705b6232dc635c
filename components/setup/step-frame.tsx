import type { ReactNode } from "react";
import Link from "next/link";
import { decideStepAction, resumeStepAction, skipStepAction } from "@/app/(clinic)/clinic/[practice]/setup/actions";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { whereNext, type SetupChecklist, type SetupChecklistStep } from "@/lib/setup/checklist";
import { SetupStatusBadge } from "./status-badge";

/**
 * One setup step's screen: where it sits in the list, its state, the step's
 * own content, and the ways on: skip for now (a step still to do), take a
 * decision back, or go to the next step.
 */
export function StepFrame({ checklist, step, children }: { checklist: SetupChecklist; step: SetupChecklistStep; children: ReactNode }) {
  const slug = checklist.practiceSlug;
  const index = checklist.steps.findIndex((s) => s.id === step.id);
  const nextId = whereNext(checklist, step.id);
  const next = checklist.steps.find((s) => s.id === nextId) ?? null;
  const decision = step.choice ? step.decisions.find((d) => d.choice === step.choice) : null;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/clinic/${slug}/setup`} className="text-brand underline underline-offset-2">
          Back to the setup checklist
        </Link>
      </p>
      <div>
        <p className="text-sm text-muted">
          Step {index + 1} of {checklist.total}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight">{step.title}</h1>
          <SetupStatusBadge status={step.status} />
        </div>
        <p className="mt-1 text-muted">{step.summary}</p>
      </div>
      {step.status === "skipped" ? (
        <p className="rounded-md bg-warn-soft px-3 py-2 text-sm text-warn">You skipped this step. It stays on the checklist until it is done.</p>
      ) : null}
      {decision ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md bg-ok-soft px-3 py-2 text-sm text-ok">
          <span>Your choice: {decision.label}.</span>
          <form action={resumeStepAction.bind(null, slug, step.id)}>
            <button type="submit" className={buttonClass("ghost", "sm")}>
              Change this
            </button>
          </form>
        </div>
      ) : null}
      <Card>{children}</Card>
      <div className="flex flex-wrap items-center gap-2">
        {step.status === "todo" ? (
          <form action={skipStepAction.bind(null, slug, step.id)}>
            <button type="submit" className={buttonClass("secondary")}>
              Skip for now
            </button>
          </form>
        ) : null}
        {step.status !== "todo" ? (
          next ? (
            <ButtonLink href={`/clinic/${slug}/setup/${next.id}`}>Next: {next.title}</ButtonLink>
          ) : (
            <ButtonLink href={`/clinic/${slug}/setup`}>Back to the checklist</ButtonLink>
          )
        ) : null}
      </div>
    </div>
  );
}

/** The buttons that record a step's decisions (plain forms: they work before the page hydrates). */
export function DecisionButtons({ slug, step, choices }: { slug: string; step: SetupChecklistStep; choices: readonly { choice: string; label: string }[] }) {
  return (
    <div className="flex flex-wrap gap-2">
      {choices.map((d) => (
        <form key={d.choice} action={decideStepAction.bind(null, slug, step.id, d.choice)}>
          <button type="submit" className={buttonClass(step.choice === d.choice ? "primary" : "secondary")} aria-pressed={step.choice === d.choice}>
            {d.label}
          </button>
        </form>
      ))}
    </div>
  );
}
