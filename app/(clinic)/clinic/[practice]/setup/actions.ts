"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { noResult } from "@/lib/actions/args";
import { memberAction } from "@/lib/actions/member-action";
import { domainFormErrors } from "@/lib/http/domain-error-response";
import type { PracticeScope } from "@/lib/auth/guards";
import { loadSetupChecklist, whereNext } from "@/lib/setup/checklist";
import { isSetupStepId } from "@/lib/setup/steps";
import { decideStep, publishPractice, resumeStep, skipStep, unpublishPractice } from "@/lib/setup/record-step";
import { savePracticeDetails } from "@/lib/setup/save-details";

// Thin: owners and admins only (the wrapper's guard, and the domain checks again); the domain validates.
// The plain-form actions below work before hydration and go on to the next step.

const stepArg = z.string().refine(isSetupStepId, { message: "That setup step does not exist" });

function revalidate(slug: string) {
  revalidatePath(`/clinic/${slug}/setup`, "layout");
  revalidatePath(`/clinic/${slug}`);
}

/** After a step: the next one still open, or the checklist when none is. */
async function goOn(scope: PracticeScope, step: string): Promise<never> {
  const checklist = await loadSetupChecklist(scope.practice.id);
  const next = checklist && isSetupStepId(step) ? whereNext(checklist, step) : null;
  redirect(next ? `/clinic/${scope.practice.slug}/setup/${next}` : `/clinic/${scope.practice.slug}/setup`);
}

export const skipStepAction = memberAction(
  "settings.manage",
  z.tuple([stepArg]),
  async (scope, [step]) => {
    await skipStep(scope, step, new Date());
    revalidate(scope.practice.slug);
    await goOn(scope, step);
  },
  noResult,
);

export const resumeStepAction = memberAction(
  "settings.manage",
  z.tuple([stepArg]),
  async (scope, [step]) => {
    await resumeStep(scope, step);
    revalidate(scope.practice.slug);
    redirect(`/clinic/${scope.practice.slug}/setup/${step}`);
  },
  noResult,
);

export const decideStepAction = memberAction(
  "settings.manage",
  z.tuple([stepArg, z.string().max(40)]),
  async (scope, [step, choice]) => {
    const result = await decideStep(scope, step, choice, new Date());
    revalidate(scope.practice.slug);
    if (result.ok) await goOn(scope, step);
  },
  noResult,
);

export const publishAction = memberAction(
  "settings.manage",
  z.tuple([]),
  async (scope) => {
    await publishPractice(scope, new Date());
    revalidate(scope.practice.slug);
  },
  noResult,
);

export const unpublishAction = memberAction(
  "settings.manage",
  z.tuple([]),
  async (scope) => {
    await unpublishPractice(scope);
    revalidate(scope.practice.slug);
  },
  noResult,
);

export const savePracticeDetailsAction = memberAction("settings.manage", z.tuple([z.unknown()]), async (scope, [values]) => {
  const result = await savePracticeDetails(scope, values, new Date());
  if (!result.ok) return { ok: false as const, errors: domainFormErrors(result) };
  revalidate(scope.practice.slug);
  revalidatePath(`/clinic/${scope.practice.slug}/settings`);
  return { ok: true as const };
});
