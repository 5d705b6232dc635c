import type { Metadata } from "next";
import Link from "next/link";
import { PlanContentView } from "@/components/plans/plan-content";
import { SignPlanForm } from "@/components/plans/sign-plan-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { formatDateTimeMedium, practiceReader } from "@/lib/dates";
import { listPortalPlans } from "@/lib/plans/portal";

export const metadata: Metadata = { title: "Your plan" };
export const dynamic = "force-dynamic";

/**
 * The client's treatment plans as published by the practice: their own and
 * their couple's, never a partner's own. Each person signs for themselves;
 * on a couple's plan they see only whether their partner has signed.
 */
export default async function PortalPlanPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { clientId } = await params;
  const { client, practice, practiceDisplayName } = await requireClient(clientId);
  const plans = await listPortalPlans({ id: client.id, practiceId: client.practiceId });
  const reader = practiceReader(practice);
  const me = client.preferredName ?? client.firstName;
  return (
    <>
      <PageHeader title="Your plan" description={`Your treatment plan with ${practiceDisplayName}.`} />
      <p className="mb-4">
        <Link href={`/portal/${client.id}`} className="text-brand underline">
          Back to your portal
        </Link>
      </p>
      {plans.length === 0 ? (
        <EmptyState title="No plan to review yet">Your clinician will share your treatment plan here when it is ready.</EmptyState>
      ) : (
        <div className="space-y-4">
          {plans.map((p) => (
            <Card key={p.versionId}>
              <h2 className="mb-2 flex flex-wrap items-center gap-2 font-semibold">
                {p.forCouple ? "Your plan as a couple" : "Your plan"} <Badge>Version {p.number}</Badge>
              </h2>
              <p className="mb-3 text-sm text-muted">Shared {formatDateTimeMedium(p.publishedAt, reader)}.</p>
              <PlanContentView content={p.content} reviewDate={p.reviewDate} locale={practice.locale} people={p.partner ? { client: me, partner: p.partner.name } : undefined} />
              <div className="mt-4 border-t border-line pt-4">
                <h3 className="mb-2 font-semibold">Your signature</h3>
                {p.partner ? (
                  <p className="mb-3">
                    <Badge tone={p.partner.signed ? "ok" : "neutral"}>{p.partner.signed ? `${p.partner.name} signed` : `${p.partner.name} has not signed yet`}</Badge>
                    <span className="sr-only">. </span>
                    <span className="ml-2 text-sm text-muted">Each of you signs for yourself.</span>
                  </p>
                ) : null}
                {p.mySignedAt ? (
                  <p role="status">You signed this plan on {formatDateTimeMedium(p.mySignedAt, reader)}.</p>
                ) : (
                  <SignPlanForm clientId={client.id} versionId={p.versionId} />
                )}
              </div>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
