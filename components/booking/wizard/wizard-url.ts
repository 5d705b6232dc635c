import type { Step } from "./types";

/**
 * The wizard's place, kept in the page's query string so the browser's Back
 * and Forward move between steps and a reload lands on the same step
 * (decision 0041): ?service=…&clinician=…&step=…&week=…&date=…
 * Only choices live here; the hold's token stays in the tab's session
 * storage (./hold-store.ts), out of history and shared links.
 */
export interface WizardPlace {
  step: Exclude<Step, "done">;
  serviceId: string | null;
  clinicianId: string;
  /** Weeks after this one shown at the time step (0 = starting today). */
  week: number;
  /** The day picked at the time step (YYYY-MM-DD in the zone shown); null: the first day with times. */
  date: string | null;
}

const STEPS = ["service", "clinician", "time", "details"] as const;

export function readPlace(params: URLSearchParams): WizardPlace {
  const step = STEPS.find((s) => s === params.get("step")) ?? "service";
  const week = Number(params.get("week"));
  const date = params.get("date");
  return {
    step,
    serviceId: params.get("service") || null,
    clinicianId: params.get("clinician") || "any",
    week: Number.isInteger(week) && week > 0 && week < 60 ? week : 0,
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
  };
}

export function placeQuery(place: WizardPlace): string {
  const params = new URLSearchParams();
  if (place.step !== "service" && place.serviceId) {
    params.set("step", place.step);
    params.set("service", place.serviceId);
    if (place.clinicianId !== "any") params.set("clinician", place.clinicianId);
    if (place.week > 0) params.set("week", String(place.week));
    if (place.date) params.set("date", place.date);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
