import { formatCalendarDay, formatShortDate } from "@/lib/dates";

/**
 * Reflections a partner chose to share, as the portal shows them (only what was shared ever reaches here).
 * `dates: "long"` writes "Monday 9 March" (the portal home's one format); the default "Mon 9 Mar".
 */
export function SharedReflections({
  items,
  label,
  dates = "short",
}: {
  items: readonly { id: string; exerciseTitle: string; date: string; text: string | null }[];
  label: string;
  dates?: "short" | "long";
}) {
  const format = dates === "long" ? formatCalendarDay : formatShortDate;
  return (
    <ul className="space-y-2" aria-label={label}>
      {items.map((r) => (
        <li key={r.id} className="rounded-md bg-brand-soft p-3 text-sm">
          <p className="text-muted">
            {r.exerciseTitle} · {format(r.date)}
          </p>
          <p className="mt-1 whitespace-pre-line">{r.text}</p>
        </li>
      ))}
    </ul>
  );
}
