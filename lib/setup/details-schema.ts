import { z } from "zod";
import { practiceBillingSchema } from "@/lib/billing/settings-schema";
import { PRACTICE_LOCALES, type PracticeLocale } from "@/lib/dates/locales";
import { identifiersFor } from "./countries";

/**
 * The practice details step: one schema for the form (react-hook-form) and the
 * server, per country (the NPI exists only for US practices). Tax ID and NPI
 * keep the billing settings' own rules (they are the same columns). The
 * locale is how dates and times read to staff and in the practice's emails
 * and PDFs (decision 0044); the database checks the same list.
 */

const text = (label: string, max: number) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

const optional = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : null));

export function practiceDetailsSchemaFor(country: string) {
  const ids = identifiersFor(country);
  return z
    .object({
    phone: text("Phone", 30).refine((v) => /^\+?[0-9 ().-]{6,30}$/.test(v), "Phone: digits, spaces, dashes and a leading +, e.g. +1 503 555 0142"),
    /** No street address to show (an online-only practice): the address may stay empty. */
    onlineOnly: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false),
    addressLine1: optional("Address", 120),
    addressLine2: optional("Address line 2", 120),
    city: optional("City", 80),
    region: optional(country === "US" ? "State" : "Region", 80),
    postalCode: optional(country === "US" ? "ZIP code" : "Postcode", 20),
    // People type an ABN or a VAT number with spaces; the stored form has none.
    taxId: z.preprocess((v) => (typeof v === "string" ? v.replace(/\s+/g, "").toUpperCase() : (v ?? "")), practiceBillingSchema.shape.taxId),
    npi: ids.npi
      ? z.preprocess((v) => v ?? "", practiceBillingSchema.shape.npi)
      : z
          .string()
          .optional()
          .refine((v) => !v, "An NPI is a US number: leave it empty")
          .transform(() => null),
    // Left out (an older caller): the practice keeps the locale it has.
    locale: z.enum(PRACTICE_LOCALES, { message: "Choose how dates and times read from the list" }).optional(),
    /** Make this address a location, so in-person services can be offered (shown when the practice has none). */
    seeClientsHere: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()).default(false),
  })
    .superRefine((v, ctx) => {
      if (v.onlineOnly) return;
      if (!v.addressLine1) ctx.addIssue({ code: "custom", path: ["addressLine1"], message: "Address is required (or tick \"online only\")" });
      if (!v.city) ctx.addIssue({ code: "custom", path: ["city"], message: "City is required (or tick \"online only\")" });
    })
    .transform(({ onlineOnly, ...v }) =>
      // Online only: no address, and so no location made from it.
      onlineOnly ? { ...v, addressLine1: null, addressLine2: null, city: null, region: null, postalCode: null, seeClientsHere: false } : v,
    );
}

export type PracticeDetailsInput = z.input<ReturnType<typeof practiceDetailsSchemaFor>>;
export type PracticeDetailsValues = z.output<ReturnType<typeof practiceDetailsSchemaFor>>;

export interface PracticeDetailsFormValues {
  phone: string;
  onlineOnly: boolean;
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  taxId: string;
  npi: string;
  locale: PracticeLocale;
  seeClientsHere: boolean;
}
