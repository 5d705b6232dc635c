import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanContentView } from "@/components/plans/plan-content";
import { PlanForm } from "@/components/plans/plan-form";
import { PlanProgress } from "@/components/plans/plan-progress";
import { PublishPlanButton } from "@/components/plans/publish-plan-button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { formatDateTimeMedium, practiceReader } from "@/lib/dates";
import { getPlan } from "@/lib/plans/plans";
import { toFormValues } from "@/lib/plans/schema";

export const metadata: Metadata = { title: "Treatment plan" };
export const dynamic = "force-dynamic";

const STATUS = { draft: "Draft", published: "Published", superseded: "Superseded" } as const;

/**
 * One treatment plan: progress on its measure-linked goals, the published
 * version with who signed it, the draft's editor, and every earlier version.
 * Opening it is audited (plan.read).
 */
export default async function PlanPage({ params }: { params: Promise<{ practice: string; clientId: string; planId: string }> }) {
  const { practice: slug, clientId, planId } = await params;
  const scope = await requireMember(slug, "clinical.read");
  const now = new Date();
  const result = await getPlan(scope, clientId, planId, now);
  if ("code" in result) notFound();
  const { plan, people, versions, draft, published, signatures, progress } = result;
  const reader = practiceReader(scope.practice);
  const locale = scope.practice.locale;
  const names = { client: people[0]?.name.split(" ")[0] ?? "Client", partner: people[1]?.name.split(" ")[0] ?? null };
  const writer = can(scope.role, "plans.write");
  const editFrom = draft ?? published;
  const shown = published ?? draft;
  const base = `/clinic/${slug}/clients/${clientId}`;
  return (
    <>
      <PageHeader title={people.length > 1 ? `Treatment plan: ${people.map((p) => p.name).join(" and ")}` : `Treatment plan: ${people[0]?.name ?? ""}`} />
      <p className="mb-4 flex flex-wrap gap-4">
        <Link href={`${base}/plan`} className="text-brand underline">
          All plans
        </Link>
        <Link href={base} className="text-brand underline">
          Back to the client
        </Link>
      </p>
      <div className="space-y-4">
        <Card>
          <h2 className="mb-3 font-semibold">Progress</h2>
          {shown ? <PlanProgress goals={shown.content.goals} progress={progress} reader={reader} locale={locale} /> : null}
        </Card>
        {published ? (
          <Card>
            <h2 className="mb-2 flex flex-wrap items-center gap-2 font-semibold">
              Version {published.number} <Badge tone="ok">Published</Badge>
            </h2>
            <p className="mb-3 text-sm text-muted">Published {formatDateTimeMedium(published.publishedAt!, reader)}.</p>
            <h3 className="font-semibold">Signatures</h3>
            <ul className="mb-4 space-y-1">
              {people.map((p) => {
                const sig = signatures.get(published.id)?.find((s) => s.clientId === p.clientId);
                return (
                  <li key={p.clientId}>
                    {p.name}: {sig ? `signed ${formatDateTimeMedium(sig.signedAt, reader)} as “${sig.signatureName}”` : "not signed yet"}
                  </li>
                );
              })}
            </ul>
            <PlanContentView content={published.content} reviewDate={published.reviewDate} locale={locale} people={names} />
          </Card>
        ) : null}
        {writer && editFrom ? (
          <Card>
            <h2 className="mb-3 font-semibold">{draft ? `Draft: version ${draft.number}` : `Revise: a new version ${(published?.number ?? 0) + 1}`}</h2>
            <PlanForm
              practiceSlug={slug}
              clientId={clientId}
              planId={plan.id}
              canCouple={false}
              people={names}
              defaults={{ with: people.length > 1 ? "couple" : "client", ...toFormValues(editFrom.content, editFrom.reviewDate) }}
            />
            {draft ? (
              <div className="mt-4 border-t border-line pt-4">
                <PublishPlanButton practiceSlug={slug} clientId={clientId} planId={plan.id} replaces={published !== null} />
              </div>
            ) : null}
          </Card>
        ) : draft ? (
          <Card>
            <h2 className="mb-3 font-semibold">Draft: version {draft.number}</h2>
            <PlanContentView content={draft.content} reviewDate={draft.reviewDate} locale={locale} people={names} />
          </Card>
        ) : null}
        {versions.some((v) => v.status === "superseded") ? (
          <Card>
            <h2 className="mb-3 font-semibold">Earlier versions</h2>
            <div className="space-y-3">
              {versions
                .filter((v) => v.status === "superseded")
                .map((v) => (
                  <details key={v.id} className="rounded-md border border-line p-3">
                    <summary className="min-h-11 cursor-pointer py-2">
                      Version {v.number} <Badge>{STATUS[v.status]}</Badge>{" "}
                      <span className="text-sm text-muted">
                        {(signatures.get(v.id) ?? []).length} of {people.length} signed
                      </span>
                    </summary>
                    <PlanContentView content={v.content} reviewDate={v.reviewDate} locale={locale} people={names} />
                  </details>
                ))}
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
