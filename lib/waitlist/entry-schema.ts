import { z } from "zod";
import { TIMES_OF_DAY } from "./match";

const uuid = z.uuid({ message: "Choose one from the list" });
const clock = z.union([z.literal(""), z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, "Enter a time like 09:30")]);

/** One schema for the staff "add to waitlist" form, the portal's join form and both actions. */
export const waitlistEntrySchema = z
  .object({
    serviceId: uuid,
    /** "" or absent: any clinician. */
    memberId: z.union([z.literal(""), uuid]).optional(),
    /** Staff only: the client (a portal join uses the signed-in client). */
    clientId: uuid.optional(),
    /** Book both partners (required for a couple service). */
    asCouple: z.boolean().default(false),
    daysOfWeek: z.array(z.coerce.number().int().min(1, "Choose days from the list").max(7, "Choose days from the list")).max(7).default([]),
    timesOfDay: z.array(z.enum(TIMES_OF_DAY, { message: "Choose morning, afternoon or evening" })).max(3).default([]),
    rangeStart: clock.default(""),
    rangeEnd: clock.default(""),
  })
  .superRefine((v, ctx) => {
    if ((v.rangeStart === "") !== (v.rangeEnd === "")) ctx.addIssue({ code: "custom", path: [v.rangeStart ? "rangeEnd" : "rangeStart"], message: "Enter both times of the range, or neither" });
    if (v.rangeStart && v.rangeEnd && v.rangeStart >= v.rangeEnd) ctx.addIssue({ code: "custom", path: ["rangeEnd"], message: "The range must end after it starts" });
    if (v.rangeStart && v.timesOfDay.length > 0) ctx.addIssue({ code: "custom", path: ["timesOfDay"], message: "Choose times of day or a time range, not both" });
  });
export type WaitlistEntryInput = z.input<typeof waitlistEntrySchema>;

export const minuteOf = (clockTime: string): number => Number(clockTime.slice(0, 2)) * 60 + Number(clockTime.slice(3, 5));
