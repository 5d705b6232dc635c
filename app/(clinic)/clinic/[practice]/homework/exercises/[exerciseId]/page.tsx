import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Instructions } from "@/components/homework/instructions";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireMember } from "@/lib/auth/guards";
import { can } from "@/lib/auth/roles";
import { getExercise } from "@/lib/homework/exercises";
import { CATEGORY_LABELS, PARTICIPANT_LABELS } from "@/lib/homework/labels";
import { RATING_KIND_LABELS } from "@/lib/homework/prompts";
import { archiveExerciseAction, duplicateExerciseAction } from "../../actions";
import { formatDosage } from "@/lib/homework/dosage";

export const metadata: Metadata = { title: "Exercise" };
export const dynamic = "force-dynamic";

export default async function ExercisePage({ params }: { params: Promise<{ practice: string; exerciseId: string }> }) {
  const { practice: slug, exerciseId } = await params;
  const scope = await requireMember(slug, "practice.view");
  const e = await getExercise(scope, exerciseId);
  if (!e) notFound();
  const own = e.practiceId !== null;
  // Reading the bank is open to every member; changing it is not.
  const editor = can(scope.role, "exercises.edit");
  const base = `/clinic/${slug}/homework`;
  return (
    <>
      <PageHeader
        title={e.title}
        description={
          <span className="flex flex-wrap gap-2">
            {own ? <Badge tone="ok">Ours</Badge> : <Badge>Shared library (read-only)</Badge>}
            {e.archivedAt ? <Badge tone="warn">Archived</Badge> : null}
            <Badge tone="brand">{CATEGORY_LABELS[e.category]}</Badge>
            <Badge>{PARTICIPANT_LABELS[e.participants]}</Badge>
          </span>
        }
        actions={
          editor ? (
            <>
              {own ? (
                <ButtonLink variant="secondary" href={`${base}/exercises/${e.id}/edit`}>
                  Edit
                </ButtonLink>
              ) : null}
              <form action={duplicateExerciseAction.bind(null, slug, e.id)}>
                <button type="submit" className={buttonClass(own ? "secondary" : "primary")}>
                  {own ? "Duplicate" : "Duplicate to adapt"}
                </button>
              </form>
              {own ? (
                <form action={archiveExerciseAction.bind(null, slug, e.id, !e.archivedAt)}>
                  <button type="submit" className={buttonClass("secondary")}>
                    {e.archivedAt ? "Restore" : "Archive"}
                  </button>
                </form>
              ) : null}
            </>
          ) : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card>
          <p className="mb-4 text-lg">{e.summary}</p>
          <h2 className="mb-2 font-semibold">Instructions</h2>
          <Instructions text={e.instructions} />
        </Card>
        <div className="space-y-4">
          <Card>
            <h2 className="mb-2 font-semibold">Suggested</h2>
            <p>
              {e.frequencyPerWeek} times a week, about {e.minutes} minutes
            </p>
            {formatDosage(e, e.frequencyPerWeek) ? <p className="mt-1">Dosage: {formatDosage(e, e.frequencyPerWeek)}</p> : null}
            {e.tags.length ? <p className="mt-2 text-sm text-muted">Tags: {e.tags.join(", ")}</p> : null}
          </Card>
          <Card>
            <h2 className="mb-2 font-semibold">Check-in prompts</h2>
            <ul className="space-y-1 text-sm">
              {e.prompts.ratings.map((r) => (
                <li key={r.id}>
                  {r.label} <span className="text-muted">({RATING_KIND_LABELS[r.kind]}, {r.min}–{r.max})</span>
                </li>
              ))}
              {e.prompts.questions.map((q) => (
                <li key={q.id}>{q.text}</li>
              ))}
            </ul>
          </Card>
          {e.clinicianNotes ? (
            <Card>
              <h2 className="mb-2 font-semibold">Notes for clinicians</h2>
              <p className="text-sm">{e.clinicianNotes}</p>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
