import { z } from "zod";
import { isIsoDate } from "@/lib/dates";

/**
 * A client's postal address and date of birth: what a superbill needs and
 * booking asks for (decision 0043). The staff client form, the booking form
 * and their server actions share these fields. Addresses are never logged.
 */
/** An optional text field: trimmed, at most `max` characters, "" stored as null. */
export const optionalTextField = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : null));

const required = (max: number, label: string) => z.string({ message: `${label} is required` }).trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`);

/** ISO 3166-1 alpha-2, upper-cased ("us" is accepted as US). */
const countryField = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => v === "" || /^[A-Z]{2}$/.test(v), "Country: use the two-letter code, e.g. US");

export function isPastIsoDate(value: string, now = Date.now()): boolean {
  if (!isIsoDate(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return d.getTime() < now && d.getUTCFullYear() >= 1900;
}

export const dateOfBirthField = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || isPastIsoDate(v), "Enter a real date in the past")
  .transform((v) => (v ? v : null));

/** Staff: every part optional, but a line 1 needs its city, postal code and country. */
export const optionalAddressFields = {
  addressLine1: optionalTextField(200, "Address line 1"),
  addressLine2: optionalTextField(200, "Address line 2"),
  city: optionalTextField(100, "City"),
  region: optionalTextField(100, "State or region"),
  postalCode: optionalTextField(20, "Postal code"),
  country: countryField.optional().transform((v) => (v ? v : null)),
};

export function checkAddressComplete(v: { addressLine1: string | null; city: string | null; postalCode: string | null; country: string | null }, ctx: z.RefinementCtx) {
  const any = v.addressLine1 || v.city || v.postalCode;
  if (!any) return;
  if (!v.addressLine1) ctx.addIssue({ code: "custom", path: ["addressLine1"], message: "Address line 1 is required with an address" });
  if (!v.city) ctx.addIssue({ code: "custom", path: ["city"], message: "City is required with an address" });
  if (!v.postalCode) ctx.addIssue({ code: "custom", path: ["postalCode"], message: "Postal code is required with an address" });
  if (!v.country) ctx.addIssue({ code: "custom", path: ["country"], message: "Country is required with an address" });
}

/** Booking, for a service that asks: date of birth and address are required. */
export const superbillDetailsSchema = z.object({
  dateOfBirth: z
    .string({ message: "Date of birth is required" })
    .trim()
    .min(1, "Date of birth is required")
    .refine((v) => isPastIsoDate(v), "Enter a real date of birth in the past, e.g. 1990-04-21"),
  addressLine1: required(200, "Address line 1"),
  addressLine2: optionalTextField(200, "Address line 2"),
  city: required(100, "City"),
  region: optionalTextField(100, "State or region"),
  postalCode: required(20, "Postal code").refine((v) => v === "" || /^[0-9A-Za-z][0-9A-Za-z -]{1,19}$/.test(v), "Enter a postal code of letters, digits, spaces or dashes"),
  country: countryField.refine((v) => v !== "", "Country is required"),
});
export type SuperbillDetailsInput = z.input<typeof superbillDetailsSchema>;
export type SuperbillDetails = z.output<typeof superbillDetailsSchema>;

/**
 * Whether booking a service asks for date of birth and address: the service's
 * saved billing setting. Unsaved, booking does not ask, but the billing form
 * starts the box ticked for therapy and pelvic PT (they bill insurance out of
 * network; coaching rarely does), so saving turns it on.
 */
export function asksSuperbillDetails(setting: boolean | null | undefined): boolean {
  return setting ?? false;
}

export function asksSuperbillDetailsByDefault(kind: "couples_therapy" | "coaching" | "pelvic_pt"): boolean {
  return kind !== "coaching";
}
