import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SetupProgress } from "@/components/setup/setup-progress";
import { SetupStatusBadge } from "@/components/setup/status-badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { loadSetupChecklist } from "@/lib/setup/checklist";

export const metadata: Metadata = { title: "Set up your practice" };
export const dynamic = "force-dynamic";

export default async function SetupChecklistPage({ params }: { params: Promise<{ practice: string }> }) {
  const { practice: slug } = await params;
  const scope = await requireMember(slug, "settings.manage");
  const checklist = await loadSetupChecklist(scope.practice.id);
  if (!checklist) notFound();
  const next = checklist.steps.find((s) => s.id === checklist.next);
  return (
    <>
      <PageHeader
        title="Set up your practice"
        description={checklist.complete ? "Everything on the list is done or skipped. Open any step to change it." : "Each step is one screen. Skip any of them and come back later."}
        actions={next ? <ButtonLink href={`/clinic/${slug}/setup/${next.id}`}>{checklist.doneCount === 0 ? "Start" : "Continue"}: {next.title}</ButtonLink> : null}
      />
      <div className="mb-6 max-w-xl">
        <SetupProgress checklist={checklist} id="setup-progress" />
      </div>
      <Card>
        <ol className="divide-y divide-line" aria-label="Setup steps">
          {checklist.steps.map((s, i) => (
            <li key={s.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <Link href={`/clinic/${slug}/setup/${s.id}`} className="font-medium text-brand underline underline-offset-2">
                  {i + 1}. {s.title}
                </Link>
                <p className="text-sm text-muted">{s.summary}</p>
              </div>
              <SetupStatusBadge status={s.status} />
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
