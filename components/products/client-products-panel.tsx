import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { formatDateMedium, practiceReader } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { ordersForClient } from "@/lib/products/gift";

const STATUS_LABELS = { pending: "Checkout open", paid: "Paid", refunded: "Refunded", gifted: "Given", abandoned: "Not paid (checkout expired)" } as const;

/** The client record's workbooks (decision 0056): bought or given; nothing shows when there are none. */
export async function ClientProductsPanel({ scope, clientId }: { scope: PracticeScope; clientId: string }) {
  const orders = (await ordersForClient(scope, clientId)).filter((o) => o.status !== "pending" && o.status !== "abandoned");
  if (orders.length === 0) return null;
  const reader = practiceReader(scope.practice);
  const manage = can(scope.role, "products.manage");
  return (
    <Card className="min-w-0">
      <h2 className="mb-2 font-semibold">Workbooks</h2>
      <ul className="divide-y divide-line" aria-label="Workbooks">
        {orders.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              {manage ? (
                <Link href={`/clinic/${scope.practice.slug}/products/${o.productId}`} className="font-medium break-words text-brand underline">
                  {o.title}
                </Link>
              ) : (
                <p className="font-medium break-words">{o.title}</p>
              )}
              <p className="text-sm text-muted">
                {formatDateMedium(o.createdAt, reader)}
                {o.status === "gifted" ? "" : `, ${formatMoney(o.amountCents, o.currency)}`}
              </p>
            </div>
            <Badge tone={o.status === "paid" ? "ok" : o.status === "refunded" ? "warn" : "neutral"}>{STATUS_LABELS[o.status]}</Badge>
          </li>
        ))}
      </ul>
    </Card>
  );
}
