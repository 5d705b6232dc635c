import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listPortalDocuments } from "@/lib/documents/portal";

/** The portal home's documents entry: how many wait for a signature, and the way to all of them. */
export async function PortalDocumentsCard({ client }: { client: { id: string; practiceId: string } }) {
  const docs = await listPortalDocuments(client);
  const total = docs.shared.length + docs.toSign.length + docs.signed.length;
  if (total === 0) return null;
  return (
    <Card>
      <h2 className="mb-2 font-semibold">Documents</h2>
      <p className="mb-3">
        {docs.toSign.length > 0
          ? `${docs.toSign.length === 1 ? "One document waits" : `${docs.toSign.length} documents wait`} for your signature.`
          : "Documents your practice shared with you."}
      </p>
      <ButtonLink variant="secondary" size="sm" href={`/portal/${client.id}/documents`}>
        Your documents
      </ButtonLink>
    </Card>
  );
}
