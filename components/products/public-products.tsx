import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { PublicProduct } from "@/lib/products/public";

/** The booking page's list of workbooks on sale; nothing shows when there are none. */
export function PublicProducts({ slug, products }: { slug: string; products: PublicProduct[] }) {
  if (products.length === 0) return null;
  return (
    <Card>
      <h2 className="font-semibold">Workbooks</h2>
      <ul className="mt-2 divide-y divide-line" aria-label="Workbooks">
        {products.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Link href={`/book/${slug}/products/${p.id}`} className="min-w-0 font-medium break-words text-brand underline underline-offset-2">
              {p.title}
            </Link>
            <span className="text-sm">{formatMoney(p.priceCents, p.currency)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
