import { EmptyState, PageHeader } from "@/components/ui/card";
import { BILLING_ROLES, requireMember } from "@/lib/auth/guards";

export const dynamic = "force-dynamic";

export default async function BillingPage({ params }: { params: Promise<{ practice: string }> }) {
  await requireMember((await params).practice, BILLING_ROLES);
  return (
    <>
      <PageHeader title="Billing" />
      <EmptyState title="No payments yet">
        Stripe is not connected for this practice yet. Payments, refunds and packages will be listed here.
      </EmptyState>
    </>
  );
}
