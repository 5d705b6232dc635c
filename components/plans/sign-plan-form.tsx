"use client";

import { signPlanAction } from "@/app/(portal)/portal/[clientId]/plan/actions";
import { TypedSignatureForm } from "@/components/forms/typed-signature-form";

/** Review and sign a published treatment plan: each person on it signs for themselves. */
export function SignPlanForm({ clientId, versionId }: { clientId: string; versionId: string }) {
  return (
    <TypedSignatureForm
      sign={(values) => signPlanAction(clientId, versionId, values)}
      agreement="I have reviewed this treatment plan with my clinician and I agree to it. The name I type below is my signature."
      submitLabel="Sign the plan"
      idPrefix={`plan-${versionId}`}
      ariaLabel="Sign your treatment plan"
    />
  );
}
