import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

export default async function HomeworkPage({ params }: { params: Promise<{ practice: string }> }) {
  await requireMember((await params).practice);
  return (
    <>
      <PageHeader title="Homework" />
      <EmptyState title="No homework assigned yet">
        The exercise bank and programs are not available yet. When they are, assignments and check-ins show here.
      </EmptyState>
    </>
  );
}
