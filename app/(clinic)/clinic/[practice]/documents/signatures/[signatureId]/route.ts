import { requireMember } from "@/lib/auth/guards";
import { staffSignedCopy } from "@/lib/documents/sign";
import { pdfFileResponse } from "@/lib/http/pdf-file-response";

/** Staff with clinical reach: a client's signed copy, audited as a read of their record. */
export async function GET(_request: Request, { params }: { params: Promise<{ practice: string; signatureId: string }> }) {
  const { practice, signatureId } = await params;
  const scope = await requireMember(practice, "clinical.read");
  return pdfFileResponse(await staffSignedCopy(scope, signatureId));
}
