import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormBuilder } from "@/components/intake/form-builder";
import { FormPreview } from "@/components/intake/form-preview";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTimeMedium, practiceReader } from "@/lib/dates";
import { can } from "@/lib/auth/roles";
import { buttonClass } from "@/components/ui/button";
import { listServiceRequirements } from "@/lib/intake/service-forms";
import { setServiceFormsAction } from "../actions";
import { getTemplateWithVersions } from "@/lib/intake/versions";

export const metadata: Metadata = { title: "Form builder" };
export const dynamic = "force-dynamic";

export default async function FormBuilderPage({
  params,
}: {
  params: Promise<{ practice: string; templateId: string }>;
}) {
  const { practice: slug, templateId } = await params;
  const scope = await requireMember(slug, "forms.build");
  const found = await getTemplateWithVersions(scope.practice.id, templateId);
  if (!found || found.versions.length === 0) notFound();
  const { template, versions } = found;
  const current = versions[0]!;
  const requirements = await listServiceRequirements(
    scope.practice.id,
    template.id,
  );
  const reader = practiceReader(scope.practice);
  return (
    <>
      <PageHeader
        title={template.title}
        description={`Version ${current.version} is current.`}
      />
      <p className="mb-4">
        <Link href={`/clinic/${slug}/forms`} className="text-brand underline">
          All forms
        </Link>
      </p>
      <div className="grid gap-4 lg:grid-cols-[3fr_1fr]">
        <Card>
          {template.kind === "measure" ? (
            <>
              <p className="mb-4 rounded-md bg-canvas p-3 text-sm">
                Standard measures keep their authors&apos; wording and scoring,
                so they cannot be edited. This is how clients see it.
              </p>
              <FormPreview definition={current.definition} />
            </>
          ) : (
            <FormBuilder
              key={template.id}
              practiceSlug={slug}
              templateId={template.id}
              initial={current.definition}
              currentVersion={current.version}
            />
          )}
        </Card>
        <div className="space-y-4">
          <Card>
            <h2 className="mb-2 font-semibold">Versions</h2>
            <ol className="space-y-1 text-sm">
              {versions.map((v) => (
                <li key={v.id}>
                  Version {v.version}:{" "}
                  {formatDateTimeMedium(v.publishedAt, reader)}{" "}
                  <a className="text-brand underline" href={`/clinic/${slug}/forms/${template.id}/fhir?version=${v.version}`} download>
                    FHIR<span className="sr-only"> Questionnaire, version {v.version}</span>
                  </a>
                </li>
              ))}
            </ol>
          </Card>
          {template.kind !== "measure" && can(scope.role, "settings.manage") ? (
            <Card>
              <form
                action={setServiceFormsAction.bind(null, slug, template.id)}
                className="space-y-2"
              >
                <fieldset className="space-y-1">
                  <legend className="mb-1 font-semibold">
                    Required by services
                  </legend>
                  <p className="text-sm text-muted">
                    Each attendee gets this form, with an email, when one of
                    these is booked.
                  </p>
                  {requirements.map((s) => (
                    <label
                      key={s.id}
                      className="flex min-h-11 items-center gap-2 text-sm"
                    >
                      <input
                        type="checkbox"
                        name="serviceIds"
                        value={s.id}
                        defaultChecked={s.required}
                        className="size-5 accent-brand"
                      />
                      {s.name}
                    </label>
                  ))}
                </fieldset>
                <button
                  type="submit"
                  className={buttonClass("secondary", "sm")}
                >
                  Save services
                </button>
              </form>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
