import type { NextRequest } from "next/server";
import { requireMember } from "@/lib/auth/guards";
import { recordAudit, byMember } from "@/lib/audit/record-audit";
import { listPayments, paymentFiltersSchema } from "@/lib/billing/billing-queries";
import { csvOfPayments } from "@/lib/billing/payments-csv";

/** The payments the dashboard's filters show, as CSV. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ practice: string }> }) {
  const scope = await requireMember((await params).practice, "billing.export");
  const filters = paymentFiltersSchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  const rows = await listPayments(scope, filters, 10_000);
  await recordAudit(byMember(scope, "billing.export", { type: "practice", id: scope.practice.id }, { rows: rows.length, filters }));
  return new Response(csvOfPayments(rows, scope.practice.timeZone), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="payments-${scope.practice.slug}.csv"`,
      "cache-control": "no-store",
    },
  });
}
