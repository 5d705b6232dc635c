import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { PortalSessions } from "@/components/booking/schedule/portal-sessions";
import { requireClient } from "@/lib/auth/guards";
import { listClientSessions } from "@/lib/booking/list-client-sessions";
import { PortalFormsCard } from "@/components/intake/portal-forms-card";
import { listOwnForms } from "@/lib/intake/respond";
import { PortalThisWeek } from "@/components/homework/portal-this-week";
import { getPortalHomework } from "@/lib/homework/portal";

export const metadata: Metadata = { title: "Your portal" };
export const dynamic = "force-dynamic";

export default async function PortalClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { client, practice } = await requireClient(clientId);
  const now = new Date();
  const [sessions, forms, homework] = await Promise.all([
    listClientSessions(client, now),
    listOwnForms({ id: client.id, practiceId: client.practiceId }),
    getPortalHomework({ client, practice }, now),
  ]);
  return (
    <>
      <PageHeader title={`Hello, ${client.preferredName ?? client.firstName}`} description={practice.name} />
      <div className="space-y-4">
        <PortalThisWeek clientId={client.id} data={homework} />
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
        <Card>
          <h2 className="font-semibold">Payments</h2>
          <p className="mt-1">
            <Link href={`/portal/${client.id}/billing`} className="text-brand underline underline-offset-2">
              Payments, receipts, balance and session credits
            </Link>
          </p>
        </Card>
        <PortalSessions practice={{ name: practice.name, slug: practice.slug, timeZone: practice.timeZone }} {...sessions} />
        <PortalFormsCard clientId={client.id} forms={forms} />
      </div>
    </>
  );
}
