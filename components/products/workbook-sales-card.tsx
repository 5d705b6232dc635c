import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatDateMedium, type Reader } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { workbookSales } from "@/lib/products/sales";

const STATUS = { paid: "paid", refunded: "refunded", gifted: "given", pending: "checkout open" } as const;

/** The billing dashboard's "Workbook sales" (decision 0056): net takings per currency and the latest orders. */
export async function WorkbookSalesCard({ practiceId, slug, reader }: { practiceId: string; slug: string; reader: Reader }) {
  const sales = await workbookSales(practiceId);
  if (sales.totals.length === 0 && sales.recent.length === 0) return null;
  return (
    <Card className="mt-4">
      <h2 className="text-lg font-semibold">Workbook sales</h2>
      <p className="mt-1" data-testid="workbook-sales-total">
        {sales.totals.map((t) => `${t.count} sold, ${formatMoney(t.netCents, t.currency)} net of refunds`).join(" · ") || "None sold yet"}
        {sales.gifted > 0 ? `; ${sales.gifted} given` : ""}
      </p>
      <ul className="mt-2 space-y-1" aria-label="Latest workbook orders">
        {sales.recent.map((o) => (
          <li key={o.orderId} className="break-words">
            {o.paymentId ? (
              <Link href={`/clinic/${slug}/billing/payments/${o.paymentId}`} className="text-brand underline underline-offset-2">
                {o.buyerName}
              </Link>
            ) : (
              o.buyerName
            )}
            : {o.title}, {o.status === "gifted" ? "" : `${formatMoney(o.amountCents, o.currency)}, `}
            {STATUS[o.status as keyof typeof STATUS] ?? o.status} <span className="text-sm text-muted">{formatDateMedium(o.at, reader)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
