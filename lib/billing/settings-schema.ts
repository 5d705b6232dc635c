import { z } from "zod";
import { parseMoney } from "@/lib/money";
import { cptLinesField } from "./cpt-lines";

/** Billing settings forms: the same schemas on the client (zodResolver) and in the server actions. */

const optionalText = (max: number, pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine((v) => v === "" || pattern.test(v), message)
    .transform((v) => (v === "" ? null : v));

const money = (label: string) =>
  z
    .string()
    .trim()
    .refine((v) => parseMoney(v).ok, `${label} must be an amount like 50 or 49.50`)
    .transform((v) => (parseMoney(v) as { cents: number }).cents);

export const practiceBillingSchema = z.object({
  taxId: optionalText(20, /^[0-9A-Z-]{2,20}$/, "Tax ID: digits and dashes, e.g. 84-1234567"),
  npi: optionalText(10, /^\d{10}$/, "NPI is 10 digits"),
});
export type PracticeBillingInput = z.input<typeof practiceBillingSchema>;

export const serviceBillingSchema = z
  .object({
    paymentMode: z.enum(["none", "full", "deposit"], { message: "Choose what is paid at booking" }),
    deposit: money("Deposit"),
    /** The visit's default CPT lines (lib/billing/cpt-lines.ts), e.g. "97110 x2 GP". */
    cptLines: cptLinesField,
    /** Booking asks for date of birth and address (what a superbill needs). */
    asksSuperbillDetails: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
  })
  .superRefine((v, ctx) => {
    if (v.paymentMode === "deposit" && v.deposit < 50) ctx.addIssue({ code: "custom", path: ["deposit"], message: "A deposit must be at least 0.50" });
  });
export type ServiceBillingInput = z.input<typeof serviceBillingSchema>;

export const memberBillingSchema = z.object({
  licenseNumber: optionalText(40, /^[\w .\-/]{1,40}$/, "Letters, digits, spaces, dots, dashes"),
  npi: optionalText(10, /^\d{10}$/, "NPI is 10 digits"),
});
export type MemberBillingInput = z.input<typeof memberBillingSchema>;

export const packageSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(100, "At most 100 characters"),
  sessionCount: z.coerce.number({ message: "Sessions must be a whole number" }).int("Sessions must be a whole number").min(1, "At least 1 session").max(50, "At most 50 sessions"),
  price: money("Price").refine((c) => c >= 50, "Price must be at least 0.50"),
  validMonths: z.coerce.number({ message: "Months must be a whole number" }).int("Months must be a whole number").min(1, "At least 1 month").max(36, "At most 36 months"),
  serviceIds: z.array(z.uuid()).min(1, "Choose at least one service"),
});
export type PackageInput = z.input<typeof packageSchema>;
