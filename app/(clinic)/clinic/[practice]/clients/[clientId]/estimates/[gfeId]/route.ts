import { requireMember } from "@/lib/auth/guards";
import { staffGfePdf } from "@/lib/gfe/staff";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { pdfFileResponse } from "@/lib/http/pdf-file-response";
import { isUuid } from "@/lib/ids";
import { notFound } from "@/lib/errors/domain-error";

/** One Good Faith Estimate as a PDF for clinical staff; the read is audited by the domain. */
export async function GET(_request: Request, { params }: { params: Promise<{ practice: string; gfeId: string }> }) {
  const { practice, gfeId } = await params;
  const scope = await requireMember(practice, "gfe.issue");
  if (!isUuid(gfeId)) return domainErrorResponse(notFound("No such estimate"));
  const file = await staffGfePdf(scope, gfeId);
  if (!file.ok) return domainErrorResponse(file);
  return pdfFileResponse({ filename: file.filename, bytes: Buffer.from(file.bytes) });
}
