import Link from "next/link";
import { Badge } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { listTemplates } from "@/lib/intake/versions";
import type { SetupChecklistStep } from "@/lib/setup/checklist";
import { DecisionButtons } from "../step-frame";

const KIND_LABEL: Record<string, string> = { intake: "Intake", consent: "Consent", policy: "Policy", measure: "Measure" };

/** The forms and policies installed for the practice's kind, each a link to read and edit; then "reviewed". */
export async function FormsStep({ scope, step }: { scope: PracticeScope; step: SetupChecklistStep }) {
  const slug = scope.practice.slug;
  const rows = await listTemplates(scope.practice.id);
  return (
    <div className="space-y-4">
      {rows.length === 0 ? (
        <p className="text-muted">
          No forms yet. Build your intake, consent and policy forms on the{" "}
          <Link href={`/clinic/${slug}/forms`} className="text-brand underline underline-offset-2">
            forms page
          </Link>
          .
        </p>
      ) : (
        <>
          <p>Open each form to read it as clients will; editing one publishes a new version. Which services require which forms is set on the forms page.</p>
          <ul className="divide-y divide-line" aria-label="Your forms">
            {rows.map(({ template, current }) => (
              <li key={template.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link href={`/clinic/${slug}/forms/${template.id}`} className="font-medium text-brand underline">
                  {template.title}
                </Link>
                <span className="flex items-center gap-2">
                  {current ? null : <Badge tone="warn">Not published</Badge>}
                  <Badge tone={template.kind === "measure" ? "brand" : "neutral"}>{KIND_LABEL[template.kind]}</Badge>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <DecisionButtons slug={slug} step={step} choices={step.decisions} />
    </div>
  );
}
