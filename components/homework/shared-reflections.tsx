import { formatShortDate } from "@/lib/dates";

/** Reflections a partner chose to share, as the portal shows them (only what was shared ever reaches here). */
export function SharedReflections({ items, label }: { items: readonly { id: string; exerciseTitle: string; date: string; text: string | null }[]; label: string }) {
  return (
    <ul className="space-y-2" aria-label={label}>
      {items.map((r) => (
        <li key={r.id} className="rounded-md bg-brand-soft p-3 text-sm">
          <p className="text-muted">
            {r.exerciseTitle} · {formatShortDate(r.date)}
          </p>
          <p className="mt-1 whitespace-pre-line">{r.text}</p>
        </li>
      ))}
    </ul>
  );
}
