import { Info } from "luxon";

const TIME_LABELS: Record<string, string> = { morning: "mornings (before noon)", afternoon: "afternoons (noon to 5 pm)", evening: "evenings (after 5 pm)" };
export const TIME_OF_DAY_LABELS: Readonly<Record<string, string>> = { morning: "Morning, before noon", afternoon: "Afternoon, noon to 5 pm", evening: "Evening, after 5 pm" };

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** ISO weekday 1 (Monday) … 7 → its long name in `locale`. */
export function weekdayNames(locale?: string | null): string[] {
  return Info.weekdays("long", { locale: locale ?? "en-US" });
}

/**
 * One line for what an entry waits for, read the same on the staff page and in the portal:
 * "Mondays or Wednesdays, mornings (before noon)", "any day, 09:00 to 11:00", "any day, any time".
 */
export function describeWish(wish: { daysOfWeek: readonly number[]; timesOfDay: readonly string[]; rangeStartMinute: number | null; rangeEndMinute: number | null }, locale?: string | null): string {
  const names = weekdayNames(locale);
  const days = wish.daysOfWeek.length === 0 || wish.daysOfWeek.length === 7 ? "any day" : [...wish.daysOfWeek].sort().map((d) => `${names[d - 1]}s`).join(" or ");
  const times =
    wish.rangeStartMinute !== null && wish.rangeEndMinute !== null
      ? `starting ${clock(wish.rangeStartMinute)} to ${clock(wish.rangeEndMinute)}`
      : wish.timesOfDay.length === 0 || wish.timesOfDay.length === 3
        ? "any time"
        : wish.timesOfDay.map((t) => TIME_LABELS[t] ?? t).join(" or ");
  const line = `${days}, ${times}`;
  return line.charAt(0).toUpperCase() + line.slice(1);
}

/** How long an offer is held, in words: "2 hours", "1 hour", "90 minutes". */
export function holdText(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? "1 hour" : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

/** What the practice's waitlist does when a time opens, as its clients read it (the mode is a practice setting). */
export function describeTerms(terms: { mode: "first_in_line" | "all_at_once"; holdMinutes: number }): string {
  const held = holdText(terms.holdMinutes);
  return terms.mode === "all_at_once"
    ? `When a time that suits you opens, everyone waiting for it is emailed, and the first to confirm within ${held} takes it.`
    : `When a time that suits you opens, it is held for you for ${held} and you are emailed a link to take it; if you don't, it goes to the next person waiting.`;
}
