import type { Metadata } from "next";
import { ImportWizard } from "@/components/clients/import-wizard";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { IMPORT_LIMITS, formatBytes } from "@/lib/clients/import/limits";

export const metadata: Metadata = { title: "Import clients" };
export const dynamic = "force-dynamic";

export default async function ImportClientsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "clients.edit");
  return (
    <>
      <PageHeader
        title="Import clients"
        description={`A CSV file exported from SimplePractice, Jane or a spreadsheet: up to ${IMPORT_LIMITS.maxRows.toLocaleString("en-US")} rows and ${formatBytes(IMPORT_LIMITS.maxFileBytes)}. Nothing is saved until you confirm.`}
      />
      <ImportWizard practiceSlug={slug} locale={scope.practice.locale} />
    </>
  );
}
