import type { Metadata } from "next";
import Link from "next/link";
import { HomeworkTabs } from "@/components/homework/homework-tabs";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { listHomeworkClients } from "@/lib/homework/homework-clients";

export const metadata: Metadata = { title: "Clients' homework" };
export const dynamic = "force-dynamic";

export default async function HomeworkClientsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "clinical.read");
  const rows = await listHomeworkClients(scope, new Date());
  return (
    <>
      <PageHeader title="Homework" description="Clients and couples with homework running now; flagged first." />
      <HomeworkTabs slug={slug} current="clients" showClients />
      {rows.length === 0 ? (
        <EmptyState title="No homework running">Assign an exercise or a program from a client&apos;s page.</EmptyState>
      ) : (
        <ul className="divide-y divide-line rounded-lg border border-line bg-surface" aria-label="Clients with homework">
          {rows.map((r) => (
            <li key={r.clientId} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <Link href={`/clinic/${slug}/homework/clients/${r.clientId}`} className="font-medium text-brand underline-offset-2 hover:underline">
                  {r.name}
                </Link>
                <p className="text-sm text-muted">
                  {r.assignments === 1 ? "1 assignment" : `${r.assignments} assignments`} · {r.done} of {r.expected} check-ins expected so far
                  {r.percent === null ? "" : ` (${r.percent}%)`}
                </p>
              </div>
              {r.flags.length ? (
                <ul className="flex flex-wrap gap-1" aria-label={`Flags for ${r.name}`}>
                  {r.flags.map((f) => (
                    <li key={f}>
                      <Badge tone="warn">{f}</Badge>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
