import { z } from "zod";
import { DEFAULT_WEEKS, MAX_WEEKS } from "./estimate";

/**
 * The one form for an estimate of one service (staff issuing it, a client
 * asking for it), parsed by react-hook-form in the browser and again by the
 * server. No database imports: bundled for the browser.
 */
export const issueGfeSchema = z.object({
  serviceId: z.uuid({ message: "Choose a service" }),
  weeks: z.coerce
    .number({ message: "Enter how many weekly sessions to estimate" })
    .int("Enter a whole number of weeks")
    .min(1, "At least 1 week")
    .max(MAX_WEEKS, `At most ${MAX_WEEKS} weeks (12 months)`)
    .default(DEFAULT_WEEKS),
});
export type IssueGfeInput = z.input<typeof issueGfeSchema>;
