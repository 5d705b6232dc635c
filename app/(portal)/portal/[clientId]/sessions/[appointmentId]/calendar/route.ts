import { notFound } from "next/navigation";
import { requireClient } from "@/lib/auth/guards";
import { clientSessionFile } from "@/lib/calendar/feeds";
import { isUuid } from "@/lib/ids";

/** One of the signed-in client's sessions as an .ics file to open in their calendar. */
export async function GET(_request: Request, { params }: { params: Promise<{ clientId: string; appointmentId: string }> }) {
  const { clientId, appointmentId } = await params;
  const scope = await requireClient(clientId);
  if (!isUuid(appointmentId)) notFound();
  const body = await clientSessionFile(scope, appointmentId, new Date());
  if (!body) notFound();
  return new Response(body, {
    headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": 'attachment; filename="session.ics"', "cache-control": "private, no-store" },
  });
}

export const dynamic = "force-dynamic";
