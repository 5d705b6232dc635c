import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { listOwnClientRecords, requireUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Your portal" };
export const dynamic = "force-dynamic";

export default async function PortalHome() {
  const user = await requireUser();
  const records = await listOwnClientRecords(user.id);
  if (records.length === 0) notFound();
  if (records.length === 1) redirect(`/portal/${records[0]!.client.id}`);
  return (
    <>
      <PageHeader title="Your practices" />
      <ul className="space-y-3">
        {records.map(({ client, practiceDisplayName }) => (
          <li key={client.id}>
            <Link href={`/portal/${client.id}`} className="block rounded-lg focus-visible:outline-offset-4">
              <Card className="hover:border-brand">
                <span className="font-semibold text-brand">{practiceDisplayName}</span>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
