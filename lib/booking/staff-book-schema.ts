import { DateTime } from "luxon";
import { z } from "zod";
import { usesInsuranceField } from "@/lib/gfe/self-pay-field";

/**
 * Staff booking and the schedule's actions: the schemas the browser forms
 * (react-hook-form's zod resolver) and the server (lib/booking/staff-book.ts,
 * the schedule's server actions) both parse with. No database imports here:
 * this module is bundled for the browser.
 */

export const isoDateField = z
  .string({ message: "Choose a date" })
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v, { zone: "UTC" }).isValid, "Choose a date");

export const OVERRIDE_REASON_MAX = 500;

export const staffBookingSchema = z
  .object({
    serviceId: z.uuid({ message: "Choose a service" }),
    clinicianId: z.uuid({ message: "Choose a clinician" }),
    /** One client, or the two clients of a couple. */
    clientIds: z
      .array(z.uuid({ message: "Choose a client from the search results" }), { message: "Choose a client" })
      .min(1, "Choose a client")
      .max(2, "At most two people attend a session")
      .refine((ids) => new Set(ids).size === ids.length, "Choose two different people"),
    start: z.iso.datetime({ offset: true, message: "Choose a time" }),
    /**
     * Staff book outside the clinician's availability (a walk-in, an extra
     * evening). The rules are waived, never the database's refusal of an
     * overlapping session; the reason is kept on the appointment.
     */
    override: z.boolean().optional().default(false),
    overrideReason: z.string().trim().max(OVERRIDE_REASON_MAX, `Keep the reason under ${OVERRIDE_REASON_MAX} characters`).optional().default(""),
    /** US practices: will the client use insurance? "no" = self-pay, owed a Good Faith Estimate (decision 0053). */
    usesInsurance: usesInsuranceField,
  })
  .superRefine((v, ctx) => {
    if (v.override && v.overrideReason.length === 0) {
      ctx.addIssue({ code: "custom", path: ["overrideReason"], message: "Say why this is booked outside availability" });
    }
  });
export type StaffBookingInput = z.input<typeof staffBookingSchema>;
export type StaffBookingValues = z.output<typeof staffBookingSchema>;

export const staffDaySlotsSchema = z.object({
  serviceId: z.uuid({ message: "Choose a service" }),
  clinicianId: z.uuid({ message: "Choose a clinician" }),
  date: isoDateField,
});

/** Staff cancelling: inside the cancellation window they may waive the late fee. */
export const staffCancelSchema = z.object({ waiveFee: z.boolean().optional().default(false) });

export const outcomeSchema = z.enum(["completed", "no_show"], { message: "Choose completed or no-show" });
