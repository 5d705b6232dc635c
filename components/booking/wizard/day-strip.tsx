import { DateTime } from "luxon";
import { cn } from "@/components/ui/cn";

/**
 * A row of days, each a button naming the day and how many times it has
 * ("Tuesday, December 8, 5 times"). On a phone it scrolls sideways inside
 * itself (never the page); arrow keys move between days.
 */
export function DayStrip({ days, selected, onSelect }: { days: { date: string; count: number }[]; selected: string; onSelect: (date: string) => void }) {
  function onKeyDown(event: React.KeyboardEvent<HTMLButtonElement>, index: number) {
    const delta = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    const next = days[index + delta];
    if (!delta || !next) return;
    event.preventDefault();
    onSelect(next.date);
    const buttons = event.currentTarget.closest("ul")?.querySelectorAll("button");
    buttons?.[index + delta]?.focus();
  }
  return (
    <ul aria-label="Days" className="-mx-1 mt-3 flex gap-2 overflow-x-auto px-1 pb-2">
      {days.map(({ date, count }, index) => {
        const day = DateTime.fromISO(date);
        const isSelected = date === selected;
        return (
          <li key={date} className="shrink-0">
            <button
              type="button"
              aria-pressed={isSelected}
              aria-label={`${day.toFormat("cccc, LLLL d")}, ${count === 0 ? "no times" : count === 1 ? "1 time" : `${count} times`}`}
              onClick={() => onSelect(date)}
              onKeyDown={(e) => onKeyDown(e, index)}
              className={cn(
                "flex min-h-11 w-16 flex-col items-center rounded-lg border px-1 py-1.5 text-sm",
                isSelected ? "border-brand bg-brand text-white" : "border-line bg-surface text-ink hover:border-brand",
              )}
            >
              <span aria-hidden="true">{day.toFormat("ccc")}</span>
              <span aria-hidden="true" className="text-lg font-semibold leading-tight">
                {day.toFormat("d")}
              </span>
              <span aria-hidden="true" className={cn("text-xs", isSelected ? "text-white" : count === 0 ? "text-muted" : "text-brand")}>
                {count === 0 ? "none" : count === 1 ? "1 time" : `${count} times`}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
