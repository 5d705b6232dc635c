import { z } from "zod";
import { isIsoDate } from "@/lib/dates";

/** "Send a form": the staff form and the server action share it. */
export const assignFormSchema = z.object({
  templateId: z.uuid("Choose a form"),
  dueDate: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
    .refine(isIsoDate, "Enter a real date")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  notify: z.boolean().default(true),
});
export type AssignFormInput = z.input<typeof assignFormSchema>;
