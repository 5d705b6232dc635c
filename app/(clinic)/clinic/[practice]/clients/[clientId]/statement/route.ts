import type { NextRequest } from "next/server";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { isUuid } from "@/lib/ids";
import { requireMember } from "@/lib/auth/guards";
import { statementQuerySchema } from "@/lib/billing/desk-schema";
import { buildStatement, statementPdf } from "@/lib/billing/statement";
import { zodFieldErrors } from "@/lib/form-result";
import { json } from "@/lib/http/json";

/** Staff with billing access: a client's statement (charges, payments, refunds, balances) for a date range, as a PDF. Audited. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ practice: string; clientId: string }> }) {
  const { practice, clientId } = await params;
  const scope = await requireMember(practice, "billing.read");
  const parsed = statementQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return json({ errors: zodFieldErrors(parsed.error) }, 400);
  const statement = isUuid(clientId) ? await buildStatement(scope.practice.id, clientId, parsed.data, new Date()) : null;
  if (!statement) return json({ message: "Client not found" }, 404);
  await recordAudit(byMember(scope, "statement.generate", { type: "client", id: clientId }, { from: parsed.data.from, to: parsed.data.to, lines: statement.lines.length }));
  return new Response(Buffer.from(await statementPdf(statement)), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="statement-${parsed.data.from}-${parsed.data.to}.pdf"`,
      "cache-control": "no-store",
    },
  });
}
