import { z } from "zod";
import { exerciseParticipants } from "@/db/schema/homework";

function wholeNumber(label: string, min: number, max: number) {
  return z.coerce
    .number({ message: `${label} must be a number` })
    .refine((n) => Number.isInteger(n) && n >= min && n <= max, `${label} must be a whole number from ${min} to ${max}`);
}

export const programItemSchema = z.object({
  exerciseId: z.uuid({ message: "Choose an exercise" }),
  week: wholeNumber("Week", 1, 26),
  timesPerWeek: wholeNumber("Times per week", 1, 14),
});

/** The program editor's schema: an ordered list of exercises by week. */
export const programSchema = z
  .object({
    title: z.string().trim().min(1, "Title is required").max(120, "Title must be at most 120 characters"),
    summary: z.string().trim().min(1, "Summary is required").max(1000, "Summary must be at most 1000 characters"),
    audience: z.enum(exerciseParticipants.enumValues, { message: "Choose whom it is for" }),
    weeks: wholeNumber("Weeks", 1, 26),
    items: z.array(programItemSchema).min(1, "Add at least one exercise").max(60, "At most 60 exercises"),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.items.forEach((item, i) => {
      if (item.week > p.weeks) ctx.addIssue({ code: "custom", message: `Week must be within the program's ${p.weeks} weeks`, path: ["items", i, "week"] });
      const key = `${item.week}:${item.exerciseId}`;
      if (seen.has(key)) ctx.addIssue({ code: "custom", message: "This exercise is already in that week", path: ["items", i, "exerciseId"] });
      seen.add(key);
    });
  });

export type ProgramInput = z.input<typeof programSchema>;
export type ProgramValues = z.output<typeof programSchema>;
