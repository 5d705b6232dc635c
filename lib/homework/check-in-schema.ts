import { z } from "zod";
import { DOSAGE_LIMITS } from "@/db/schema/homework";
import { optionalBounded } from "./dosage";

export const REFLECTION_MAX = 4000;

/**
 * A check-in from the portal. Ratings are checked against the exercise's own
 * prompts on the server (validateRatings); this schema bounds the shape.
 */
export const checkInSchema = z.object({
  assignmentId: z.uuid({ message: "That homework was not found" }),
  exerciseId: z.uuid({ message: "That exercise was not found" }),
  done: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "yes", z.boolean()),
  ratings: z.record(z.string(), z.union([z.number(), z.string()]).nullable().optional()).optional().default({}),
  reflection: z
    .string()
    .trim()
    .max(REFLECTION_MAX, `Your reflection must be at most ${REFLECTION_MAX} characters`)
    .optional()
    .transform((v) => (v ? v : null)),
  sharedWithPartner: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).optional().default(false),
  /** Asked only when the exercise is dosed in sets or repetitions (checked on the server). */
  setsDone: optionalBounded("Sets done", DOSAGE_LIMITS.setsDone),
  repetitionsDone: optionalBounded("Repetitions done", DOSAGE_LIMITS.repetitionsDone),
});

export type CheckInInput = z.input<typeof checkInSchema>;
export type CheckInValues = z.output<typeof checkInSchema>;

export const reminderPreferenceSchema = z.object({
  remindersEnabled: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});
