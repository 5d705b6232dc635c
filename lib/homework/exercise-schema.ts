import { z } from "zod";
import { exerciseCategory, exerciseParticipants } from "@/db/schema/homework";
import { checkDaysPerWeek, dosageFields } from "./dosage";
import { checkInPromptsSchema } from "./prompts";

function wholeNumber(label: string, min: number, max: number) {
  return z.coerce
    .number({ message: `${label} must be a number` })
    .refine((n) => Number.isInteger(n) && n >= min && n <= max, `${label} must be a whole number from ${min} to ${max}`);
}

/** Tags typed as "a, b, c": trimmed, lower-cased, de-duplicated. */
const tagsField = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => {
    const parts = Array.isArray(v) ? v : (v ?? "").split(",");
    return [...new Set(parts.map((t) => t.trim().toLowerCase()).filter(Boolean))];
  })
  .pipe(
    z
      .array(z.string().max(30, "Each tag must be at most 30 characters").regex(/^[a-z0-9][a-z0-9 -]*$/, "Tags use letters, digits, spaces and -"))
      .max(12, "At most 12 tags"),
  );

/** The exercise editor's schema, used by the form and again by the server action. */
export const exerciseSchema = z.object({
  title: z.string().trim().min(1, "Title is required").max(120, "Title must be at most 120 characters"),
  summary: z.string().trim().min(1, "Summary is required").max(400, "Summary must be at most 400 characters"),
  instructions: z.string().trim().min(1, "Instructions are required").max(8000, "Instructions must be at most 8000 characters"),
  category: z.enum(exerciseCategory.enumValues, { message: "Choose a category" }),
  tags: tagsField,
  participants: z.enum(exerciseParticipants.enumValues, { message: "Choose who does it" }),
  frequencyPerWeek: wholeNumber("Times per week", 1, 14),
  minutes: wholeNumber("Minutes", 1, 240),
  ...dosageFields,
  prompts: checkInPromptsSchema,
  clinicianNotes: z
    .string()
    .trim()
    .max(4000, "Notes must be at most 4000 characters")
    .optional()
    .transform((v) => (v ? v : null)),
})
  .superRefine((e, ctx) => checkDaysPerWeek(e.timesPerDay, e.frequencyPerWeek, "frequencyPerWeek", ctx));

export type ExerciseInput = z.input<typeof exerciseSchema>;
export type ExerciseValues = z.output<typeof exerciseSchema>;

/** Search and filters of the bank (from the URL). */
export const exerciseFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  category: z.enum(exerciseCategory.enumValues).optional().catch(undefined),
  participants: z.enum(exerciseParticipants.enumValues).optional().catch(undefined),
  tag: z.string().trim().toLowerCase().max(30).optional().catch(undefined),
  source: z.enum(["all", "library", "practice"]).optional().catch(undefined),
  archived: z.enum(["0", "1"]).optional().catch(undefined),
});
export type ExerciseFilter = z.output<typeof exerciseFilterSchema>;
