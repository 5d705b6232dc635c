import { requireClient } from "@/lib/auth/guards";
import { portalSignedCopy } from "@/lib/documents/portal";
import { pdfFileResponse } from "@/lib/http/pdf-file-response";

/** The client: their own signed copy (never their partner's). */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string; shareId: string }> }) {
  const { clientId, shareId } = await params;
  const { client } = await requireClient(clientId);
  return pdfFileResponse(await portalSignedCopy(client, shareId));
}
