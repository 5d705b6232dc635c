import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SignDocumentForm } from "@/components/documents/sign-document-form";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { formatDateTimeMedium, practiceReader } from "@/lib/dates";
import { openPortalDocument } from "@/lib/documents/portal";

export const metadata: Metadata = { title: "Document" };
export const dynamic = "force-dynamic";

/** One shared document: its PDF, and for one to sign, the read-and-sign form or the signed copy. */
export default async function PortalDocumentPage({ params }: { params: Promise<{ clientId: string; shareId: string }> }) {
  const { clientId, shareId } = await params;
  const { client, practice, practiceDisplayName } = await requireClient(clientId);
  const doc = await openPortalDocument(client, shareId);
  if (!doc) notFound();
  const base = `/portal/${client.id}/documents/${doc.shareId}`;
  const reader = practiceReader(practice);
  return (
    <>
      <PageHeader title={doc.title} description={`Shared by ${practiceDisplayName}${doc.toCouple ? " with you and your partner" : ""}.`} />
      <p className="mb-4">
        <Link href={`/portal/${client.id}/documents`} className="text-brand underline">
          All your documents
        </Link>
      </p>
      <div className="space-y-4">
        <Card>
          {doc.message ? <p className="mb-3 break-words whitespace-pre-line">{doc.message}</p> : null}
          {/* A file download, not a page: a plain link. */}
          <a className={buttonClass("secondary")} href={`${base}/file`} download>
            Download the PDF
          </a>
        </Card>
        {doc.kind === "sign" ? (
          <Card>
            <h2 className="mb-2 font-semibold">Your signature</h2>
            {doc.partner ? (
              <p className="mb-3">
                <Badge tone={doc.partner.signed ? "ok" : "neutral"}>{doc.partner.signed ? `${doc.partner.name} signed` : `${doc.partner.name} has not signed yet`}</Badge>
                <span className="sr-only">. </span>
                <span className="ml-2 text-sm text-muted">Each of you signs for yourself.</span>
              </p>
            ) : null}
            {doc.mySignedAt ? (
              <div className="space-y-3">
                <p role="status">You signed this document on {formatDateTimeMedium(doc.mySignedAt, reader)}.</p>
                <a className={buttonClass("secondary")} href={`${base}/signed`} download>
                  Download your signed copy
                </a>
              </div>
            ) : (
              <>
                <p className="mb-3 text-sm">Open and read the PDF first. Then sign here.</p>
                <SignDocumentForm clientId={client.id} shareId={doc.shareId} />
              </>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
