import type { Metadata } from "next";
import { ClientForm } from "@/components/clients/client-form";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "New client" };
export const dynamic = "force-dynamic";

export default async function NewClientPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  await requireMember(slug, "clients.edit");
  return (
    <>
      <PageHeader title="New client" />
      <ClientForm practiceSlug={slug} clientId={null} />
    </>
  );
}
