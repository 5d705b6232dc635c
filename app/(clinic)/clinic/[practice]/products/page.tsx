import type { Metadata } from "next";
import Link from "next/link";
import { ProductForm } from "@/components/products/product-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { listProducts } from "@/lib/products/manage";
import { formatMoney } from "@/lib/money";

export const metadata: Metadata = { title: "Products" };
export const dynamic = "force-dynamic";

/** The practice's digital products (workbooks): sold on the booking page, given to clients (decision 0056). */
export default async function ProductsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "products.manage");
  const rows = await listProducts(scope);
  return (
    <>
      <PageHeader title="Products" description="Workbooks and other PDFs you sell on your booking page or give to clients." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">Your products</h2>
          {rows.length === 0 ? (
            <p className="text-muted">No products yet. Add a PDF to sell it on your booking page.</p>
          ) : (
            <ul className="divide-y divide-line" aria-label="Products">
              {rows.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div className="min-w-0">
                    <Link href={`/clinic/${slug}/products/${p.id}`} className="font-medium break-words text-brand underline">
                      {p.title}
                    </Link>
                    <p className="text-sm text-muted">
                      {formatMoney(p.priceCents, p.currency)}, {p.sold} sold, {p.gifted} given
                    </p>
                  </div>
                  <Badge tone={p.active ? "ok" : "neutral"}>{p.active ? "On sale" : "Not on sale"}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">Add a product</h2>
          <ProductForm practiceSlug={slug} currency={scope.practice.currency} />
        </Card>
      </div>
    </>
  );
}
