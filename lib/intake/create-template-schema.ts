import { z } from "zod";

/** "New form": shared by the form and the server action. */
export const createTemplateSchema = z.object({
  title: z.string().trim().min(1, "Give the form a title").max(200, "At most 200 characters"),
  kind: z.enum(["intake", "consent", "policy"], "Choose what the form is for"),
});
export type CreateTemplateInput = z.input<typeof createTemplateSchema>;
