import { z } from "zod";

/** The practice's choice of what a clinician's feed calls a session (client and server). */
export const feedSummarySchema = z.object({
  feedSummary: z.enum(["session", "initials"], { error: "Choose what the calendar shows for each session." }),
});
export type FeedSummaryValues = z.infer<typeof feedSummarySchema>;
