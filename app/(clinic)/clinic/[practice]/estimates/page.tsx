import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/dates";
import { listOverdueGfes } from "@/lib/gfe/staff";
import { MarkDeliveredButton } from "@/components/gfe/mark-delivered-button";
import { markGfeDeliveredAction } from "./actions";

export const metadata: Metadata = { title: "Overdue estimates" };
export const dynamic = "force-dynamic";

/** Good Faith Estimates past their deadline and not delivered: names and dates only, for anyone who chases them. */
export default async function OverdueEstimatesPage({
  params,
}: {
  params: Promise<{ practice: string }>;
}) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "gfe.track");
  const overdue = await listOverdueGfes(scope, new Date());
  const zone = scope.practice.timeZone;
  return (
    <>
      <PageHeader
        title="Overdue Good Faith Estimates"
        description="Past the deadline the rule sets and not yet delivered to the client."
      />
      {overdue.length === 0 ? (
        <EmptyState title="Nothing overdue">
          Every estimate due so far has reached its client.
        </EmptyState>
      ) : (
        <Card>
          <ul className="divide-y divide-line" aria-label="Overdue estimates">
            {overdue.map((g) => (
              <li
                key={g.id}
                className="flex flex-wrap items-center justify-between gap-3 py-3"
              >
                <div className="min-w-0">
                  <Link
                    href={`/clinic/${slug}/clients/${g.clientId}`}
                    className="font-medium text-brand underline underline-offset-2"
                  >
                    {g.clientName}
                  </Link>
                  <p className="text-sm text-muted">
                    Due by {formatDateTime(g.dueBy, zone)} ·{" "}
                    {g.reason === "scheduled" ? "after a booking" : "asked for"}{" "}
                    ·{" "}
                    {g.hasEmail
                      ? `${g.attempts} email attempt${g.attempts === 1 ? "" : "s"} failed`
                      : "no email address on file"}
                  </p>
                </div>
                <MarkDeliveredButton
                  clientName={g.clientName}
                  action={markGfeDeliveredAction.bind(null, slug, g.id)}
                />
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
