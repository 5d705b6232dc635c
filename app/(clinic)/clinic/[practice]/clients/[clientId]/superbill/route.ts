import type { NextRequest } from "next/server";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import { requireMember } from "@/lib/auth/guards";
import { buildSuperbill, superbillPdf, superbillQuerySchema } from "@/lib/billing/superbill";
import { zodFieldErrors } from "@/lib/form-result";
import { json } from "@/lib/http/json";

/** Staff: a client's superbill for a date range, as a PDF. Audited (it carries diagnosis codes). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ practice: string; clientId: string }> }) {
  const { practice, clientId } = await params;
  const scope = await requireMember(practice, "superbill.generate");
  const parsed = superbillQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return json({ errors: zodFieldErrors(parsed.error) }, 400);
  const bill = isUuid(clientId) ? await buildSuperbill(scope.practice.id, clientId, parsed.data, new Date()) : null;
  if (!bill) return json({ message: "Client not found" }, 404);
  await recordAudit(byMember(scope, "superbill.generate", { type: "client", id: clientId }, { from: parsed.data.from, to: parsed.data.to, sessions: bill.lines.length }));
  return pdfResponse(await superbillPdf(bill), `superbill-${parsed.data.from}-${parsed.data.to}.pdf`);
}

function pdfResponse(bytes: Uint8Array, filename: string): Response {
  return new Response(Buffer.from(bytes), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
}
