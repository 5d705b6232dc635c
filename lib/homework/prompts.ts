import { z } from "zod";
import type { CheckInPrompts, CheckInRatings, RatingPrompt } from "@/db/schema";

export const RATING_KINDS = ["closeness", "comfort", "pain", "desire", "ease", "mood", "other"] as const;

export const RATING_KIND_LABELS: Record<RatingPrompt["kind"], string> = {
  closeness: "Closeness",
  comfort: "Comfort",
  pain: "Pain",
  desire: "Desire",
  ease: "Ease",
  mood: "Mood",
  other: "Other",
};

const promptId = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, "Use a short id of lower-case letters, digits and _");

export const ratingPromptSchema = z
  .object({
    id: promptId,
    label: z.string().trim().min(1, "Each rating needs a label").max(80, "A rating label must be at most 80 characters"),
    kind: z.enum(RATING_KINDS, { message: "Choose what the rating measures" }),
    min: z.coerce.number().int("The lowest value must be a whole number").min(0, "The lowest value must be 0 or more").max(10),
    max: z.coerce.number().int("The highest value must be a whole number").min(1).max(10, "The highest value must be 10 or less"),
  })
  .refine((r) => r.max > r.min, { message: "The highest value must be above the lowest", path: ["max"] });

export const reflectionQuestionSchema = z.object({
  id: promptId,
  text: z.string().trim().min(1, "Each question needs its text").max(300, "A question must be at most 300 characters"),
});

/** The check-in prompts of an exercise: validated before every write of `exercises.prompts`. */
export const checkInPromptsSchema = z
  .object({
    ratings: z.array(ratingPromptSchema).max(6, "At most 6 ratings"),
    questions: z.array(reflectionQuestionSchema).max(4, "At most 4 reflection questions"),
  })
  .superRefine((p, ctx) => {
    const ids = [...p.ratings.map((r) => r.id), ...p.questions.map((q) => q.id)];
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) ctx.addIssue({ code: "custom", message: `Two prompts share the id "${dup}"`, path: ["ratings"] });
  });

/** Short ratings for the common kinds, so library entries stay readable. */
export const rating = {
  closeness: (label = "How close did you feel to your partner?"): RatingPrompt => ({ id: "closeness", label, kind: "closeness", min: 1, max: 5 }),
  comfort: (label = "How comfortable did it feel?"): RatingPrompt => ({ id: "comfort", label, kind: "comfort", min: 0, max: 10 }),
  pain: (label = "Any pain during or after? (0 none, 10 worst)"): RatingPrompt => ({ id: "pain", label, kind: "pain", min: 0, max: 10 }),
  desire: (label = "Interest in closeness afterwards"): RatingPrompt => ({ id: "desire", label, kind: "desire", min: 1, max: 5 }),
  ease: (label = "How easy was it to do?"): RatingPrompt => ({ id: "ease", label, kind: "ease", min: 1, max: 5 }),
  mood: (label = "Energy and mood afterwards"): RatingPrompt => ({ id: "mood", label, kind: "mood", min: 1, max: 5 }),
};

export const question = (id: string, text: string) => ({ id, text });

export type RatingError = { promptId: string; message: string };

/**
 * The ratings a check-in may carry: only the exercise's own prompts, each a
 * whole number in its range. Missing ratings are allowed (a client may skip one).
 */
export function validateRatings(prompts: CheckInPrompts, ratings: Record<string, unknown>): { ok: true; ratings: CheckInRatings } | { ok: false; errors: RatingError[] } {
  const errors: RatingError[] = [];
  const out: CheckInRatings = {};
  const byId = new Map(prompts.ratings.map((r) => [r.id, r]));
  for (const [id, raw] of Object.entries(ratings)) {
    if (raw === null || raw === undefined || raw === "") continue;
    const prompt = byId.get(id);
    if (!prompt) {
      errors.push({ promptId: id, message: "This exercise does not ask for that rating" });
      continue;
    }
    const value = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw) : Number.NaN;
    if (!Number.isInteger(value) || value < prompt.min || value > prompt.max) {
      errors.push({ promptId: id, message: `${prompt.label}: choose a whole number from ${prompt.min} to ${prompt.max}` });
      continue;
    }
    out[id] = value;
  }
  return errors.length ? { ok: false, errors } : { ok: true, ratings: out };
}
