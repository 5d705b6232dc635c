import { requireClient } from "@/lib/auth/guards";
import { portalDocumentFile } from "@/lib/documents/portal";
import { pdfFileResponse } from "@/lib/http/pdf-file-response";

/** The client: a document shared with them or their couple. */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string; shareId: string }> }) {
  const { clientId, shareId } = await params;
  const { client } = await requireClient(clientId);
  return pdfFileResponse(await portalDocumentFile(client, shareId));
}
