import { z } from "zod";
import { DOSAGE_LIMITS } from "@/db/schema/homework";

/** Sets, repetitions, hold, rest and times a day; each null when not prescribed. */
export interface Dosage {
  sets: number | null;
  repetitions: number | null;
  holdSeconds: number | null;
  restSeconds: number | null;
  timesPerDay: number | null;
}

export const DOSAGE_KEYS = ["sets", "repetitions", "holdSeconds", "restSeconds", "timesPerDay"] as const satisfies readonly (keyof Dosage)[];

export const NO_DOSAGE: Dosage = { sets: null, repetitions: null, holdSeconds: null, restSeconds: null, timesPerDay: null };

/**
 * An optional whole number from a form ("" or missing: null), with the
 * message naming the field and its range, e.g. "Hold time: between 0 and 300 seconds".
 */
export function optionalBounded(label: string, limits: { min: number; max: number }, unit = "") {
  const message = `${label}: between ${limits.min} and ${limits.max}${unit ? ` ${unit}` : ""}`;
  return z
    .union([z.literal(""), z.null(), z.number(), z.string()])
    .optional()
    .transform((v, ctx) => {
      if (v === "" || v === null || v === undefined) return null;
      const n = typeof v === "number" ? v : Number(v.trim());
      if (!Number.isInteger(n) || n < limits.min || n > limits.max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });
}

/** The dosage fields, shared by the exercise editor and the assign form (client and server). */
export const dosageFields = {
  sets: optionalBounded("Sets", DOSAGE_LIMITS.sets),
  repetitions: optionalBounded("Repetitions", DOSAGE_LIMITS.repetitions),
  holdSeconds: optionalBounded("Hold time", DOSAGE_LIMITS.holdSeconds, "seconds"),
  restSeconds: optionalBounded("Rest", DOSAGE_LIMITS.restSeconds, "seconds"),
  timesPerDay: optionalBounded("Times a day", DOSAGE_LIMITS.timesPerDay),
};

/** The one frequency rule: with times a day, the weekly figure counts days. */
export function checkDaysPerWeek(timesPerDay: number | null, perWeek: number | null, path: string, ctx: z.RefinementCtx): void {
  if (timesPerDay !== null && perWeek !== null && perWeek > 7) {
    ctx.addIssue({ code: "custom", message: "Times per week: at most 7 when you give times a day (it then counts days)", path: [path] });
  }
}

export function hasDosage(d: Partial<Dosage> | null | undefined): boolean {
  return !!d && DOSAGE_KEYS.some((k) => d[k] !== null && d[k] !== undefined);
}

/** Whether the check-in asks for repetitions done: the exercise is counted in sets or repetitions. */
export function countsRepetitions(d: Partial<Dosage> | null | undefined): boolean {
  return !!d && (d.sets != null || d.repetitions != null);
}

export function pickDosage(row: Partial<Dosage>): Dosage {
  return { sets: row.sets ?? null, repetitions: row.repetitions ?? null, holdSeconds: row.holdSeconds ?? null, restSeconds: row.restSeconds ?? null, timesPerDay: row.timesPerDay ?? null };
}

/**
 * The dosage of one exercise within an assignment: a single-exercise
 * assignment carries the clinician's own values; a program's exercises use
 * their defaults.
 */
export function dosageIn(assignment: { exerciseId: string | null } & Partial<Dosage>, exerciseId: string, exercise: Partial<Dosage>): Dosage {
  return pickDosage(assignment.exerciseId === exerciseId ? assignment : exercise);
}

/** A form's starting values: numbers as text, "" where not prescribed. */
export function dosageFormValues(d: Partial<Dosage>): Record<keyof Dosage, string> {
  return Object.fromEntries(DOSAGE_KEYS.map((k) => [k, d[k] == null ? "" : String(d[k])])) as Record<keyof Dosage, string>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function timesADay(n: number): string {
  return n === 1 ? "once a day" : n === 2 ? "twice a day" : `${n} times a day`;
}

/**
 * The dosage line everywhere (portal, staff view, sheet PDF): "3 sets ×
 * 10 reps, hold 5 s, twice a day". `perWeek` is the assignment's times per
 * week (days when times a day is given). Null when nothing is prescribed.
 */
export function formatDosage(d: Partial<Dosage> | null | undefined, perWeek?: number | null): string | null {
  if (!d || !hasDosage(d)) return null;
  const parts: string[] = [];
  const sets = d.sets != null ? plural(d.sets, "set", "sets") : null;
  const reps = d.repetitions != null ? plural(d.repetitions, "rep", "reps") : null;
  if (sets && reps) parts.push(`${sets} × ${reps}`);
  else if (sets || reps) parts.push((sets ?? reps)!);
  if (d.holdSeconds != null) parts.push(`hold ${d.holdSeconds} s`);
  if (d.restSeconds != null) parts.push(`rest ${d.restSeconds} s`);
  if (d.timesPerDay != null) {
    parts.push(timesADay(d.timesPerDay));
    if (perWeek != null && perWeek < 7) parts.push(`${plural(perWeek, "day", "days")} a week`);
  } else if (perWeek != null) {
    parts.push(perWeek === 1 ? "once a week" : `${perWeek} times a week`);
  }
  return parts.join(", ");
}

/** What a check-in logged, for the clinician: "2 sets, 10 reps". Null when nothing was logged. */
export function formatDone(c: { setsDone: number | null; repetitionsDone: number | null }): string | null {
  const parts: string[] = [];
  if (c.setsDone != null) parts.push(plural(c.setsDone, "set", "sets"));
  if (c.repetitionsDone != null) parts.push(plural(c.repetitionsDone, "rep", "reps"));
  return parts.length ? parts.join(", ") : null;
}
