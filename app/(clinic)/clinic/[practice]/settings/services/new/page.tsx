import type { Metadata } from "next";
import { ServiceForm } from "@/components/booking/admin/service-form";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { practiceCurrency } from "@/lib/money";
import { listClinicianOptions } from "@/lib/booking/list-services";
import { listPracticeLocations } from "@/lib/booking/manage-availability";
import { newServiceFormValues } from "@/lib/booking/service-schema";

export const metadata: Metadata = { title: "New service" };
export const dynamic = "force-dynamic";

export default async function NewServicePage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "settings.manage");
  const [clinicians, locations] = await Promise.all([listClinicianOptions(scope), listPracticeLocations(scope)]);
  return (
    <>
      <PageHeader title="New service" />
      <ServiceForm
        practiceSlug={slug}
        serviceId={null}
        defaults={newServiceFormValues(practiceCurrency(scope.practice))}
        clinicians={clinicians}
        hasLocations={locations.length > 0}
      />
    </>
  );
}
