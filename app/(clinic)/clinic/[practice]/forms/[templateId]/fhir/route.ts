import { requireMember } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { toQuestionnaire } from "@/lib/intake/fhir";
import { getTemplateWithVersions } from "@/lib/intake/versions";

export const dynamic = "force-dynamic";

/** A form version (default: the current one; `?version=n` for another) as a FHIR R4 Questionnaire. */
export async function GET(request: Request, { params }: { params: Promise<{ practice: string; templateId: string }> }) {
  const { practice: slug, templateId } = await params;
  const scope = await requireMember(slug, "forms.build");
  const found = await getTemplateWithVersions(scope.practice.id, templateId);
  const wanted = new URL(request.url).searchParams.get("version");
  const version = found?.versions.find((v) => (wanted ? String(v.version) === wanted : true));
  if (!found || !version) return Response.json({ error: "Not found" }, { status: 404 });
  const body = toQuestionnaire(version.definition, {
    baseUrl: env.APP_URL,
    templateId: found.template.id,
    slug: found.template.slug,
    version: version.version,
    publishedAt: version.publishedAt,
    publisher: scope.practice.name,
  });
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "content-type": "application/fhir+json; charset=utf-8",
      "content-disposition": `attachment; filename="${found.template.slug}-v${version.version}-questionnaire.json"`,
      "cache-control": "no-store",
    },
  });
}
