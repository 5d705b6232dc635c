import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckInForm } from "@/components/homework/check-in-form";
import { Instructions } from "@/components/homework/instructions";
import { SharedReflections } from "@/components/homework/shared-reflections";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireClient } from "@/lib/auth/guards";
import { formatShortDate } from "@/lib/dates";
import { formatDone } from "@/lib/homework/dosage";
import { getPortalAssignment } from "@/lib/homework/portal";

export const metadata: Metadata = { title: "Homework" };
export const dynamic = "force-dynamic";

export default async function PortalAssignmentPage({ params }: { params: Promise<{ clientId: string; assignmentId: string }> }) {
  const { clientId, assignmentId } = await params;
  const scope = await requireClient(clientId);
  // Someone else's assignment (a tampered URL) is simply not found.
  const data = await getPortalAssignment(scope, assignmentId, new Date());
  if (!data) notFound();
  const { assignment, steps, due, own } = data;
  // A program can repeat an exercise in several weeks: what is due is this week's step.
  const dueByStep = new Map(due.map((d) => [`${d.week}:${d.exerciseId}`, d]));
  const current = steps.filter((s) => dueByStep.has(`${s.week}:${s.exercise.id}`));
  const shown = current.length ? current : steps;
  const open = data.status === "active";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/portal/${clientId}`} className="text-brand underline">
          Back to this week
        </Link>
      </p>
      <PageHeader
        title={assignment.title}
        description={`${formatShortDate(assignment.startDate)} – ${formatShortDate(assignment.plan.endedOn ?? assignment.dueDate)}${data.forCouple ? (assignment.mode === "together" ? " · together" : " · each of you on your own") : ""}`}
      />
      {assignment.personalNote ? (
        <Card className="mb-4">
          <h2 className="mb-1 text-sm font-semibold">A note from your clinician</h2>
          <p className="whitespace-pre-line">{assignment.personalNote}</p>
        </Card>
      ) : null}
      <div className="space-y-4">
        {shown.map((s) => {
          const d = dueByStep.get(`${s.week}:${s.exercise.id}`);
          const todays = own.find((c) => c.exerciseId === s.exercise.id && c.date === data.today) ?? null;
          return (
            <Card key={`${s.week}:${s.exercise.id}`}>
              <section id={`exercise-${s.week ?? 0}-${s.exercise.id}`} aria-labelledby={`title-${s.week ?? 0}-${s.exercise.id}`}>
                <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
                  <h2 id={`title-${s.week ?? 0}-${s.exercise.id}`} className="text-lg font-semibold">
                    {s.exercise.title}
                  </h2>
                  {d ? <Badge tone={d.remaining === 0 ? "ok" : "brand"}>{d.remaining === 0 ? "Done for the week" : `${d.done} of ${d.target} this week`}</Badge> : null}
                </div>
                <p className="mb-1 text-sm text-muted">
                  {s.week ? `Week ${s.week} · ` : ""}
                  {s.timesPerWeek}× a week · about {s.exercise.minutes} min
                </p>
                {s.dosageLine ? (
                  <p className="mb-2 font-medium" data-testid="dosage">
                    <span className="sr-only">Dosage: </span>
                    {s.dosageLine}
                  </p>
                ) : null}
                <p className="mb-3">{s.exercise.summary}</p>
                <details open={!todays} className="mb-4">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand">How to do it</summary>
                  <Instructions text={s.exercise.instructions} />
                </details>
                {open && d ? (
                  <CheckInForm
                    clientId={clientId}
                    assignmentId={assignment.id}
                    exerciseId={s.exercise.id}
                    exerciseTitle={s.exercise.title}
                    prompts={s.exercise.prompts}
                    forCouple={data.forCouple}
                    partnerName={data.partnerName}
                    countsRepetitions={s.countsRepetitions}
                    today={
                      todays
                        ? { done: todays.done, ratings: todays.ratings, reflection: todays.reflection, sharedWithPartner: todays.sharedWithPartner, setsDone: todays.setsDone, repetitionsDone: todays.repetitionsDone }
                        : null
                    }
                  />
                ) : (
                  <p className="text-sm text-muted">{data.status === "upcoming" ? `Check-ins open on ${formatShortDate(assignment.startDate)}.` : "Check-ins are closed."}</p>
                )}
              </section>
            </Card>
          );
        })}
        {data.sharedByPartner.length ? (
          <Card>
            <h2 className="mb-2 font-semibold">Shared with you by {data.partnerName ?? "your partner"}</h2>
            <SharedReflections items={data.sharedByPartner} label="Shared by your partner" />
          </Card>
        ) : null}
        {own.length ? (
          <Card>
            <h2 className="mb-2 font-semibold">Your check-ins</h2>
            <ul className="space-y-2 text-sm" aria-label="Your check-ins">
              {own.slice(0, 20).map((c) => (
                <li key={c.id} className="border-b border-line pb-2">
                  <p>
                    <span className="font-medium">{formatShortDate(c.date)}</span> · {c.done ? "Done" : "Not done"}
                    {formatDone(c) ? ` · ${formatDone(c)}` : ""}
                    {c.sharedWithPartner ? " · shared" : ""}
                  </p>
                  {c.reflection ? <p className="mt-1 whitespace-pre-line text-muted">{c.reflection}</p> : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
