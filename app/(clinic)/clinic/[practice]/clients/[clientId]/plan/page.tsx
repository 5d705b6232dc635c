import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanForm } from "@/components/plans/plan-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { getClientRecord } from "@/lib/clients/get-client-record";
import { addDays, formatCalendarDate, todayIn } from "@/lib/dates";
import { listClientPlans } from "@/lib/plans/plans";
import { emptyGoal } from "@/lib/plans/schema";

export const metadata: Metadata = { title: "Treatment plans" };
export const dynamic = "force-dynamic";

const STATUS = { draft: "Draft", published: "Published", superseded: "Superseded" } as const;

/** A client's treatment plans (their own and their couple's), and a new plan. Clinical roles only. */
export default async function ClientPlansPage({ params }: { params: Promise<{ practice: string; clientId: string }> }) {
  const { practice: slug, clientId } = await params;
  const scope = await requireMember(slug, "clinical.read");
  const record = await getClientRecord(scope, clientId);
  if (!record) notFound();
  const { client: c, couple } = record;
  const plans = await listClientPlans(scope, c.id);
  const base = `/clinic/${slug}/clients/${c.id}`;
  const partner = couple ? (couple.partner.preferredName ?? couple.partner.firstName) : null;
  const today = todayIn(scope.practice.timeZone, new Date());
  return (
    <>
      <PageHeader title={`Treatment plans: ${c.firstName} ${c.lastName}`} />
      <p className="mb-4">
        <Link href={base} className="text-brand underline">
          Back to the client
        </Link>
      </p>
      <div className="space-y-4">
        <Card>
          <h2 className="mb-3 font-semibold">Plans</h2>
          {plans.length === 0 ? (
            <EmptyState title="No treatment plan yet" />
          ) : (
            <ul className="space-y-2">
              {plans.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center gap-2">
                  <Link href={`${base}/plan/${p.id}`} className="text-brand underline">
                    {p.partnerName ? `Couple's plan (with ${p.partnerName})` : "Individual plan"}
                    {p.current ? `, version ${p.current.number}` : ""}
                  </Link>
                  {p.current ? <Badge tone={p.current.status === "published" ? "ok" : "neutral"}>{STATUS[p.current.status]}</Badge> : null}
                  {p.hasDraft && p.current?.status === "published" ? <Badge>Draft open</Badge> : null}
                  {p.current && p.current.status === "published" && p.current.reviewDate <= addDays(today, 7) ? (
                    <Badge tone="warn">Review {formatCalendarDate(p.current.reviewDate, scope.practice.locale, { short: true })}</Badge>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        {can(scope.role, "plans.write") ? (
          <Card>
            <h2 className="mb-3 font-semibold">New treatment plan</h2>
            <PlanForm
              practiceSlug={slug}
              clientId={c.id}
              canCouple={Boolean(couple)}
              people={{ client: c.preferredName ?? c.firstName, partner }}
              defaults={{ with: "client", presentingConcerns: "", diagnoses: "", interventions: "", reviewDate: addDays(today, 84), goals: [emptyGoal()] }}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
