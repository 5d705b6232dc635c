import { requireMember } from "@/lib/auth/guards";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { attachmentResponse } from "@/lib/http/attachment-response";
import { staffAttachment } from "@/lib/messaging/attachments";

export const dynamic = "force-dynamic";

/** A file from a thread this member may see (audited); anything else is a 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ practice: string; threadId: string; attachmentId: string }> }) {
  const { practice, threadId, attachmentId } = await params;
  const scope = await requireMember(practice, "practice.view");
  const found = await staffAttachment(scope, threadId, attachmentId);
  if (!found.ok) return domainErrorResponse(found);
  return attachmentResponse(found.file);
}
