import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { IdentityRows } from "@/components/portal/identity-rows";
import { OwnDetailsForm } from "@/components/portal/own-details-form";
import { requireClient } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Your details" };
export const dynamic = "force-dynamic";

/** The signed-in client's own details; a partner's record is another client id, which requireClient refuses. */
export default async function OwnDetailsPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { client, practiceDisplayName } = await requireClient(clientId);
  return (
    <>
      <p className="mb-2">
        <Link href={`/portal/${client.id}`} className="text-brand underline underline-offset-2">
          Back to your portal
        </Link>
      </p>
      <PageHeader title="Your details" description={`What ${practiceDisplayName} keeps about how to reach you. Only you and the practice see it.`} />
      <Card className="space-y-4">
        <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-y-1">
          <IdentityRows client={client} />
        </dl>
        <p className="text-sm text-muted">Your name as it appears on superbills, and the email you sign in with, are changed by the practice: ask them.</p>
        <OwnDetailsForm
          clientId={client.id}
          defaults={{
            preferredName: client.preferredName ?? "",
            pronouns: client.pronouns ?? "",
            phone: client.phone ?? "",
            dateOfBirth: client.dateOfBirth ?? "",
            addressLine1: client.addressLine1 ?? "",
            addressLine2: client.addressLine2 ?? "",
            city: client.city ?? "",
            region: client.region ?? "",
            postalCode: client.postalCode ?? "",
            country: client.country ?? "",
          }}
        />
      </Card>
    </>
  );
}
