import { requireMember } from "@/lib/auth/guards";
import { exportClientRecord } from "@/lib/export/client-export";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { downloadResponse } from "@/lib/http/download-response";

/** Owner/admin: the client's complete record as a ZIP (JSON per table + a readable PDF), streamed. Audited before the first byte. */
export async function GET(_request: Request, { params }: { params: Promise<{ practice: string; clientId: string }> }) {
  const { practice, clientId } = await params;
  const scope = await requireMember(practice, "data.export");
  const result = await exportClientRecord(scope, clientId, new Date());
  if (!result.ok) return domainErrorResponse(result);
  return downloadResponse(result.stream, result.fileName);
}
