import type { Metadata } from "next";
import Link from "next/link";
import { AddMeasureForm } from "@/components/intake/add-measure-form";
import { NewFormForm } from "@/components/intake/new-form-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateMedium, practiceReader } from "@/lib/dates";
import { MEASURE_DEFINITIONS } from "@/lib/intake/measures/definitions";
import { MEASURES } from "@/lib/intake/measures/types";
import { listTemplates } from "@/lib/intake/versions";

export const metadata: Metadata = { title: "Forms" };
export const dynamic = "force-dynamic";

const KIND_LABEL: Record<string, string> = { intake: "Intake", consent: "Consent", policy: "Policy", measure: "Measure" };

export default async function FormsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "forms.build");
  const rows = await listTemplates(scope.practice.id);
  const reader = practiceReader(scope.practice);
  const installed = new Set(rows.map(({ template }) => template.measure));
  const available = MEASURES.filter((m) => !installed.has(m)).map((id) => ({ id, title: MEASURE_DEFINITIONS[id].title }));
  return (
    <>
      <PageHeader title="Forms" description="Intake, consent and policy forms, and standard measures. Editing a form publishes a new version; answers keep the version they answered." />
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card>
          <ul className="divide-y divide-line">
            {rows.map(({ template, current }) => (
              <li key={template.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link href={`/clinic/${slug}/forms/${template.id}`} className="font-medium text-brand underline">
                    {template.title}
                  </Link>
                  <p className="text-sm text-muted">
                    {current ? `Version ${current.version}, published ${formatDateMedium(current.publishedAt, reader)}` : "Not published"}
                  </p>
                </div>
                <Badge tone={template.kind === "measure" ? "brand" : "neutral"}>{KIND_LABEL[template.kind]}</Badge>
              </li>
            ))}
          </ul>
        </Card>
        <div className="space-y-4">
          <Card>
            <h2 className="mb-3 font-semibold">New form</h2>
            <NewFormForm practiceSlug={slug} />
          </Card>
          <Card>
            <h2 className="mb-3 font-semibold">Add a standard measure</h2>
            <AddMeasureForm practiceSlug={slug} available={available} />
          </Card>
        </div>
      </div>
    </>
  );
}
