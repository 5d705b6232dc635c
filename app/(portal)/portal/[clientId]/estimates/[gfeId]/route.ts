import { requireClient } from "@/lib/auth/guards";
import { ownGfePdf } from "@/lib/gfe/portal";
import { pdfFileResponse } from "@/lib/http/pdf-file-response";

/** The client's own Good Faith Estimate as a PDF (any other id is not found). */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string; gfeId: string }> }) {
  const { clientId, gfeId } = await params;
  const { client, practice, user } = await requireClient(clientId);
  const file = await ownGfePdf({ userId: user.id, clientId: client.id, practiceId: client.practiceId, practiceCountry: practice.country }, gfeId, new Date());
  return pdfFileResponse(file.ok ? { filename: file.filename, bytes: Buffer.from(file.bytes) } : file);
}
