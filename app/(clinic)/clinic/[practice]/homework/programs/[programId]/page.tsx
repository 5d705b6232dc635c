import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgramForm } from "@/components/homework/program-form";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { listExercises } from "@/lib/homework/exercises";
import { PARTICIPANT_LABELS } from "@/lib/homework/labels";
import { getProgram } from "@/lib/homework/programs";
import { archiveProgramAction, duplicateProgramAction } from "../../actions";

export const metadata: Metadata = { title: "Program" };
export const dynamic = "force-dynamic";

export default async function ProgramPage({ params, searchParams }: { params: Promise<{ practice: string; programId: string }>; searchParams: Promise<{ edit?: string }> }) {
  const { practice: slug, programId } = await params;
  const scope = await requireMember(slug, "practice.view");
  const detail = await getProgram(scope, programId);
  if (!detail) notFound();
  const { program, items } = detail;
  const own = program.practiceId !== null;
  const editor = can(scope.role, "exercises.edit");
  const editing = own && editor && (await searchParams).edit === "1";
  const base = `/clinic/${slug}/homework`;
  if (editing) {
    const exercises = await listExercises(scope, {});
    return (
      <>
        <PageHeader title={`Edit: ${program.title}`} />
        <ProgramForm
          slug={slug}
          programId={program.id}
          exercises={exercises}
          defaults={{ title: program.title, summary: program.summary, audience: program.audience, weeks: program.weeks, items: items.map((i) => ({ exerciseId: i.exerciseId, week: i.week, timesPerWeek: i.timesPerWeek })) }}
        />
      </>
    );
  }
  const weeks = Array.from({ length: program.weeks }, (_, w) => ({ week: w + 1, items: items.filter((i) => i.week === w + 1) }));
  return (
    <>
      <PageHeader
        title={program.title}
        description={
          <span className="flex flex-wrap gap-2">
            {own ? <Badge tone="ok">Ours</Badge> : <Badge>Shared library (read-only)</Badge>}
            {program.archivedAt ? <Badge tone="warn">Archived</Badge> : null}
            <Badge tone="brand">{program.weeks} weeks</Badge>
            <Badge>{PARTICIPANT_LABELS[program.audience]}</Badge>
          </span>
        }
        actions={
          editor ? (
            <>
              {own ? (
                <ButtonLink variant="secondary" href={`${base}/programs/${program.id}?edit=1`}>
                  Edit
                </ButtonLink>
              ) : null}
              <form action={duplicateProgramAction.bind(null, slug, program.id)}>
                <button type="submit" className={buttonClass(own ? "secondary" : "primary")}>
                  {own ? "Duplicate" : "Duplicate to adapt"}
                </button>
              </form>
              {own ? (
                <form action={archiveProgramAction.bind(null, slug, program.id, !program.archivedAt)}>
                  <button type="submit" className={buttonClass("secondary")}>
                    {program.archivedAt ? "Restore" : "Archive"}
                  </button>
                </form>
              ) : null}
            </>
          ) : null
        }
      />
      <Card className="mb-4">
        <p>{program.summary}</p>
      </Card>
      <ol className="space-y-3">
        {weeks.map((w) => (
          <li key={w.week}>
            <Card>
              <h2 className="mb-2 font-semibold">Week {w.week}</h2>
              {w.items.length === 0 ? (
                <p className="text-sm text-muted">Nothing planned.</p>
              ) : (
                <ul className="space-y-1">
                  {w.items.map((i) => (
                    <li key={i.id}>
                      <Link href={`${base}/exercises/${i.exerciseId}`} className="text-brand underline-offset-2 hover:underline">
                        {i.title}
                      </Link>{" "}
                      <span className="text-sm text-muted">{i.timesPerWeek}×/week</span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}
