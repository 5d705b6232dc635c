import type { NextRequest } from "next/server";
import { requireMember } from "@/lib/auth/guards";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { json } from "@/lib/http/json";
import { loadStaffThread } from "@/lib/messaging/inbox";

export const dynamic = "force-dynamic";

/** Messages after `?after=<seq>` for the staff thread page's poll; a poll that brings messages is audited as a read. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ practice: string; threadId: string }> }) {
  const { practice, threadId } = await params;
  const scope = await requireMember(practice, "practice.view");
  const after = Math.max(0, Number.parseInt(request.nextUrl.searchParams.get("after") ?? "0", 10) || 0);
  const loaded = await loadStaffThread(scope, threadId, new Date(), after, true);
  if (!loaded.ok) return domainErrorResponse(loaded);
  return json({ messages: loaded.page.messages });
}
