import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GiftProductForm } from "@/components/products/gift-product-form";
import { ProductForm } from "@/components/products/product-form";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { formatDateMedium, practiceReader } from "@/lib/dates";
import { centsToAmountInput, formatMoney } from "@/lib/money";
import { giftableClients, ordersOf } from "@/lib/products/gift";
import { resendLinkAction } from "../actions";
import { linksOf } from "@/lib/products/resend";
import { getProduct } from "@/lib/products/manage";

export const metadata: Metadata = { title: "Product" };
export const dynamic = "force-dynamic";

const STATUS_LABELS = { pending: "Checkout open", paid: "Paid", refunded: "Refunded", gifted: "Given", abandoned: "Not paid (checkout expired)" } as const;

/** One product: edit it, give it to a client, see its orders (a paid one is refunded from its payment's page). */
export default async function ProductPage({ params }: { params: Promise<{ practice: string; productId: string }> }) {
  const { practice: slug, productId } = await params;
  const scope = await requireMember(slug, "products.manage");
  const product = await getProduct(scope, productId);
  if (!product) notFound();
  const [orders, clients] = await Promise.all([ordersOf(scope, productId), giftableClients(scope)]);
  const links = await linksOf(scope, orders.map((o) => o.id));
  const now = new Date();
  const reader = practiceReader(scope.practice);
  const refunds = can(scope.role, "payments.refund");
  return (
    <>
      <PageHeader title={product.title} description={<Link href={`/clinic/${slug}/products`} className="text-brand underline">All products</Link>} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">Edit</h2>
          <ProductForm
            practiceSlug={slug}
            currency={product.currency}
            product={{ id: product.id, title: product.title, description: product.description, price: centsToAmountInput(product.priceCents), active: product.active, filename: product.filename }}
          />
          <p className="mt-3 text-sm text-muted">
            Public page:{" "}
            <Link href={`/book/${slug}/products/${product.id}`} className="break-all text-brand underline">
              /book/{slug}/products/{product.id}
            </Link>
          </p>
        </Card>
        <div className="space-y-4">
          <Card>
            <h2 className="mb-3 font-semibold">Give to a client</h2>
            <GiftProductForm practiceSlug={slug} productId={product.id} clients={clients} />
          </Card>
          <Card>
            <h2 className="mb-3 font-semibold">Orders</h2>
            {orders.length === 0 ? (
              <p className="text-muted">No orders yet.</p>
            ) : (
              <ul className="divide-y divide-line" aria-label="Orders">
                {orders.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <div className="min-w-0">
                      <p className="font-medium break-words">{o.buyerName}</p>
                      <p className="text-sm text-muted">
                        {formatDateMedium(o.createdAt, reader)}
                        {o.status !== "gifted" ? `, ${formatMoney(o.amountCents, o.currency)}` : ""}
                        {o.paymentId && refunds && o.status === "paid" ? (
                          <>
                            {" · "}
                            <Link href={`/clinic/${slug}/billing/payments/${o.paymentId}`} className="text-brand underline">
                              Payment and refund
                            </Link>
                          </>
                        ) : null}
                      </p>
                    </div>
                    <Badge tone={o.status === "paid" ? "ok" : o.status === "refunded" ? "warn" : "neutral"}>{STATUS_LABELS[o.status]}</Badge>
                    {(() => {
                      const link = links.find((l) => l.orderId === o.id);
                      if (!link || link.revokedAt || (o.status !== "paid" && o.status !== "gifted")) return null;
                      const live = link.expiresAt > now && link.usesLeft > 0;
                      return (
                        <div className="flex w-full flex-wrap items-center gap-2 text-sm text-muted">
                          <span>
                            {!link.emailedAt
                              ? "Download link: being emailed"
                              : live
                                ? `Download link: ${link.usesLeft === 1 ? "1 download" : `${link.usesLeft} downloads`} left, until ${formatDateMedium(link.expiresAt, reader)}`
                                : "Download link: used up or expired"}
                            {link.resends > 0 ? ` · sent again ${link.resends === 1 ? "once" : `${link.resends} times`}` : ""}
                          </span>
                          <ActionButton action={resendLinkAction.bind(null, slug, product.id, o.id)} label="Send the link again" busyLabel="Sending…" failure="Not sent" ariaLabel={`Send ${o.buyerName} the download link again`} />
                        </div>
                      );
                    })()}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
