import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClientForm } from "@/components/clients/client-form";
import { PendingEmailNotice } from "@/components/clients/pending-email-notice";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { pendingEmailChange } from "@/lib/clients/email-change";
import { getClientRecord } from "@/lib/clients/get-client-record";

export const metadata: Metadata = { title: "Edit client" };
export const dynamic = "force-dynamic";

export default async function EditClientPage({ params }: { params: Promise<{ practice: string; clientId: string }> }) {
  const { practice: slug, clientId } = await params;
  const scope = await requireMember(slug, "clients.edit");
  const record = await getClientRecord(scope, clientId);
  if (!record) notFound();
  const c = record.client;
  const pending = await pendingEmailChange(scope.practice.id, c.id, new Date());
  return (
    <>
      <PageHeader title={`Edit ${c.firstName} ${c.lastName}`} />
      {pending ? <PendingEmailNotice email={pending.newEmail} /> : null}
      <ClientForm
        practiceSlug={slug}
        clientId={c.id}
        defaults={{
          firstName: c.firstName,
          lastName: c.lastName,
          preferredName: c.preferredName ?? "",
          pronouns: c.pronouns ?? "",
          email: c.email ?? "",
          phone: c.phone ?? "",
          dateOfBirth: c.dateOfBirth ?? "",
          addressLine1: c.addressLine1 ?? "",
          addressLine2: c.addressLine2 ?? "",
          city: c.city ?? "",
          region: c.region ?? "",
          postalCode: c.postalCode ?? "",
          country: c.country ?? "",
          // A pending change keeps portal access asked for until it is confirmed.
          portalAccess: c.userId !== null || pending !== null,
        }}
      />
    </>
  );
}
