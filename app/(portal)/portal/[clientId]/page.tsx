import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Your portal" };
export const dynamic = "force-dynamic";

export default async function PortalClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { client, practice } = await requireClient(clientId);
  return (
    <>
      <PageHeader title={`Hello, ${client.preferredName ?? client.firstName}`} description={practice.name} />
      <div className="space-y-4">
        <Card>
          <h2 className="mb-2 font-semibold">Your details</h2>
          <dl className="grid grid-cols-[7rem_1fr] gap-y-1">
            <dt className="text-sm text-muted">Name</dt>
            <dd>
              {client.firstName} {client.lastName}
            </dd>
            <dt className="text-sm text-muted">Email</dt>
            <dd className="break-words">{client.email ?? "—"}</dd>
            <dt className="text-sm text-muted">Phone</dt>
            <dd>{client.phone ?? "—"}</dd>
          </dl>
        </Card>
        <EmptyState title="No upcoming sessions">Sessions you book with {practice.name} will show here.</EmptyState>
        <EmptyState title="No forms to complete">When your practice sends you a form, you&apos;ll find it here.</EmptyState>
        <EmptyState title="No homework this week">Exercises your clinician assigns will appear here.</EmptyState>
      </div>
    </>
  );
}
