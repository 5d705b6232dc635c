import { z } from "zod";

/** The clinician's note of what was done about a flag: shared by the form and the server action. */
export const acknowledgeFlagSchema = z.object({
  note: z
    .string("Say what you did")
    .trim()
    .min(3, "Say what you did, for example: called the client, safety plan made")
    .max(2000, "At most 2000 characters"),
});
export type AcknowledgeFlagInput = z.infer<typeof acknowledgeFlagSchema>;
