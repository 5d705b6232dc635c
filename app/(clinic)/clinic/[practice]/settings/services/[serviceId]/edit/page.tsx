import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ServiceForm } from "@/components/booking/admin/service-form";
import { PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { centsToAmountInput } from "@/lib/money";
import { getService, listClinicianOptions } from "@/lib/booking/list-services";
import { listPracticeLocations } from "@/lib/booking/manage-availability";
import type { ServiceFormValues } from "@/lib/booking/service-schema";

export const metadata: Metadata = { title: "Edit service" };
export const dynamic = "force-dynamic";

export default async function EditServicePage({ params }: { params: Promise<{ practice: string; serviceId: string }> }) {
  const { practice: slug, serviceId } = await params;
  const scope = await requireMember(slug, "settings.manage");
  const [found, clinicians, locations] = await Promise.all([getService(scope, serviceId), listClinicianOptions(scope), listPracticeLocations(scope)]);
  if (!found) notFound();
  const s = found.service;
  const amount = (cents: number) => (cents > 0 ? centsToAmountInput(cents) : "");
  const defaults: ServiceFormValues = {
    name: s.name,
    description: s.description ?? "",
    durationMinutes: String(s.durationMinutes),
    price: amount(s.priceCents),
    currency: s.currency as ServiceFormValues["currency"],
    format: s.format,
    attendance: s.attendance,
    clinicianIds: found.clinicianIds,
    bufferBeforeMinutes: String(s.bufferBeforeMinutes),
    bufferAfterMinutes: String(s.bufferAfterMinutes),
    minNoticeHours: String(Math.ceil(s.minNoticeMinutes / 60)),
    horizonDays: String(s.horizonDays),
    slotStepMinutes: s.slotStepMinutes === null ? "" : String(s.slotStepMinutes),
    cancellationWindowHours: String(s.cancellationWindowHours),
    lateCancelFee: amount(s.lateCancelFeeCents),
    noShowFee: amount(s.noShowFeeCents),
    active: s.archivedAt === null,
  };
  return (
    <>
      <PageHeader title={`Edit ${s.name}`} />
      <ServiceForm practiceSlug={slug} serviceId={s.id} defaults={defaults} clinicians={clinicians} hasLocations={locations.length > 0} />
    </>
  );
}
