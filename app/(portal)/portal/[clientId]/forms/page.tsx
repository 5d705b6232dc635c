import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { formatDateMedium, practiceReader } from "@/lib/dates";
import { listOwnForms } from "@/lib/intake/respond";

export const metadata: Metadata = { title: "Your forms" };
export const dynamic = "force-dynamic";

const STATUS: Record<string, { label: string; tone: "neutral" | "warn" | "ok" }> = {
  sent: { label: "To do", tone: "warn" },
  started: { label: "In progress", tone: "warn" },
  completed: { label: "Completed", tone: "ok" },
};

export default async function PortalFormsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { client, practice, practiceDisplayName } = await requireClient(clientId);
  const forms = await listOwnForms({ id: client.id, practiceId: client.practiceId });
  const reader = practiceReader(practice);
  const day = (d: Date) => formatDateMedium(d, reader);
  return (
    <>
      <PageHeader title="Your forms" description={`${practiceDisplayName}. Only you and your practice see your answers.`} />
      <p className="mb-4">
        <Link href={`/portal/${client.id}`} className="text-brand underline">
          Back to your portal
        </Link>
      </p>
      {forms.length === 0 ? (
        <EmptyState title="No forms to complete">When your practice sends you a form, you&apos;ll find it here.</EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-line">
            {forms.map((f) => (
              <li key={f.assignmentId} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link href={`/portal/${client.id}/forms/${f.assignmentId}`} className="font-medium text-brand underline">
                    {f.title}
                  </Link>
                  <p className="text-sm text-muted">
                    {f.completedAt ? `Completed ${day(f.completedAt)}` : f.dueAt ? `Please complete by ${day(f.dueAt)}` : `Sent ${day(f.sentAt)}`}
                  </p>
                </div>
                <Badge tone={STATUS[f.status]!.tone}>{STATUS[f.status]!.label}</Badge>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
