import { z } from "zod";
import { isIsoDate } from "@/lib/dates";
import { checkDaysPerWeek, dosageFields, hasDosage } from "./dosage";

const optionalWhole = (label: string, min: number, max: number) =>
  z
    .union([z.literal(""), z.null(), z.coerce.number({ message: `${label} must be a number` })])
    .optional()
    .transform((v) => (v === "" || v === null || v === undefined ? null : v))
    .refine((n) => n === null || (Number.isInteger(n) && n >= min && n <= max), `${label} must be a whole number from ${min} to ${max}`);

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isIsoDate(v), `${label} must be a real date`);

/**
 * Assigning homework: an exercise or a program ("exercise:<id>" or
 * "program:<id>") to the client or couple named by the page, from a start
 * date for a number of weeks or until a due date.
 */
export const assignmentSchema = z
  .object({
    subject: z
      .string({ message: "Choose an exercise or a program" })
      .regex(/^(exercise|program):[0-9a-f-]{36}$/i, "Choose an exercise or a program"),
    assignee: z.string({ message: "Choose the client or couple" }).regex(/^(client|couple):[0-9a-f-]{36}$/i, "Choose the client or couple"),
    mode: z.enum(["individual", "together", "each_partner"], { message: "Choose how they do it" }),
    startDate: z.string().trim().refine(isIsoDate, "Start date must be a real date"),
    timesPerWeek: optionalWhole("Times per week", 1, 14),
    weeks: optionalWhole("Weeks", 1, 26),
    dueDate: optionalDate("Due date"),
    personalNote: z
      .string()
      .trim()
      .max(2000, "The note must be at most 2000 characters")
      .optional()
      .transform((v) => (v ? v : null)),
    /** The session note it is given from, when assigned from a note (lib/notes); empty otherwise. */
    noteId: z
      .union([z.literal(""), z.string().uuid("That session note was not found")])
      .optional()
      .transform((v) => (v ? v : null)),
    /** For a single exercise: the clinician's dosage, prefilled from the exercise's defaults. */
    ...dosageFields,
  })
  .superRefine((a, ctx) => {
    const forCouple = a.assignee.startsWith("couple:");
    if (forCouple && a.mode === "individual") ctx.addIssue({ code: "custom", message: "For a couple, choose together or each partner separately", path: ["mode"] });
    if (!forCouple && a.mode !== "individual") ctx.addIssue({ code: "custom", message: "One client does it on their own", path: ["mode"] });
    if (a.weeks !== null && a.dueDate !== null) ctx.addIssue({ code: "custom", message: "Give a number of weeks or a due date, not both", path: ["dueDate"] });
    const isExercise = a.subject.startsWith("exercise:");
    if (isExercise && a.weeks === null && a.dueDate === null) ctx.addIssue({ code: "custom", message: "Give a number of weeks or a due date", path: ["weeks"] });
    if (isExercise && a.timesPerWeek === null) ctx.addIssue({ code: "custom", message: "Times per week is required", path: ["timesPerWeek"] });
    if (!isExercise && hasDosage(a)) ctx.addIssue({ code: "custom", message: "A program's exercises carry their own dosage", path: ["sets"] });
    if (isExercise) checkDaysPerWeek(a.timesPerDay, a.timesPerWeek, "timesPerWeek", ctx);
    if (a.dueDate !== null && isIsoDate(a.startDate) && a.dueDate < a.startDate) ctx.addIssue({ code: "custom", message: "The due date must be on or after the start date", path: ["dueDate"] });
  });

export type AssignmentInput = z.input<typeof assignmentSchema>;
export type AssignmentValues = z.output<typeof assignmentSchema>;
