import { DateTime } from "luxon";

/** The superbill form starts on the current calendar year to date, in the practice's zone. */
export function superbillDefaults(zone: string, now: Date): { defaultFrom: string; defaultTo: string } {
  const today = DateTime.fromJSDate(now, { zone });
  return { defaultFrom: today.startOf("year").toISODate()!, defaultTo: today.toISODate()! };
}
