import { requireMember } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { toQuestionnaire, toQuestionnaireResponse } from "@/lib/intake/fhir";
import { getResponseForStaff } from "@/lib/intake/staff-forms";

export const dynamic = "force-dynamic";

/** Downloads the response's form version (Questionnaire) or the response itself (QuestionnaireResponse) as FHIR R4 JSON. */
export async function GET(request: Request, { params }: { params: Promise<{ practice: string; responseId: string }> }) {
  const { practice: slug, responseId } = await params;
  const scope = await requireMember(slug, "clinical.read");
  const resource = new URL(request.url).searchParams.get("resource");
  if (resource !== "Questionnaire" && resource !== "QuestionnaireResponse") {
    return Response.json({ error: "resource must be Questionnaire or QuestionnaireResponse" }, { status: 400 });
  }
  const row = await getResponseForStaff(scope, responseId);
  if (!row) return Response.json({ error: "Not found" }, { status: 404 });
  const meta = {
    baseUrl: env.APP_URL,
    templateId: row.template.id,
    slug: row.template.slug,
    version: row.version.version,
    publishedAt: row.version.publishedAt,
    publisher: scope.practice.name,
  };
  const body =
    resource === "Questionnaire"
      ? toQuestionnaire(row.version.definition, meta)
      : toQuestionnaireResponse(row.version.definition, row.response.answers, {
          ...meta,
          responseId: row.response.id,
          submittedAt: row.response.submittedAt!,
          subject: { id: row.client.id, display: `${row.client.firstName} ${row.client.lastName}` },
        });
  const filename = `${row.template.slug}-v${row.version.version}-${resource === "Questionnaire" ? "questionnaire" : `response-${row.response.id.slice(0, 8)}`}.json`;
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "content-type": "application/fhir+json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
