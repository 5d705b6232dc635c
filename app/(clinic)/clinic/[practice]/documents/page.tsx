import type { Metadata } from "next";
import { UploadDocumentForm } from "@/components/documents/upload-document-form";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateMedium, practiceReader } from "@/lib/dates";
import { listDocuments } from "@/lib/documents/library";
import { DOCUMENT_KIND_LABELS } from "@/lib/documents/schemas";

export const metadata: Metadata = { title: "Documents" };
export const dynamic = "force-dynamic";

/** The practice's library of PDFs to share: handouts to read, releases and consents to sign (decision 0047). */
export default async function DocumentsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "forms.send");
  const docs = await listDocuments(scope);
  const reader = practiceReader(scope.practice);
  return (
    <>
      <PageHeader title="Documents" description="PDFs to share with clients from their record: to read, or to read and sign." />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 font-semibold">Library</h2>
          {docs.length === 0 ? (
            <p className="text-muted">No documents yet. Upload a PDF to share it from a client&apos;s record.</p>
          ) : (
            <ul className="divide-y divide-line" aria-label="Library">
              {docs.map((d) => (
                <li key={d.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div className="min-w-0">
                    <a href={`/clinic/${slug}/documents/${d.id}/file`} download className="font-medium break-words text-brand underline">
                      {d.title}
                    </a>
                    <p className="text-sm break-words text-muted">
                      {d.filename}, {Math.max(1, Math.round(d.byteSize / 1024))} KB, added {formatDateMedium(d.createdAt, reader)}
                    </p>
                  </div>
                  <Badge tone={d.kind === "sign" ? "brand" : "neutral"}>{DOCUMENT_KIND_LABELS[d.kind]}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <h2 className="mb-3 font-semibold">Upload a PDF</h2>
          <UploadDocumentForm practiceSlug={slug} />
        </Card>
      </div>
    </>
  );
}
