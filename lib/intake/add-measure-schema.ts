import { z } from "zod";
import { MEASURES } from "./measures/types";

/** "Add a standard measure": shared by the form and the server action. */
export const addMeasureSchema = z.object({
  measure: z.enum(MEASURES, "Choose a measure"),
});
export type AddMeasureInput = z.input<typeof addMeasureSchema>;
