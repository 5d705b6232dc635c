import Link from "next/link";
import { setRemindersAction } from "@/app/(portal)/portal/[clientId]/homework/actions";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card } from "@/components/ui/card";
import { SharedReflections } from "./shared-reflections";
import { formatCalendarDay } from "@/lib/dates";
import type { PortalHomework } from "@/lib/homework/portal";

/** The portal's "This week" (dates as "Monday 9 March", the home's one format): what is due, progress, a gentle streak, and what the partner shared. */
export function PortalThisWeek({ clientId, data }: { clientId: string; data: PortalHomework }) {
  const { due, progress } = data;
  const active = data.assignments.filter((a) => a.status !== "finished");
  if (data.assignments.length === 0) {
    return (
      <Card>
        <h2 className="mb-1 font-semibold">This week</h2>
        <p className="text-muted">No homework yet. Exercises your clinician assigns will appear here.</p>
      </Card>
    );
  }
  const percent = progress.target ? Math.round((100 * Math.min(progress.done, progress.target)) / progress.target) : 0;
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">This week</h2>
      {progress.target > 0 ? (
        <div className="mb-4">
          <p id="week-progress-label" className="mb-1 text-sm">
            {progress.done} of {progress.target} done this week
          </p>
          <div
            role="progressbar"
            aria-labelledby="week-progress-label"
            aria-valuemin={0}
            aria-valuemax={progress.target}
            aria-valuenow={Math.min(progress.done, progress.target)}
            className="h-3 w-full overflow-hidden rounded-full bg-canvas"
          >
            <div className="h-full rounded-full bg-brand" style={{ width: `${percent}%` }} />
          </div>
          {data.streakWeeks > 0 ? (
            <p className="mt-2 text-sm">
              {data.streakWeeks === 1 ? "You practised this week or last. Every bit counts." : `${data.streakWeeks} weeks in a row with practice. Lovely steadiness.`}
            </p>
          ) : null}
        </div>
      ) : null}
      {due.length === 0 ? (
        <p className="text-muted">Nothing due this week.</p>
      ) : (
        <ul className="space-y-2" aria-label="Due this week">
          {due.map((d) => (
            <li key={`${d.assignmentId}:${d.exerciseId}`}>
              <Link
                href={`/portal/${clientId}/homework/${d.assignmentId}#exercise-${d.week ?? 0}-${d.exerciseId}`}
                className="flex min-h-11 items-center justify-between gap-3 rounded-md border border-line p-3 hover:border-brand"
              >
                <span>
                  <span className="block font-medium text-brand">{d.exerciseTitle}</span>
                  <span className="block text-sm text-muted">
                    {d.assignmentTitle !== d.exerciseTitle ? `${d.assignmentTitle}${d.week ? `, week ${d.week}` : ""} · ` : ""}about {d.minutes} min
                  </span>
                </span>
                <span className="shrink-0 text-sm">
                  {d.remaining === 0 ? <Badge tone="ok">Done for the week</Badge> : `${d.done} of ${d.target}`}
                  {d.checkedInToday ? (
                    <span className="mt-1 block text-xs text-muted">Checked in today</span>
                  ) : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {active.length ? (
        <div className="mt-4">
          <h3 className="mb-1 text-sm font-semibold">
            Your homework{" "}
            <Link href={`/portal/${clientId}/homework`} className="font-normal text-brand underline">
              (all, and home-exercise sheets)
            </Link>
          </h3>
          <ul className="space-y-1 text-sm">
            {active.map((a) => (
              <li key={a.id}>
                <Link href={`/portal/${clientId}/homework/${a.id}`} className="text-brand underline">
                  {a.title}
                </Link>{" "}
                <span className="text-muted">
                  {a.status === "upcoming" ? `starts ${formatCalendarDay(a.startDate)}` : `until ${formatCalendarDay(a.lastDay)}`}
                </span>
                {a.dosageLine ? <span className="block text-muted">{a.dosageLine}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.partnerName && data.sharedByPartner.length ? (
        <div className="mt-4">
          <h3 className="mb-1 text-sm font-semibold">Shared with you by {data.partnerName}</h3>
          <SharedReflections items={data.sharedByPartner} label={`Shared by ${data.partnerName}`} dates="long" />
        </div>
      ) : null}
      <form action={setRemindersAction.bind(null, clientId)} className="mt-4 flex flex-wrap items-center gap-2 border-t border-line pt-3 text-sm">
        <input type="hidden" name="remindersEnabled" value={data.remindersEnabled ? "false" : "true"} />
        <span>{data.remindersEnabled ? "Reminder emails are on (at most one a day, only when something is due)." : "Reminder emails are off."}</span>
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {data.remindersEnabled ? "Turn reminders off" : "Turn reminders on"}
        </button>
      </form>
    </Card>
  );
}
