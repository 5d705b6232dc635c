import type { NextRequest } from "next/server";
import { requireClient } from "@/lib/auth/guards";
import { domainErrorResponse } from "@/lib/http/domain-error-response";
import { json } from "@/lib/http/json";
import { loadClientThread } from "@/lib/messaging/threads";

export const dynamic = "force-dynamic";

/** Messages after `?after=<seq>`, for the thread page's five-second poll. Read from the database, so any instance answers. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ clientId: string; threadId: string }> }) {
  const { clientId, threadId } = await params;
  const scope = await requireClient(clientId);
  const after = Math.max(0, Number.parseInt(request.nextUrl.searchParams.get("after") ?? "0", 10) || 0);
  const loaded = await loadClientThread(scope, threadId, new Date(), after, true);
  if (!loaded.ok) return domainErrorResponse(loaded);
  return json({ messages: loaded.page.messages });
}
