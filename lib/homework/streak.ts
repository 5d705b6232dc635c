import { addDays, weekStart } from "@/lib/dates";

/**
 * A gentle streak: calendar weeks in a row (Monday to Sunday) with at least
 * one exercise done. The current week does not break it while it is still
 * open: with nothing done yet this week, the count runs from last week.
 */
export function weeksInARow(doneDates: Iterable<string>, today: string): number {
  const weeks = new Set<string>();
  for (const d of doneDates) if (d <= today) weeks.add(weekStart(d));
  let cursor = weekStart(today);
  if (!weeks.has(cursor)) cursor = addDays(cursor, -7);
  let n = 0;
  while (weeks.has(cursor)) {
    n += 1;
    cursor = addDays(cursor, -7);
  }
  return n;
}
