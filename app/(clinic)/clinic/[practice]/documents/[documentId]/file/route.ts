import { requireMember } from "@/lib/auth/guards";
import { libraryFile } from "@/lib/documents/library";
import { pdfFileResponse } from "@/lib/http/pdf-file-response";

/** Staff: a library document's PDF, their own practice's only. */
export async function GET(_request: Request, { params }: { params: Promise<{ practice: string; documentId: string }> }) {
  const { practice, documentId } = await params;
  const scope = await requireMember(practice, "forms.send");
  return pdfFileResponse(await libraryFile(scope, documentId));
}
