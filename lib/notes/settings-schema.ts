import { z } from "zod";

/**
 * The practice's note rules (client form and server action): how many hours
 * after a session its note counts as overdue, and which clinicians are
 * supervised (their signed notes wait for a co-signature). Form values are
 * strings; the hours are read as a whole number.
 */
export const noteSettingsSchema = z.object({
  noteSignHours: z
    .union([z.number(), z.string()])
    .transform((v) => (typeof v === "number" ? v : v.trim() === "" ? Number.NaN : Number(v)))
    .pipe(
      z
        .number({ error: "Hours: enter a number of hours" })
        .int("Hours: enter a whole number of hours")
        .min(1, "Hours: at least 1")
        .max(720, "Hours: at most 720 (30 days)"),
    ),
  supervised: z.array(z.string().uuid("Supervised: choose from the practice's clinicians")).max(500),
  /** Supervised member id → the member who co-signs their notes; "" or absent: anyone who may co-sign. */
  supervisors: z.record(z.string(), z.union([z.literal(""), z.string().uuid("Supervisor: choose from the practice's clinicians")])).default({}),
});
export type NoteSettingsInput = z.input<typeof noteSettingsSchema>;
