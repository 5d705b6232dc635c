import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { formatDateMedium, practiceReader } from "@/lib/dates";
import { listPortalProducts } from "@/lib/products/gift";

export const metadata: Metadata = { title: "Your workbooks" };
export const dynamic = "force-dynamic";

/** The portal's workbooks: what the client bought or was given (decision 0056), to download at any time. */
export default async function PortalProductsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { client, practice, practiceDisplayName } = await requireClient(clientId);
  const items = await listPortalProducts(client);
  const reader = practiceReader(practice);
  return (
    <>
      <PageHeader title="Your workbooks" description={`${practiceDisplayName}. Files you bought or were given.`} />
      {items.length === 0 ? (
        <EmptyState title="Nothing here yet">Workbooks you buy from, or are given by, {practiceDisplayName} appear here.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-line" aria-label="Workbooks">
            {items.map((p) => (
              <li key={p.orderId} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <p className="font-medium break-words">{p.title}</p>
                  <p className="text-sm text-muted">
                    {p.gifted ? "Given" : "Bought"} {formatDateMedium(p.at, reader)}, {Math.max(1, Math.round(p.byteSize / 1024))} KB
                  </p>
                </div>
                <a href={`/portal/${client.id}/products/${p.orderId}/file`} download className="text-brand underline underline-offset-2">
                  Download<span className="sr-only"> {p.title}</span>
                </a>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
