import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BuyProductForm } from "@/components/products/buy-product-form";
import { Card } from "@/components/ui/card";
import { practiceStripe } from "@/lib/billing/practice-billing";
import { loadBrandBySlug } from "@/lib/brand/load-brand";
import { formatMoney } from "@/lib/money";
import { getPublicPractice } from "@/lib/practices/public-practices";
import { getPublicProduct } from "@/lib/products/public";
import { DOWNLOAD_LINK_DAYS, DOWNLOAD_LINK_USES } from "@/lib/products/schemas";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workbook" };

/** A product's public page: what it is, its price, and the buy form (no account needed). */
export default async function PublicProductPage({ params }: { params: Promise<{ slug: string; productId: string }> }) {
  const { slug, productId } = await params;
  const practice = await getPublicPractice(slug);
  if (!practice) notFound();
  const product = await getPublicProduct(practice.id, productId);
  if (!product) notFound();
  const name = (await loadBrandBySlug(practice.slug))?.name ?? practice.name;
  const selling = (await practiceStripe(practice.id)).canTakePayments;
  const price = formatMoney(product.priceCents, product.currency);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <p>
        <Link href={`/book/${practice.slug}`} className="text-brand underline underline-offset-2">
          {name}
        </Link>
      </p>
      <Card>
        <h1 className="text-2xl font-semibold break-words">{product.title}</h1>
        <p className="mt-1 text-lg font-medium">{price}</p>
        {product.description ? <p className="mt-3 whitespace-pre-line break-words">{product.description}</p> : null}
        <p className="mt-3 text-sm text-muted">
          A PDF ({Math.max(1, Math.round(product.byteSize / 1024 / 1024))} MB). After paying you get a download link by email: it works for {DOWNLOAD_LINK_DAYS} days and {DOWNLOAD_LINK_USES} downloads. If you have a portal with {name}, it is there too.
        </p>
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">Buy</h2>
        {selling ? <BuyProductForm slug={practice.slug} productId={product.id} price={price} /> : <p className="text-muted">This practice does not take payments online yet.</p>}
      </Card>
    </div>
  );
}
