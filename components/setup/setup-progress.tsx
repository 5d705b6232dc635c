import type { SetupChecklist } from "@/lib/setup/checklist";

/** "3 of 7 steps done" with a bar; the bar is a real progressbar for screen readers. */
export function SetupProgress({ checklist, id }: { checklist: Pick<SetupChecklist, "doneCount" | "total">; id: string }) {
  const { doneCount, total } = checklist;
  const percent = Math.round((doneCount / total) * 100);
  return (
    <div className="space-y-1">
      <p id={id} className="text-sm font-medium">
        {doneCount} of {total} steps done
      </p>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={doneCount}
        aria-valuetext={`${doneCount} of ${total} steps done`}
        className="h-2 w-full overflow-hidden rounded-full bg-brand-soft"
      >
        <div className="h-full rounded-full bg-brand" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
