import type { Metadata } from "next";
import Link from "next/link";
import { HomeworkTabs } from "@/components/homework/homework-tabs";
import { ButtonLink } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { PARTICIPANT_LABELS } from "@/lib/homework/labels";
import { listPrograms } from "@/lib/homework/programs";

export const metadata: Metadata = { title: "Programs" };
export const dynamic = "force-dynamic";

export default async function ProgramsPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "practice.view");
  const rows = await listPrograms(scope);
  const base = `/clinic/${slug}/homework/programs`;
  return (
    <>
      <PageHeader title="Homework" description="Programs: exercises planned week by week." actions={can(scope.role, "exercises.edit") ? <ButtonLink href={`${base}/new`}>New program</ButtonLink> : null} />
      <HomeworkTabs slug={slug} current="programs" showClients={can(scope.role, "clinical.read")} />
      {rows.length === 0 ? (
        <EmptyState title="No programs yet" />
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" aria-label="Programs">
          {rows.map((p) => (
            <li key={p.id} className="rounded-lg border border-line bg-surface p-4">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <Link href={`${base}/${p.id}`} className="font-semibold text-brand underline-offset-2 hover:underline">
                  {p.title}
                </Link>
                {p.practiceId ? <Badge tone="ok">Ours</Badge> : <Badge>Library</Badge>}
              </div>
              <p className="mt-1 text-sm">{p.summary}</p>
              <p className="mt-2 flex flex-wrap gap-2 text-xs">
                <Badge tone="brand">{p.weeks} weeks</Badge>
                <Badge>{p.items} exercises</Badge>
                <Badge>{PARTICIPANT_LABELS[p.audience]}</Badge>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
