import type { NextRequest } from "next/server";
import { recordAudit } from "@/lib/audit/record-audit";
import { requireClient } from "@/lib/auth/guards";
import { buildSuperbill, superbillPdf, superbillQuerySchema } from "@/lib/billing/superbill";
import { zodFieldErrors } from "@/lib/form-result";
import { json } from "@/lib/http/json";

/** The client's own superbill for a date range, as a PDF. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ clientId: string }> }) {
  const { client, user } = await requireClient((await params).clientId);
  const parsed = superbillQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return json({ errors: zodFieldErrors(parsed.error) }, 400);
  const bill = await buildSuperbill(client.practiceId, client.id, parsed.data, new Date());
  if (!bill) return json({ message: "Not found" }, 404);
  await recordAudit({ practiceId: client.practiceId, actor: { kind: "client", userId: user.id }, action: "superbill.generate", subjectType: "client", subjectId: client.id, detail: { from: parsed.data.from, to: parsed.data.to } });
  return new Response(Buffer.from(await superbillPdf(bill)), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="superbill-${parsed.data.from}-${parsed.data.to}.pdf"`, "cache-control": "no-store" },
  });
}
