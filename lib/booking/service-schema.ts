import { z } from "zod";
import { CURRENCIES, MAX_AMOUNT, parseMoney } from "@/lib/money";

/**
 * The service form's schema: the browser (react-hook-form) and the server
 * action both parse with it. Every bound matches a check constraint on the
 * `services` table (db/schema/booking.ts), so the database never has to be
 * the one to say no.
 */

/** A whole number from a number input (FormData and inputs give strings). */
function wholeNumber(label: string, min: number, max: number, unit: string) {
  const range = `${label} must be between ${min} and ${max} ${unit}`;
  return z.coerce
    .number({ message: `${label} must be a number` })
    .refine((n) => Number.isInteger(n), { message: `${label} must be a whole number of ${unit}`, abort: true })
    .refine((n) => n >= min && n <= max, range);
}

/** A decimal amount in the service's currency, to integer minor units. */
function money(label: string) {
  return z.unknown().transform((value, ctx) => {
    const parsed = parseMoney(value);
    if (parsed.ok) return parsed.cents;
    const message =
      parsed.reason === "negative"
        ? `${label} cannot be negative`
        : parsed.reason === "too_large"
          ? `${label} must be at most ${MAX_AMOUNT.toLocaleString("en-US")}`
          : `${label} must be an amount like 190 or 190.50`;
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  });
}

/** Checkbox groups arrive as an array, one string, `false` or nothing. */
const idList = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : []),
  z.array(z.uuid({ message: "Choose clinicians from the list" })).max(100, "Choose at most 100 clinicians"),
);

export const serviceSchema = z
  .object({
    name: z.string({ message: "Name is required" }).trim().min(1, "Name is required").max(120, "Name must be at most 120 characters"),
    description: z
      .string()
      .trim()
      .max(2000, "Description must be at most 2000 characters")
      .optional()
      .transform((v) => (v ? v : null)),
    durationMinutes: wholeNumber("Duration", 5, 480, "minutes"),
    price: money("Price"),
    currency: z.enum(CURRENCIES, { message: "Choose a currency" }),
    format: z.enum(["in_person", "online", "phone"], { message: "Choose a format" }),
    attendance: z.enum(["individual", "couple", "either"], { message: "Choose who attends" }),
    clinicianIds: idList,
    bufferBeforeMinutes: wholeNumber("Buffer before", 0, 240, "minutes"),
    bufferAfterMinutes: wholeNumber("Buffer after", 0, 240, "minutes"),
    minNoticeHours: wholeNumber("Minimum notice", 0, 720, "hours"),
    horizonDays: wholeNumber("Booking horizon", 1, 365, "days"),
    // Empty: times are offered one session length apart (decision 0041).
    slotStepMinutes: z.preprocess((v) => (v === "" || v === null || v === undefined ? null : v), wholeNumber("Slot step", 5, 240, "minutes").nullable()),
    cancellationWindowHours: wholeNumber("Cancellation window", 0, 720, "hours"),
    lateCancelFee: money("Late-cancel fee"),
    noShowFee: money("No-show fee"),
    active: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(true),
  })
  .transform((v) => ({
    ...v,
    clinicianIds: [...new Set(v.clinicianIds)],
  }));

export type ServiceInput = z.input<typeof serviceSchema>;
export type ServiceValues = z.output<typeof serviceSchema>;

/** The service form's fields as the browser holds them (strings). */
export interface ServiceFormValues {
  name: string;
  description: string;
  durationMinutes: string;
  price: string;
  currency: ServiceInput["currency"];
  format: ServiceInput["format"];
  attendance: ServiceInput["attendance"];
  clinicianIds: string[];
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  minNoticeHours: string;
  horizonDays: string;
  slotStepMinutes: string;
  cancellationWindowHours: string;
  lateCancelFee: string;
  noShowFee: string;
  active: boolean;
}

/** A new service's form, with the database's defaults. */
export function newServiceFormValues(currency: ServiceFormValues["currency"]): ServiceFormValues {
  return {
    name: "",
    description: "",
    durationMinutes: "50",
    price: "",
    currency,
    format: "online",
    attendance: "individual",
    clinicianIds: [],
    bufferBeforeMinutes: "0",
    bufferAfterMinutes: "0",
    minNoticeHours: "24",
    horizonDays: "60",
    slotStepMinutes: "",
    cancellationWindowHours: "24",
    lateCancelFee: "",
    noShowFee: "",
    active: true,
  };
}

export const archiveServiceSchema = z.object({
  serviceId: z.uuid({ message: "That service was not found in this practice" }),
  archived: z.boolean(),
});
