import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { formatDateMedium, practiceReader } from "@/lib/dates";
import { listPortalDocuments, type PortalDocument } from "@/lib/documents/portal";

export const metadata: Metadata = { title: "Your documents" };
export const dynamic = "force-dynamic";

/** The portal's Documents page (issue 15): what was shared, what waits for my signature, what I signed. */
export default async function PortalDocumentsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { client, practice, practiceDisplayName } = await requireClient(clientId);
  const docs = await listPortalDocuments(client);
  const reader = practiceReader(practice);
  const day = (d: Date) => formatDateMedium(d, reader);
  const section = (title: string, list: PortalDocument[], empty: string, line: (d: PortalDocument) => string) => (
    <Card>
      <h2 className="mb-2 font-semibold">{title}</h2>
      {list.length === 0 ? (
        <p className="text-muted">{empty}</p>
      ) : (
        <ul className="divide-y divide-line" aria-label={title}>
          {list.map((d) => (
            <li key={d.shareId} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="min-w-0">
                <Link href={`/portal/${client.id}/documents/${d.shareId}`} className="font-medium break-words text-brand underline">
                  {d.title}
                </Link>
                <p className="text-sm text-muted">{line(d)}</p>
              </div>
              {d.partner ? <Badge tone={d.partner.signed ? "ok" : "neutral"}>{d.partner.signed ? `${d.partner.name} signed` : `${d.partner.name} has not signed yet`}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
  return (
    <>
      <PageHeader title="Your documents" description={`${practiceDisplayName}. Documents your practice shared with you.`} />
      <p className="mb-4">
        <Link href={`/portal/${client.id}`} className="text-brand underline">
          Back to your portal
        </Link>
      </p>
      <div className="space-y-4">
        {section("Waiting for your signature", docs.toSign, "Nothing waits for your signature.", (d) => `Shared ${day(d.sharedAt)}`)}
        {section("Shared with you", docs.shared, "No documents to read yet.", (d) => `Shared ${day(d.sharedAt)}`)}
        {section("Signed", docs.signed, "You have not signed any documents yet.", (d) => `You signed ${day(d.mySignedAt!)}`)}
      </div>
    </>
  );
}
