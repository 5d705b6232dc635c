import type { NextRequest } from "next/server";
import { requireMember } from "@/lib/auth/guards";
import { openPracticeExportDownload } from "@/lib/export/practice-export";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { downloadResponse } from "@/lib/http/download-response";

/** Owner/admin: the finished practice export, by its signed link (expires); streamed from the data directory. Audited. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ practice: string }> }) {
  const scope = await requireMember((await params).practice, "data.export");
  const result = await openPracticeExportDownload(scope, request.nextUrl.searchParams.get("token") ?? "", new Date());
  if (!result.ok) return domainErrorResponse(result);
  return downloadResponse(result.stream, result.fileName, "application/zip", result.size);
}
