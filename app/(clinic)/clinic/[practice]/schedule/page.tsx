import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

export default async function SchedulePage({ params }: { params: Promise<{ practice: string }> }) {
  await requireMember((await params).practice);
  return (
    <>
      <PageHeader title="Schedule" />
      <EmptyState title="No sessions to show">
        Online booking and the calendar are not set up yet. Once services and availability exist, booked sessions appear here by day and week.
      </EmptyState>
    </>
  );
}
