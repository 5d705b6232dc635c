import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import type { PracticeScope } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { formatDateMedium, formatDateTimeMedium, practiceReader } from "@/lib/dates";
import { listDocuments } from "@/lib/documents/library";
import { sharesForClient } from "@/lib/documents/shares";
import { ShareDocumentForm } from "./share-document-form";
import { WithdrawShareButton } from "./withdraw-share-button";

/** The client record's documents: each share with every signer's status, and "Share a document". */
export async function ClientDocumentsPanel({ scope, clientId, partnerName }: { scope: PracticeScope; clientId: string; partnerName: string | null }) {
  const [shares, library] = await Promise.all([sharesForClient(scope, clientId), listDocuments(scope)]);
  const slug = scope.practice.slug;
  const reader = practiceReader(scope.practice);
  // A signed copy is part of the clinical record: only roles with clinical reach open it (audited).
  const canOpenSigned = can(scope.role, "clinical.read");
  return (
    <Card className="min-w-0 lg:col-span-2">
      <h2 className="mb-3 font-semibold">Documents</h2>
      {shares.length === 0 ? (
        <p className="mb-4 text-muted">No documents shared yet.</p>
      ) : (
        <ul className="mb-4 divide-y divide-line" aria-label="Shared documents">
          {shares.map((s) => (
            <li key={s.shareId} className="space-y-1 py-3">
              <p className="font-medium break-words">
                {s.title} {s.toCouple ? <Badge>Couple</Badge> : null} {s.revokedAt ? <Badge>Withdrawn</Badge> : null}
              </p>
              <p className="text-sm text-muted">
                Shared {formatDateMedium(s.sharedAt, reader)}
                {s.revokedAt ? `, withdrawn ${formatDateMedium(s.revokedAt, reader)}` : ""}
              </p>
              {s.kind === "sign" ? (
                <ul className="space-y-1 text-sm" aria-label={`Signatures on ${s.title}`}>
                  {s.signers.map((g) => (
                    <li key={g.clientId} className="flex flex-wrap items-center gap-2">
                      <span>{g.name}:</span>
                      {g.signedAt ? <Badge tone="ok">Signed {formatDateTimeMedium(g.signedAt, reader)}</Badge> : <Badge tone="warn">Not signed yet</Badge>}
                      {g.signatureId && canOpenSigned ? (
                        <a href={`/clinic/${slug}/documents/signatures/${g.signatureId}`} download className="text-brand underline">
                          Signed copy<span className="sr-only"> of {g.name}</span>
                        </a>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm">To read</p>
              )}
              {s.revokedAt ? null : <WithdrawShareButton practiceSlug={slug} clientId={clientId} shareId={s.shareId} title={s.title} />}
            </li>
          ))}
        </ul>
      )}
      <h3 className="mb-2 font-medium">Share a document</h3>
      {library.length === 0 ? (
        <p className="text-muted">
          Your practice has no documents yet.{" "}
          <Link href={`/clinic/${slug}/documents`} className="text-brand underline">
            Upload one
          </Link>
          .
        </p>
      ) : (
        <ShareDocumentForm practiceSlug={slug} clientId={clientId} documents={library.map((d) => ({ id: d.id, title: d.title, kind: d.kind }))} partnerName={partnerName} />
      )}
    </Card>
  );
}
