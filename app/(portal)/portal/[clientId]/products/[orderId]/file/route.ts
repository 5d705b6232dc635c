import { requireClient } from "@/lib/auth/guards";
import { pdfFileResponse } from "@/lib/http/pdf-file-response";
import { portalProductFile } from "@/lib/products/gift";

/** The client: a workbook they bought or were given (not counted against the emailed link's uses). */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string; orderId: string }> }) {
  const { clientId, orderId } = await params;
  const { client } = await requireClient(clientId);
  return pdfFileResponse(await portalProductFile(client, orderId));
}
