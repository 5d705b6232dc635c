import { requireClient } from "@/lib/auth/guards";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { attachmentResponse } from "@/lib/http/attachment-response";
import { clientAttachment } from "@/lib/messaging/attachments";

export const dynamic = "force-dynamic";

/** A file from one of the client's own threads; a partner's own thread's file is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string; threadId: string; attachmentId: string }> }) {
  const { clientId, threadId, attachmentId } = await params;
  const scope = await requireClient(clientId);
  const found = await clientAttachment(scope, threadId, attachmentId);
  if (!found.ok) return domainErrorResponse(found);
  return attachmentResponse(found.file);
}
