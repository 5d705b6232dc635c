import { z } from "zod";
import { isoDateField } from "@/lib/booking/staff-book-schema";
import { FREQUENCIES, MAX_OCCURRENCES } from "./occurrences";

/**
 * The series form's one schema: the staff booking page's "Repeat" part
 * (react-hook-form's zod resolver) and lib/series/book-series.ts (preview and
 * book) both parse with it. No database imports: bundled for the browser.
 *
 * The first session's time (`start`) is a time the day's free-slot picker
 * offered; the rule's local date and wall time are read from it in the
 * practice's zone on the server, so the browser never decides the zone.
 */

const uuid = (message: string) => z.uuid({ message });

export const seriesDecisionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ index: z.number().int().min(0).max(MAX_OCCURRENCES - 1), action: z.literal("skip") }),
    z.object({
      index: z.number().int().min(0).max(MAX_OCCURRENCES - 1),
      action: z.literal("move"),
      start: z.iso.datetime({ offset: true, message: "Choose a new time for this session" }),
    }),
  ],
  { message: "Choose to skip or move the session" },
);
export type SeriesDecision = z.output<typeof seriesDecisionSchema>;

export const seriesBookingSchema = z
  .object({
    serviceId: uuid("Choose a service"),
    clinicianId: uuid("Choose a clinician"),
    /** One client, or the two clients of a couple (as for a single staff booking). */
    clientIds: z
      .array(uuid("Choose a client from the search results"), { message: "Choose a client" })
      .min(1, "Choose a client")
      .max(2, "At most two people attend a session")
      .refine((ids) => new Set(ids).size === ids.length, "Choose two different people"),
    start: z.iso.datetime({ offset: true, message: "Choose a time for the first session" }),
    frequency: z.enum(FREQUENCIES, { message: "Choose how often the session repeats" }),
    ends: z.enum(["count", "until"], { message: "Choose how the series ends" }),
    /** Sessions in all, the first included (with ends = count). */
    count: z.number({ message: `Choose 2 to ${MAX_OCCURRENCES} sessions` }).optional(),
    /** Last date a session may fall on (with ends = until). */
    until: z.string().trim().optional().default(""),
    /** Per occurrence (by its index in the rule): skip it, or move it to another time. Unlisted ones are booked as the rule says. */
    decisions: z.array(seriesDecisionSchema).max(MAX_OCCURRENCES).optional().default([]),
  })
  .superRefine((v, ctx) => {
    if (v.ends === "count") {
      if (v.count === undefined || !Number.isInteger(v.count) || v.count < 2 || v.count > MAX_OCCURRENCES) {
        ctx.addIssue({ code: "custom", path: ["count"], message: `Choose 2 to ${MAX_OCCURRENCES} sessions` });
      }
    } else if (!isoDateField.safeParse(v.until).success) {
      ctx.addIssue({ code: "custom", path: ["until"], message: "Choose the date of the last session" });
    }
    const seen = new Set<number>();
    v.decisions.forEach((d, i) => {
      if (seen.has(d.index)) ctx.addIssue({ code: "custom", path: ["decisions", i], message: "One choice per session" });
      seen.add(d.index);
    });
  });
export type SeriesBookingInput = z.input<typeof seriesBookingSchema>;
export type SeriesBookingValues = z.output<typeof seriesBookingSchema>;

/** "Move this and all later": the new local start time, HH:MM (24-hour, as a time input gives it). */
export const moveSeriesSchema = z.object({
  time: z
    .string({ message: "Enter the new start time" })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the new start time as HH:MM, for example 10:00"),
});
export type MoveSeriesInput = z.input<typeof moveSeriesSchema>;

/** "Cancel this and all later": staff may waive the late fee of the first one (as for one session). */
export const endSeriesSchema = z.object({ waiveFee: z.boolean().optional().default(false) });

export const FREQUENCY_LABELS: Record<(typeof FREQUENCIES)[number], string> = {
  weekly: "weekly",
  biweekly: "every 2 weeks",
  monthly: "monthly",
};

/** "Part of a weekly series (3 of 12)" on an occurrence's page. */
export const SERIES_WORDS: Record<(typeof FREQUENCIES)[number], string> = {
  weekly: "a weekly series",
  biweekly: "a series every 2 weeks",
  monthly: "a monthly series",
};

export const CONFLICT_LABELS = {
  overlap: "Overlaps another session with this clinician",
  outside_availability: "Outside the clinician's availability",
  closure: "The practice is closed (a closure)",
  past: "Already in the past",
} as const;
export type ConflictReason = keyof typeof CONFLICT_LABELS;

/** What previewSeries answers (lib/series/book-series.ts), as the form shows it. */
export interface PreviewOccurrence {
  index: number;
  /** Local date in the practice's zone. */
  date: string;
  start: string;
  end: string;
  /** The wall time does not exist that day (spring forward): moved forward by the gap. */
  shifted: boolean;
  status: "ok" | "conflict";
  reason?: ConflictReason;
  /** For a conflict: what the preview says, e.g. "Overlaps another session with this clinician". */
  message?: string;
}

export interface SeriesPreview {
  ok: true;
  rule: { frequency: (typeof FREQUENCIES)[number]; firstDate: string; time: string; timeZone: string };
  occurrences: PreviewOccurrence[];
  /** Monthly on a 5th weekday: the months that have none (YYYY-MM), skipped. */
  skippedMonths: string[];
}


/**
 * "Change this and all later": a new date for this session (its weekday, and
 * for a monthly rule its week of the month, carry on), a start time and how
 * often. The same number of sessions follow the new rule (decision 0061).
 */
export const changeSeriesSchema = z.object({
  date: isoDateField,
  time: moveSeriesSchema.shape.time,
  frequency: z.enum(FREQUENCIES, { message: "Choose how often the session repeats" }),
});
export type ChangeSeriesInput = z.input<typeof changeSeriesSchema>;
